using Pstm.Diagnostics;
using Pstm.Pdf;

namespace Pstm.Editions;

/// <summary>
/// Outputs are written into a staging folder inside the output folder, then moved into place only when
/// every edition is complete. The move replaces the files one by one, keeping each previous file aside
/// until all are in place: if one cannot be moved, those already moved are put back, so that a failed
/// build leaves the previous outputs exactly as they were.
/// </summary>
public sealed class OutputStaging : IDisposable
{
    /// <summary>How staging folders are named: the output folder's lock holder clears those left by killed builds.</summary>
    public const string Prefix = ".pstm-staging-";

    private readonly string _output;
    private readonly string _previous;

    /// <param name="name">The staging folder's name (starting with <see cref="Prefix"/>); a new one when null.</param>
    public OutputStaging(string outputDirectory, string? name = null)
    {
        _output = Path.GetFullPath(outputDirectory);
        Directory.CreateDirectory(_output);
        name ??= $"{Prefix}{Guid.NewGuid():N}";
        Root = Directory.CreateDirectory(Path.Combine(_output, name)).FullName;
        _previous = Path.Combine(_output, name + "-previous");
    }

    /// <summary>The staging folder, laid out like the output folder.</summary>
    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>
    /// The diagnostic as the user should read it: a file in the staging folder is named where it will be
    /// in the output folder, since the staging folder is gone when the build ends.
    /// </summary>
    public Diagnostic AsFinal(Diagnostic diagnostic)
    {
        var file = diagnostic.Span.File;
        var root = Root + Path.DirectorySeparatorChar;
        return file.StartsWith(root, StringComparison.Ordinal)
            ? diagnostic with { Span = diagnostic.Span with { File = Path.Combine(_output, file[root.Length..]) } }
            : diagnostic;
    }

    public void WriteAllText(string relative, string text)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void WriteAllBytes(string relative, byte[] bytes)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    public void Copy(string source, string relative)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(source, path, overwrite: true);
    }

    /// <summary>
    /// Moves every staged file to its place in the output folder; returns the final paths. If any cannot
    /// be moved, reports it, puts back what was moved, and returns nothing.
    /// </summary>
    public IReadOnlyList<string> Commit(DiagnosticBag diagnostics)
    {
        var moved = new List<(string Target, string? Previous)>();
        var target = "";
        try
        {
            foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList())
            {
                var relative = Path.GetRelativePath(Root, file);
                target = Path.Combine(_output, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                string? previous = null;
                if (File.Exists(target))
                {
                    previous = Path.Combine(_previous, relative);
                    Directory.CreateDirectory(Path.GetDirectoryName(previous)!);
                    File.Move(target, previous);
                }

                moved.Add((target, previous));
                File.Move(file, target);
            }

            return moved.Select(m => m.Target).ToList();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(PdfDiagnostics.OutputNotWritten.Create(
                SourceSpan.ForFile(target),
                $"the output cannot be written: {exception.Message}; the previous outputs were put back",
                "check that the file is not open in another program and that the folder is writable"));
            PutBack(moved);
            return [];
        }
    }

    public void Dispose()
    {
        Delete(Root);
        Delete(_previous);
    }

    private static void PutBack(List<(string Target, string? Previous)> moved)
    {
        foreach (var (target, previous) in Enumerable.Reverse(moved))
        {
            try
            {
                if (previous is not null && File.Exists(previous))
                {
                    File.Move(previous, target, overwrite: true);
                }
                else if (previous is null)
                {
                    File.Delete(target);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // The folder refuses even this: the diagnostic already says it cannot be written.
            }
        }
    }

    private static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
        }
    }
}
