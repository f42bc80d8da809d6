using Pstm.Diagnostics;

namespace Pstm.Editions;

/// <summary>
/// The system's temporary folder (TMPDIR on Unix, TEMP on Windows), which holds the browser's profile
/// and the editions taken out of git. Checked before a command starts its work, so that a TMPDIR naming
/// no folder is one clear error up front (PSTM0715), not a failure after the plan is rendered.
/// </summary>
public static class SystemTempFolder
{
    private static string Variable => OperatingSystem.IsWindows() ? "TEMP" : "TMPDIR";

    /// <summary>Why no temporary folder can be made, or null when one can.</summary>
    public static Diagnostic? Check()
    {
        var folder = Path.TrimEndingDirectorySeparator(Path.GetTempPath());
        try
        {
            // Making one is the only sure test: the folder may exist and still refuse (read-only, full).
            Directory.CreateTempSubdirectory("pstm-check-").Delete();
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            var reason = Directory.Exists(folder) ? $"cannot be written ({exception.Message})" : File.Exists(folder) ? "is a file" : "does not exist";
            return EditionDiagnostics.TemporaryFolderUnusable.Create(
                SourceSpan.ForFile(Variable),
                $"the temporary folder {folder} ({Variable}) {reason}",
                $"set {Variable} to a folder that exists and that you can write to, or unset it");
        }
    }
}
