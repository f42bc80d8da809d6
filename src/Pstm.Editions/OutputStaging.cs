using Pstm.Diagnostics;
using Pstm.Pdf;

namespace Pstm.Editions;

/// <summary>
/// Outputs are written into a staging folder inside the output folder, then moved into place one by
/// one only when every edition is complete; a failed build deletes the staging folder and leaves the
/// previous outputs as they were.
/// </summary>
public sealed class OutputStaging : IDisposable
{
    private readonly string _output;

    public OutputStaging(string outputDirectory)
    {
        _output = Path.GetFullPath(outputDirectory);
        Directory.CreateDirectory(_output);
        Root = Directory.CreateDirectory(Path.Combine(_output, $".pstm-staging-{Guid.NewGuid():N}")).FullName;
    }

    /// <summary>The staging folder, laid out like the output folder.</summary>
    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

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

    /// <summary>Moves every staged file to its place in the output folder; returns the final paths.</summary>
    public IReadOnlyList<string> Commit(DiagnosticBag diagnostics)
    {
        var committed = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var target = Path.Combine(_output, Path.GetRelativePath(Root, file));
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(file, target, overwrite: true);
                committed.Add(target);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(PdfDiagnostics.OutputNotWritten.Create(
                    SourceSpan.ForFile(target), $"the output cannot be written: {exception.Message}", "check that the file is not open in another program and that the folder is writable"));
            }
        }

        return committed;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
        }
    }
}
