using System.Text.RegularExpressions;
using Pstm.Diagnostics;
using Pstm.Plan.Model;

namespace Pstm.Editions;

/// <summary>
/// What a build's manifest says of where its editions come from beyond the plan itself: the release's
/// version (which the release's file names carry) and the commit the plan folder was built from.
/// </summary>
/// <param name="Version">The release's version (<c>build --release VERSION</c>); null for <c>--manifest</c> alone, which keeps the output folder's usual names.</param>
/// <param name="SourceCommit">The full id of the commit the plan was built from; null when the plan folder is in no git work tree.</param>
/// <param name="CommitFrom">Where the commit was read: git, or the variable that gave it; null when there is none.</param>
/// <param name="UncommittedChanges">Files of the plan folder that differ from the commit (git status), the first few.</param>
public sealed partial record ReleaseSource(string? Version, string? SourceCommit, string? CommitFrom = null, IReadOnlyList<string>? UncommittedChanges = null)
{
    /// <summary>The variable that names the source commit where git cannot (a plan copied out of its repository).</summary>
    public const string CommitVariable = "PSTM_SOURCE_COMMIT";

    /// <summary>Whether <paramref name="version"/> can be part of a file name: letters, digits, '.' and '-', a letter or digit at each end.</summary>
    public static bool IsValidVersion(string version) => VersionPattern().IsMatch(version);

    /// <summary>Whether <paramref name="commit"/> is a full commit id: 40 (SHA-1) or 64 (SHA-256) lower-case hex digits.</summary>
    public static bool IsValidCommit(string commit) => CommitPattern().IsMatch(commit);

    /// <summary>What is wrong with this source for a build of <paramref name="plan"/>, as diagnostics: a bad version or commit (errors), uncommitted changes and an undated release (warnings).</summary>
    public IEnumerable<Diagnostic> Check(string planDirectory, StrategicPlan plan, string? sourceDateEpoch)
    {
        if (Version is { } version && !IsValidVersion(version))
        {
            yield return ReleaseDiagnostics.InvalidVersion.Create(
                SourceSpan.ForFile("--release"),
                $"--release '{version}' cannot be part of the release's file names",
                "give a version of letters, digits, '.' and '-' that starts and ends with a letter or digit, at most 64 characters, such as 1.4.0 or 2025.1-rc.1");
        }

        if (SourceCommit is { } commit && !IsValidCommit(commit))
        {
            yield return ReleaseDiagnostics.InvalidSourceCommit.Create(
                SourceSpan.ForFile(CommitFrom ?? CommitVariable),
                $"{CommitFrom ?? CommitVariable} is '{commit}', not the full id of a commit",
                "set it to the 40 (or 64) hex digits that 'git rev-parse HEAD' prints, or unset it");
        }

        if (UncommittedChanges is { Count: > 0 } changes)
        {
            yield return ReleaseDiagnostics.UncommittedChanges.Create(
                SourceSpan.ForFile(planDirectory),
                $"the plan folder differs from commit {SourceCommit?[..Math.Min(12, SourceCommit.Length)]} that the manifest names ({string.Join(", ", changes)}): the release would not be what that commit builds",
                "commit the changes (or stash them) and build again");
        }

        if (Version is not null && string.IsNullOrWhiteSpace(sourceDateEpoch) && plan.Date is null)
        {
            yield return ReleaseDiagnostics.NotReproducible.Create(
                SourceSpan.ForFile("SOURCE_DATE_EPOCH"),
                "SOURCE_DATE_EPOCH is unset, the plan folder is in no git work tree and plan.yaml states no date: the release is dated now, and no two builds of it are the same",
                "set SOURCE_DATE_EPOCH (git log -1 --format=%ct gives the last commit's time), build from the plan's git work tree, or give plan.yaml a date");
        }
    }

    [GeneratedRegex(@"^[0-9A-Za-z](?:[0-9A-Za-z.\-]{0,62}[0-9A-Za-z])?$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^(?:[0-9a-f]{40}|[0-9a-f]{64})$")]
    private static partial Regex CommitPattern();
}
