using Pstm.Plan.Loading;

namespace Pstm.Cli.Commands;

/// <summary>
/// Which file of the output folder a request path names, if any: never one outside the folder, never
/// one reached through a symbolic link, never a dotfile or one in a dot-folder (the build's record,
/// its lock, its staging folders), never a named pipe or device.
/// </summary>
internal sealed class ServedFiles(string root)
{
    public string Root { get; } = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;

    /// <summary>Whether a decoded request path holds characters no file name of an output has (NUL, control characters).</summary>
    public static bool IsMalformed(string path) => path.Any(char.IsControl);

    /// <summary>The file <paramref name="path"/> names, or null when there is none to serve.</summary>
    public string? Find(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || path.EndsWith('/') || IsMalformed(path)
            || segments.Any(s => s.StartsWith('.') || s.Contains('\\') || s.Contains(':')))
        {
            return null;
        }

        // Each step is checked, so that a linked folder cannot lead out of the output folder.
        var file = Root.TrimEnd(Path.DirectorySeparatorChar);
        foreach (var segment in segments)
        {
            file = Path.Combine(file, segment);
            var entry = new FileInfo(file);
            if (entry.LinkTarget is not null)
            {
                return null;
            }
        }

        // A named pipe would hold the request open until a writer comes: only regular files are served.
        return file.StartsWith(Root, StringComparison.Ordinal) && File.Exists(file) && RegularFile.Is(file) ? file : null;
    }

    /// <summary>The editions and other files worth a link on the index page, relative to the folder.</summary>
    public IReadOnlyList<string> Listed()
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden };
        return Directory.EnumerateFiles(Root, "*", options)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("assets/", StringComparison.Ordinal) && Find("/" + f) is not null)
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
