namespace Pstm.Plan.Loading;

/// <summary>
/// Whether a path stays inside the plan folder once every link along it is followed: the rule of
/// includes (PSTM0007), applied to every file pstm reads or writes in a plan, such as the translations.
/// </summary>
public static class PlanBoundary
{
    // Windows and macOS file systems ignore case by default: there, PLAN/x.yaml is inside plan/.
    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>True when <paramref name="path"/>, existing or not, leads to a place inside <paramref name="planDirectory"/>.</summary>
    public static bool Contains(string planDirectory, string path)
    {
        if (RealPath.Of(planDirectory) is not { } root || RealPath.Of(path) is not { } real)
        {
            return false;
        }

        return real.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, PathComparison);
    }
}
