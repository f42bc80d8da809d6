using Pstm.Diagnostics;

namespace Pstm.Editions;

/// <summary>
/// The output folder, checked and held for one build: it is created if missing, refused with a clear
/// error when it cannot be (a file in the way, no permission), and locked so that two builds into it
/// at once take turns instead of mixing their files. Holding the lock, it clears the staging folders
/// that killed builds left behind. Disposing it lets the next build in.
/// </summary>
public sealed class OutputFolder : IDisposable
{
    /// <summary>The lock file; the lock is the operating system's (flock on Unix), released when pstm ends, however it ends.</summary>
    public const string LockFileName = ".pstm-lock";

    private static readonly TimeSpan RetryEvery = TimeSpan.FromMilliseconds(100);

    private readonly FileStream _lock;

    private OutputFolder(string path, FileStream held)
    {
        Path = path;
        _lock = held;
    }

    public string Path { get; }

    /// <summary>
    /// Opens <paramref name="outputDirectory"/> for a build, waiting while another build holds it;
    /// null after reporting why it cannot be used.
    /// </summary>
    public static async Task<OutputFolder?> OpenAsync(string outputDirectory, DiagnosticBag diagnostics, Action<string>? progress, CancellationToken cancellation)
    {
        if (Check(outputDirectory) is { } unusable)
        {
            diagnostics.Add(unusable);
            return null;
        }

        var path = System.IO.Path.GetFullPath(outputDirectory);
        var lockPath = System.IO.Path.Combine(path, LockFileName);
        var waited = false;
        while (true)
        {
            try
            {
                var held = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                var folder = new OutputFolder(path, held);
                folder.RemoveLeftStaging();
                return folder;
            }
            catch (IOException exception) when (IsHeldElsewhere(exception))
            {
                // Another build holds the folder: wait for it, as cargo and dotnet do, until Ctrl+C.
                if (!waited)
                {
                    progress?.Invoke($"waiting for another pstm build into {outputDirectory} to finish");
                    waited = true;
                }

                await Task.Delay(RetryEvery, cancellation);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(EditionDiagnostics.OutputFolderUnusable.Create(
                    SourceSpan.ForFile(outputDirectory),
                    $"the output folder cannot be written: {exception.Message}",
                    "choose a folder you can write to with --out"));
                return null;
            }
        }
    }

    public void Dispose() => _lock.Dispose();

    /// <summary>
    /// Whether opening the lock file failed because another handle holds it. .NET reports that with the
    /// system's own number: a sharing violation on Windows, EWOULDBLOCK from flock on Linux (11) and macOS (35).
    /// </summary>
    private static bool IsHeldElsewhere(IOException exception) =>
        OperatingSystem.IsWindows() ? (exception.HResult & 0xFFFF) is 32 or 33 : exception.HResult is 11 or 35;

    /// <summary>
    /// Creates the output folder if missing; why it cannot be used (PSTM0704), or null when it exists now
    /// and can be. The commands that write into a folder (build, export, schema) check it first.
    /// </summary>
    public static Diagnostic? Check(string outputDirectory)
    {
        // An empty name (--out '') would be the working folder, or an error deep in the file system.
        if (string.IsNullOrWhiteSpace(outputDirectory))
        {
            return EditionDiagnostics.OutputFolderUnusable.Create(
                SourceSpan.ForFile("--out"),
                $"the output folder's name is '{outputDirectory}': empty or blank, it names no folder",
                "give --out a folder such as dist (it is created if missing)");
        }

        return Unusable(System.IO.Path.GetFullPath(outputDirectory)) is { } reason
            ? EditionDiagnostics.OutputFolderUnusable.Create(SourceSpan.ForFile(outputDirectory), reason.Message, reason.Hint)
            : null;
    }

    /// <summary>Why <paramref name="path"/> cannot be the output folder, or null when it exists now and can be.</summary>
    private static (string Message, string Hint)? Unusable(string path)
    {
        if (File.Exists(path))
        {
            return ($"the output folder is a file: {path}", "give --out a folder (it is created if missing), not a file");
        }

        for (var parent = System.IO.Path.GetDirectoryName(path); parent is not null; parent = System.IO.Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent))
            {
                return ($"the output folder cannot be created inside a file: {parent}", "give --out a folder whose parents are folders");
            }
        }

        try
        {
            Directory.CreateDirectory(path);
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return ($"the output folder cannot be created: {exception.Message}", "choose a folder you can write to with --out");
        }
    }

    /// <summary>Staging folders of builds that were killed before they could clear them: no build is using them now.</summary>
    private void RemoveLeftStaging()
    {
        foreach (var staging in Directory.EnumerateDirectories(Path, OutputStaging.Prefix + "*"))
        {
            try
            {
                Directory.Delete(staging, recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Left for the next build: it is no output, and nothing reads it.
            }
        }
    }
}
