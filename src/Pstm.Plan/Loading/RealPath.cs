namespace Pstm.Plan.Loading;

/// <summary>
/// Where a path really leads once every symbolic link along it is followed. .NET resolves a link only
/// as the last part of a path: a linked folder higher up (plan/linked/x.yaml, linked pointing
/// elsewhere) would otherwise go unnoticed.
/// </summary>
internal static class RealPath
{
    // As operating systems do, give up after this many links: a cycle of links leads nowhere.
    private const int MaxLinks = 40;

    /// <summary>The real path, or null when the links form a cycle or run too long.</summary>
    public static string? Of(string path)
    {
        var pending = new List<string>();
        var current = Split(Path.GetFullPath(path), pending);
        var links = 0;
        while (pending.Count > 0)
        {
            var next = Path.Combine(current, pending[0]);
            pending.RemoveAt(0);
            if (new FileInfo(next).LinkTarget is not { } target)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            var rest = pending.ToList();
            pending.Clear();
            current = Split(Path.GetFullPath(target, current), pending);
            pending.AddRange(rest);
        }

        return current;
    }

    /// <summary>Puts the parts of <paramref name="full"/> into <paramref name="parts"/>; returns its root.</summary>
    private static string Split(string full, List<string> parts)
    {
        var root = Path.GetPathRoot(full)!;
        parts.AddRange(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
        return root;
    }
}
