using System.IO.Enumeration;
using Pstm.Diagnostics;
using Pstm.Plan.Model;

namespace Pstm.Plan.Loading;

/// <summary>
/// Turns the <c>include:</c> entries of plan.yaml into files inside the plan folder. An entry is a path
/// relative to the plan folder, or a pattern with '*' or '?' in its file name (matches are taken in
/// name order). Nothing outside the plan folder may be included, not even through a link.
/// </summary>
internal sealed class IncludeResolver(string planDirectory, string planFile, DiagnosticBag diagnostics)
{
    private readonly string _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(planDirectory)) + Path.DirectorySeparatorChar;
    private readonly string? _realRoot = RealPath.Of(planDirectory) is { } real ? Path.TrimEndingDirectorySeparator(real) + Path.DirectorySeparatorChar : null;
    private readonly string _planFile = Path.GetFullPath(planFile);
    private readonly HashSet<string> _included = new(StringComparer.Ordinal) { Path.GetFullPath(planFile) };
    private long _bytes = Math.Min(new FileInfo(planFile).Length, PlanLimits.MaxFileBytes);

    public IReadOnlyList<string> Resolve(IEnumerable<Located<string>> includes)
    {
        var files = new List<string>();
        foreach (var include in includes)
        {
            var relative = include.Value.Replace('\\', '/');
            if (relative.AsSpan().IndexOfAny('\0', '\n', '\r') >= 0)
            {
                diagnostics.Add(PlanDiagnostics.IncludeNotFound.Create(
                    include.Span,
                    "an included path cannot hold a line break or a NUL character",
                    "paths in 'include' are relative to the plan folder, such as drivers.yaml"));
                continue;
            }

            if (Path.IsPathRooted(relative) || !IsInside(Path.GetFullPath(Path.Combine(_root, relative))))
            {
                diagnostics.Add(PlanDiagnostics.IncludeOutsidePlan.Create(
                    include.Span,
                    $"'{include.Value}' is outside the plan folder; a plan may include only its own files",
                    "move the file into the plan folder and include it by a relative path such as drivers.yaml"));
                continue;
            }

            var matches = IsPattern(relative) ? Expand(relative, include) : Single(relative, include);
            foreach (var file in matches)
            {
                if (file == _planFile)
                {
                    diagnostics.Add(PlanDiagnostics.IncludedTwice.Create(
                        include.Span,
                        Severity.Error,
                        $"'{include.Value}' names plan.yaml itself; a plan cannot include its own root file",
                        "include only content files, such as missions.yaml"));
                    continue;
                }

                if (!_included.Add(file))
                {
                    diagnostics.Add(PlanDiagnostics.IncludedTwice.Create(
                        include.Span,
                        $"'{include.Value}' names {Path.GetRelativePath(_root, file).Replace('\\', '/')}, which is already read",
                        "each file is read once; remove the repeated entry"));
                    continue;
                }

                if (!WithinLimits(files.Count, file, include))
                {
                    return files;
                }

                files.Add(file);
            }
        }

        return files;
    }

    private bool WithinLimits(int count, string file, Located<string> include)
    {
        if (count >= PlanLimits.MaxIncludedFiles)
        {
            diagnostics.Add(PlanDiagnostics.TooManyFiles.Create(
                include.Span,
                $"the plan includes more than {PlanLimits.MaxIncludedFiles} files, the limit of included files; '{include.Value}' and what follows are not read",
                "merge small files, or check that the pattern matches only the plan's files"));
            return false;
        }

        // A file over the limit for one file is read only up to that limit, and reported as such.
        _bytes += Math.Min(new FileInfo(file).Length, PlanLimits.MaxFileBytes);
        if (_bytes > PlanLimits.MaxPlanBytes)
        {
            diagnostics.Add(PlanDiagnostics.PlanTooLarge.Create(
                include.Span,
                $"with '{Path.GetRelativePath(_root, file).Replace('\\', '/')}' the plan's files exceed {PlanLimits.MaxPlanBytes / (1024 * 1024)} MiB together, the limit for a plan; it and what follows are not read",
                "a plan's text is a few megabytes at most: check for large files that do not belong to the plan"));
            return false;
        }

        return true;
    }

    private static bool IsPattern(string path) => Path.GetFileName(path).AsSpan().IndexOfAny('*', '?') >= 0;

    private IEnumerable<string> Single(string relative, Located<string> include)
    {
        var full = Path.GetFullPath(Path.Combine(_root, relative));
        if (!File.Exists(full))
        {
            var known = Directory.EnumerateFiles(_root, "*.y*ml", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(_root, f).Replace('\\', '/'));
            var suggestion = DidYouMean.Suggest(relative, known);
            diagnostics.Add(PlanDiagnostics.IncludeNotFound.Create(
                include.Span,
                $"included file '{include.Value}' does not exist" + (suggestion is null ? "" : $". Did you mean '{suggestion}'?"),
                "paths in 'include' are relative to the plan folder"));
            return [];
        }

        return IsInsideAfterLinks(full, include) ? [full] : [];
    }

    private List<string> Expand(string relative, Located<string> include)
    {
        var directory = Path.GetFullPath(Path.Combine(_root, Path.GetDirectoryName(relative) ?? ""));
        var pattern = Path.GetFileName(relative);
        var matches = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory)
                .Where(f => FileSystemName.MatchesSimpleExpression(pattern, Path.GetFileName(f), ignoreCase: false))
                .Order(StringComparer.Ordinal)
                .Where(f => IsInsideAfterLinks(f, include))
                .ToList()
            : [];
        if (matches.Count == 0)
        {
            diagnostics.Add(PlanDiagnostics.IncludePatternEmpty.Create(
                include.Span,
                $"the pattern '{include.Value}' matches no file",
                "check the folder and the pattern; '*' matches any part of a file name"));
        }

        return matches;
    }

    private bool IsInsideAfterLinks(string full, Located<string> include)
    {
        if (RealPath.Of(full) is { } real && _realRoot is { } realRoot && real.StartsWith(realRoot, PathComparison))
        {
            return true;
        }

        diagnostics.Add(PlanDiagnostics.IncludeOutsidePlan.Create(
            include.Span,
            $"'{include.Value}' links to a file outside the plan folder; a plan may include only its own files",
            "copy the file into the plan folder instead of linking to it"));
        return false;
    }

    // Windows and macOS file systems ignore case by default: there, PLAN/x.yaml is inside plan/.
    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private bool IsInside(string fullPath) => fullPath.StartsWith(_root, PathComparison);
}
