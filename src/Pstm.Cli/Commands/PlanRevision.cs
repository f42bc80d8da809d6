using Pstm.Diagnostics;
using Pstm.Editions;
using Pstm.Plan;

namespace Pstm.Cli.Commands;

/// <summary>
/// A side of <c>pstm diff</c>, or the earlier edition of <c>--changes-since</c>: a plan folder, or a plan
/// folder at a git revision (<c>HEAD~3:plan</c>, <c>v2025.1:plan</c>), taken out with <c>git archive</c>
/// into a temporary folder deleted on dispose. The revision is resolved to a tree hash first, and only that
/// hash is passed on, so that no text of the user's reaches git where it would read an option.
/// </summary>
internal sealed class PlanRevision : IDisposable
{
    private readonly string? _temporary;
    private readonly string? _revision;

    private PlanRevision(string folder, string name, string? temporary = null, string? revision = null)
    {
        Folder = folder;
        Name = name;
        _temporary = temporary;
        _revision = revision;
    }

    public string Folder { get; }

    /// <summary>The edition as readers would name it: the revision's tag (v2025.1) or the revision, or the folder's name.</summary>
    public string Name { get; }

    /// <summary>True when <paramref name="spec"/> names a folder at a git revision, taken out into a temporary folder.</summary>
    public static bool IsInGit(string spec) => !Directory.Exists(spec) && spec.IndexOf(':', StringComparison.Ordinal) > 0;

    /// <summary>The plan folder <paramref name="spec"/> names; null with the diagnostic that says why git cannot give it.</summary>
    public static (PlanRevision? Revision, Diagnostic? Problem) Open(string spec)
    {
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        if (!IsInGit(spec))
        {
            // An empty name stays as it is: checking the plan reports that it names no folder.
            var folderName = spec.Length == 0 ? spec : Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(spec)));
            return (new PlanRevision(spec, folderName), null);
        }

        var (revision, path) = (spec[..colon], spec[(colon + 1)..].Trim('/'));
        path = path.Length == 0 ? "." : path;

        // git would read "--output=/tmp/v" as its own option, and write there.
        if (revision.StartsWith('-'))
        {
            return (null, EditionDiagnostics.RevisionLikeAnOption.Create(
                SourceSpan.ForFile(spec),
                $"the revision '{revision}' starts with '-', which git would take for one of its options; it is not passed to git",
                "name the revision by its tag, branch or commit hash (v2025.1:plan, HEAD~3:plan)"));
        }

        // Only the hash git resolved reaches git archive, and the path comes after "--".
        var (tree, said) = GitProcess.Run("rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{tree}");
        if (tree is null || !IsHash(tree))
        {
            return (null, Unavailable(spec, said.Length == 0 ? $"git knows no commit, tag or tree '{revision}'" : said));
        }

        var temporary = Directory.CreateTempSubdirectory("pstm-diff-").FullName;
        var problem = TakeOut(spec, revision, tree, path, temporary);
        if (problem is not null)
        {
            Directory.Delete(temporary, recursive: true);
            return (null, problem);
        }

        // A tag names an edition for readers better than HEAD~3 does.
        var (commit, _) = GitProcess.Run("rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}");
        var (tag, _) = commit is not null && IsHash(commit) ? GitProcess.Run("describe", "--tags", "--exact-match", commit) : default;
        var name = string.IsNullOrEmpty(tag) ? revision : tag;
        return (new PlanRevision(Path.Combine(temporary, path), name, temporary, revision), null);
    }

    /// <summary>The exit code for a problem <see cref="Open"/> found: a usage error for a revision refused as an option.</summary>
    public static int ExitCodeOf(Diagnostic problem) =>
        problem.Code == EditionDiagnostics.RevisionLikeAnOption.Code ? ExitCodes.Usage : ExitCodes.InputErrors;

    /// <summary>
    /// Checks the plan. The files of a revision are named REVISION:PATH (<c>v2025.1:plan/drivers.yaml</c>),
    /// not by the temporary folder, which is gone by the time the user reads them.
    /// </summary>
    public (PlanCheck Check, ISourceLines Sources) Check()
    {
        if (_temporary is null)
        {
            var check = PlanCheck.Run(Folder);
            return (check, check.Sources);
        }

        var inRevision = PlanCheck.Run(Folder, _temporary);
        var prefix = _revision + ":";
        var named = inRevision with
        {
            Diagnostics = [.. inRevision.Diagnostics.Select(d => d with { Span = d.Span with { File = prefix + d.Span.File } })],
        };
        return (named, new PrefixedLines(inRevision.Sources, prefix));
    }

    public void Dispose()
    {
        if (_temporary is not null && Directory.Exists(_temporary))
        {
            Directory.Delete(_temporary, recursive: true);
        }
    }

    /// <summary>
    /// Streams <c>git archive</c> of <paramref name="tree"/> into <paramref name="temporary"/>; null when done, else
    /// why not. git is killed when pstm stops reading early, so that it does not go on producing a huge file.
    /// </summary>
    private static Diagnostic? TakeOut(string spec, string revision, string tree, string path, string temporary)
    {
        var (started, cannot) = GitProcess.Start("archive", "--format=tar", tree, "--", path);
        if (started is null)
        {
            return Unavailable(spec, cannot);
        }

        using var git = started;
        var said = git.StandardError.ReadToEndAsync();
        Diagnostic? limit = null;
        string? unreadable = null;
        try
        {
            limit = RevisionArchive.Extract(git.StandardOutput.BaseStream, path, temporary, revision);
            if (limit is null)
            {
                // Past the end of the archive, git writes only padding.
                git.StandardOutput.BaseStream.CopyTo(Stream.Null);
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or EndOfStreamException or FormatException)
        {
            unreadable = exception.Message;
        }

        // Past a limit git is stopped at once; an archive that cannot be read is most often git failing
        // (a folder not in the revision), whose reason is worth the wait for it to end.
        var stopped = limit is not null ? !git.HasExited
            : unreadable is not null && !git.WaitForExit(TimeSpan.FromSeconds(10));
        if (stopped)
        {
            git.Kill(entireProcessTree: true);
        }

        git.WaitForExit();
        if (limit is not null)
        {
            return limit;
        }

        // What git said (a path not in the revision), not what reading its empty output did.
        return git.ExitCode != 0 && !stopped ? Unavailable(spec, GitProcess.LastLine(said.Result, "git archive failed"))
            : unreadable is not null ? Unavailable(spec, $"git gave an archive pstm cannot read: {unreadable}")
            : null;
    }

    private static Diagnostic Unavailable(string spec, string reason) =>
        EditionDiagnostics.RevisionUnavailable.Create(
            SourceSpan.ForFile(spec),
            $"git cannot give {spec}: {reason}",
            "check the revision (git log --oneline, git tag) and the folder in it, and run pstm inside the repository");

    private static bool IsHash(string text) => text.Length >= 40 && text.All(char.IsAsciiHexDigitLower);

    /// <summary>The lines of the revision's files, under their REVISION:PATH names.</summary>
    private sealed class PrefixedLines(ISourceLines lines, string prefix) : ISourceLines
    {
        public string? GetLine(string file, int line) =>
            file.StartsWith(prefix, StringComparison.Ordinal) ? lines.GetLine(file[prefix.Length..], line) : null;
    }
}
