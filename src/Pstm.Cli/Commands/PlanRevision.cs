using System.Diagnostics;
using System.Formats.Tar;

namespace Pstm.Cli.Commands;

/// <summary>
/// A side of <c>pstm diff</c>: a plan folder, or a plan folder at a git revision (<c>HEAD~3:plan</c>,
/// <c>v2025.1:plan</c>), taken out with <c>git archive</c> into a temporary folder deleted on dispose.
/// </summary>
internal sealed class PlanRevision : IDisposable
{
    private readonly string? _temporary;

    private PlanRevision(string folder, string? temporary, string name)
    {
        Folder = folder;
        _temporary = temporary;
        Name = name;
    }

    public string Folder { get; }

    /// <summary>The edition as readers would name it: the revision (v2025.1), or the folder's name.</summary>
    public string Name { get; }

    /// <summary>The plan folder <paramref name="spec"/> names; null with the reason when git cannot give it.</summary>
    public static (PlanRevision? Revision, string? Error) Open(string spec)
    {
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        if (Directory.Exists(spec) || colon <= 0)
        {
            return (new PlanRevision(spec, null, Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(spec)))), null);
        }

        var (revision, path) = (spec[..colon], spec[(colon + 1)..].Trim('/'));
        var temporary = Directory.CreateTempSubdirectory("pstm-diff-").FullName;
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "archive", "--format=tar", revision, "--", path.Length == 0 ? "." : path })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var git = Process.Start(start)!;
            var error = git.StandardError.ReadToEndAsync();
            TarFile.ExtractToDirectory(git.StandardOutput.BaseStream, temporary, overwriteFiles: false);
            git.WaitForExit();
            if (git.ExitCode != 0)
            {
                Directory.Delete(temporary, recursive: true);
                return (null, $"git cannot give {spec}: {error.Result.Trim()}");
            }
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidDataException or IOException)
        {
            Directory.Delete(temporary, recursive: true);
            return (null, $"git cannot give {spec}: {exception.Message}");
        }

        return (new PlanRevision(Path.Combine(temporary, path), temporary, revision), null);
    }

    public void Dispose()
    {
        if (_temporary is not null && Directory.Exists(_temporary))
        {
            Directory.Delete(_temporary, recursive: true);
        }
    }
}
