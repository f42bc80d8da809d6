using Pstm.Editions;

namespace Pstm.Cli.Commands;

/// <summary>
/// Which changed files a watch rebuilds for: a file the last build read (<see cref="BuildResult.Inputs"/>:
/// the plan's files, included ones too, its images and fonts, the translation files), or any file of a
/// template layer. Another file of the plan folder (notes, a draft, an export) is no change, except after
/// a build that failed: the file that mends it may be one it could not read (a missing include).
/// </summary>
internal sealed class WatchedInputs
{
    private static readonly StringComparer Paths = OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

    private readonly HashSet<string> _read;
    private readonly string[] _layers;
    private readonly string? _planFolder;

    public WatchedInputs(BuildResult last, string planDirectory, IEnumerable<string> layers)
    {
        _read = new HashSet<string>(last.Inputs.Select(Path.GetFullPath), Paths);
        _layers = [.. layers.Select(Folder)];
        _planFolder = last.Succeeded ? null : Folder(planDirectory);
    }

    /// <summary>Whether a change to the file at <paramref name="path"/> (a full path) is one to rebuild for.</summary>
    public bool Counts(string path) =>
        _read.Contains(path)
        || _layers.Any(layer => path.StartsWith(layer, Comparison))
        || (_planFolder is not null && path.StartsWith(_planFolder, Comparison));

    private static StringComparison Comparison => OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    private static string Folder(string folder) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
}
