using System.Text;
using Pstm.Diagnostics;
using Pstm.Plan.Loading;

namespace Pstm.Plan;

/// <summary>
/// Writes files into a plan folder without ever losing the previous one: the text goes to a temporary
/// file in the same folder, is flushed, read back as pstm reads a plan file (size, UTF-8, characters)
/// and compared, and only then renamed over the old file. Any failure leaves the old file
/// byte-identical and is a diagnostic. Nothing is written outside the plan folder, not even through a
/// link (PSTM0007).
/// </summary>
public sealed class PlanFileWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly string _planDirectory;
    private readonly string _displayRoot;
    private readonly Func<string, Stream> _openTemporary;

    public PlanFileWriter(string planDirectory, string displayRoot)
        : this(planDirectory, displayRoot, path => new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
    {
    }

    /// <param name="openTemporary">Opens the temporary file for writing; tests pass one that fails like a full disk.</param>
    internal PlanFileWriter(string planDirectory, string displayRoot, Func<string, Stream> openTemporary)
    {
        _planDirectory = planDirectory;
        _displayRoot = displayRoot;
        _openTemporary = openTemporary;
    }

    /// <summary>
    /// Reports why <paramref name="path"/> cannot be written, before any work that would be lost: it
    /// leads outside the plan folder, it is a folder, or a folder on its way is a file.
    /// </summary>
    public bool CanWrite(string path, DiagnosticBag diagnostics)
    {
        var display = PlanLoader.DisplayPath(_displayRoot, path);
        if (!PlanBoundary.Contains(_planDirectory, path))
        {
            diagnostics.Add(PlanDiagnostics.IncludeOutsidePlan.Create(
                SourceSpan.ForFile(display),
                $"{display} links to a place outside the plan folder; pstm writes only the plan's own files",
                "replace the link with the file itself, or the linked folder with a folder"));
            return false;
        }

        if (Directory.Exists(path))
        {
            return NotWritable(display, "it is a folder", "move the folder away: pstm writes a file of that name", diagnostics);
        }

        for (var folder = Path.GetDirectoryName(Path.GetFullPath(path)); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(folder))
            {
                return NotWritable(display, $"{PlanLoader.DisplayPath(_displayRoot, folder)} is a file, not a folder", "move that file away: pstm writes a folder of that name", diagnostics);
            }
        }

        return true;
    }

    /// <summary>
    /// Writes <paramref name="text"/> to <paramref name="path"/> in the plan folder, creating its folder
    /// when missing. <paramref name="readsBack"/>, when given, also checks the text read back from the
    /// temporary file (a translation file: the same entries), reporting what differs.
    /// </summary>
    /// <returns>False, with the reasons in <paramref name="diagnostics"/>, when nothing was changed.</returns>
    public bool Write(string path, string text, DiagnosticBag diagnostics, Func<string, string, DiagnosticBag, bool>? readsBack = null)
    {
        if (!CanWrite(path, diagnostics))
        {
            return false;
        }

        var display = PlanLoader.DisplayPath(_displayRoot, path);
        var bytes = Utf8.GetBytes(text);
        if (bytes.Length > PlanLimits.MaxFileBytes)
        {
            diagnostics.Add(PlanDiagnostics.FileTooLarge.Create(
                SourceSpan.ForFile(display),
                $"{display} would be {bytes.Length / (1024 * 1024)} MiB, more than {PlanLimits.MaxFileBytes / (1024 * 1024)} MiB, the limit for one file of a plan; nothing was written",
                "check the texts for something that does not belong in them (a translation is a few kilobytes at most)"));
            return false;
        }

        // A link that stays inside the plan is written through: the file it leads to is replaced, not the link.
        var full = RealPath.Of(path) ?? Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(folder);
            using (var stream = _openTemporary(temporary))
            {
                stream.Write(bytes);
                if (stream is FileStream file)
                {
                    file.Flush(flushToDisk: true);
                }
            }

            if (ReadBack(temporary, display, text, diagnostics) is not { } read || (readsBack is not null && !readsBack(read, display, diagnostics)))
            {
                return false;
            }

            KeepMode(full, temporary);
            File.Move(temporary, full, overwrite: true);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return NotWritable(display, exception.Message, "check that there is space on the disk and that you may write in the folder", diagnostics);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    /// <summary>The text of the temporary file as pstm reads a plan file; null when it is not the text written.</summary>
    private static string? ReadBack(string temporary, string display, string text, DiagnosticBag diagnostics)
    {
        var problems = new DiagnosticBag();
        if (SourceFileReader.Read(temporary, display, problems) is { } read && read == text)
        {
            return read;
        }

        var why = problems.ToSortedList() is [var first, ..] ? first.Message : "the text read back differs from the text written";
        diagnostics.Add(PlanDiagnostics.FileReadsBackDifferently.Create(
            SourceSpan.ForFile(display),
            $"{display} would not read back as written ({why}); nothing was written",
            "this is a text pstm cannot store in a plan file: look for invisible characters in it"));
        return null;
    }

    // The new file keeps the permissions of the one it replaces.
    private static void KeepMode(string full, string temporary)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(full))
        {
            File.SetUnixFileMode(temporary, File.GetUnixFileMode(full));
        }
    }

    private static void TryDelete(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Left behind only when the folder itself is gone or closed to us; the plan's files are unharmed.
        }
    }

    private static bool NotWritable(string display, string why, string hint, DiagnosticBag diagnostics)
    {
        diagnostics.Add(PlanDiagnostics.FileNotWritable.Create(
            SourceSpan.ForFile(display),
            $"{display} cannot be written: {why}; nothing was changed",
            hint));
        return false;
    }
}
