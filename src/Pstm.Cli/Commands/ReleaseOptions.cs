using System.CommandLine;
using Pstm.Editions;

namespace Pstm.Cli.Commands;

/// <summary>
/// <c>build --release VERSION</c>, and what a build that writes a manifest learns from git: the commit the
/// plan folder is at, whether the folder differs from it, and, for a release without SOURCE_DATE_EPOCH, the
/// commit's time to date the editions with, so that a release is reproducible by default.
/// </summary>
internal static class ReleaseOptions
{
    public static readonly Option<string?> Release = new("--release")
    {
        Description = "Build a release: each edition file named PLAN_LOCALE_KIND_VERSION (it/psttm-2025-2027_it_booklet_1.4.0.pdf), "
            + "with manifest.json (plan, version, source commit, SOURCE_DATE_EPOCH, pstm's version) and SHA256SUMS of every file; "
            + "implies --manifest and --force, and dates the editions by the plan's last commit when SOURCE_DATE_EPOCH is unset.",
        HelpName = "VERSION",
    };

    // git status lists at most this many changed files in the warning.
    private const int ChangesShown = 5;

    /// <summary>The request with the release's version and source; as it was for a build that writes no manifest.</summary>
    public static BuildRequest Apply(ParseResult parse, BuildRequest request)
    {
        var version = parse.GetValue(Release);
        if (version is null && !request.Manifest)
        {
            return request;
        }

        var source = Source(request.PlanDirectory, request.OutputDirectory);
        var epoch = string.IsNullOrWhiteSpace(request.SourceDateEpoch) && version is not null ? source.CommitTime : request.SourceDateEpoch;
        return request with
        {
            Manifest = true,
            SourceDateEpoch = epoch,
            Release = new ReleaseSource(version, source.Commit, source.From, source.Changes),
        };
    }

    /// <summary>
    /// The commit the plan folder was built from: <c>PSTM_SOURCE_COMMIT</c> when set (a plan copied out of its
    /// repository), else git's HEAD when the folder is in a work tree, with its time and the plan folder's
    /// files that differ from it (the output folder aside); nothing outside git.
    /// </summary>
    public static (string? Commit, string? From, string? CommitTime, IReadOnlyList<string>? Changes) Source(string planDirectory, string outputDirectory)
    {
        if (Environment.GetEnvironmentVariable(ReleaseSource.CommitVariable) is { Length: > 0 } given)
        {
            return (given.Trim().ToLowerInvariant(), ReleaseSource.CommitVariable, null, null);
        }

        if (!Directory.Exists(planDirectory))
        {
            return default;
        }

        var folder = Path.GetFullPath(planDirectory);
        var (head, _) = GitProcess.Run("-C", folder, "log", "-1", "--format=%H %ct", "HEAD", "--");
        if (head?.Split(' ') is not [var commit, var time])
        {
            return default;
        }

        // The output folder inside the plan folder (release/ in a plan's repository) is no change to the plan.
        var output = Path.GetRelativePath(folder, Path.GetFullPath(string.IsNullOrWhiteSpace(outputDirectory) ? "." : outputDirectory));
        var pathspec = new List<string> { "-C", folder, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", "." };
        if (!output.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(output) && output != ".")
        {
            pathspec.Add($":(exclude){output.Replace('\\', '/')}");
        }

        // "XY PATH" entries, each ended by NUL; a rename's former path follows as an entry of its own, without XY.
        var changes = RawOutput([.. pathspec]).Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Where(entry => entry.Length > 3 && entry[2] == ' ')
            .Select(entry => entry[3..])
            .Take(ChangesShown + 1)
            .ToList();
        var shown = changes.Count > ChangesShown ? [.. changes.Take(ChangesShown), "…"] : changes;
        return (commit, "git", time, shown);
    }

    /// <summary>git's standard output as it is (GitProcess.Run trims it, and a status line may start with a space); "" when git fails.</summary>
    private static string RawOutput(params string[] arguments)
    {
        var (git, _) = GitProcess.Start(arguments);
        if (git is null)
        {
            return "";
        }

        using (git)
        {
            var error = git.StandardError.ReadToEndAsync();
            var output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            _ = error.Result;
            return git.ExitCode == 0 ? output : "";
        }
    }
}
