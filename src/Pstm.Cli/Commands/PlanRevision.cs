using System.Diagnostics;
using System.Formats.Tar;
using Pstm.Diagnostics;
using Pstm.Plan;

namespace Pstm.Cli.Commands;

/// <summary>
/// A side of <c>pstm diff</c>, or the earlier edition of <c>--changes-since</c>: a plan folder, or a plan
/// folder at a git revision (<c>HEAD~3:plan</c>, <c>v2025.1:plan</c>), taken out with <c>git archive</c>
/// into a temporary folder deleted on dispose.
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

    /// <summary>The plan folder <paramref name="spec"/> names; null with the reason when git cannot give it.</summary>
    public static (PlanRevision? Revision, string? Error) Open(string spec)
    {
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        if (!IsInGit(spec))
        {
            // An empty name stays as it is: checking the plan reports that it names no folder.
            var folderName = spec.Length == 0 ? spec : Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(spec)));
            return (new PlanRevision(spec, folderName), null);
        }

        var (revision, path) = (spec[..colon], spec[(colon + 1)..].Trim('/'));
        var (archive, error) = Git("archive", "--format=tar", revision, "--", path.Length == 0 ? "." : path);
        if (archive is null)
        {
            return (null, $"git cannot give {spec}: {error}");
        }

        var temporary = Directory.CreateTempSubdirectory("pstm-diff-").FullName;
        try
        {
            TarFile.ExtractToDirectory(archive, temporary, overwriteFiles: false);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or EndOfStreamException)
        {
            Directory.Delete(temporary, recursive: true);
            return (null, $"git gave {spec} as an archive pstm cannot read: {exception.Message}");
        }

        // A tag names an edition for readers better than HEAD~3 does.
        var (tag, _) = Git("describe", "--tags", "--exact-match", revision);
        var name = tag is null ? revision : new StreamReader(tag).ReadToEnd().Trim();
        return (new PlanRevision(Path.Combine(temporary, path), name.Length == 0 ? revision : name, temporary, revision), null);
    }

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

    /// <summary>Runs git; its standard output, or null with what git said (its last line, "fatal: …").</summary>
    private static (Stream? Output, string Error) Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var git = Process.Start(start)!;
            var error = git.StandardError.ReadToEndAsync();
            var output = new MemoryStream();
            git.StandardOutput.BaseStream.CopyTo(output);
            git.WaitForExit();
            var said = error.Result.Trim().Split('\n').LastOrDefault(l => l.Length > 0)?.Trim() ?? $"git {arguments[0]} failed";
            output.Position = 0;
            return git.ExitCode == 0 ? (output, "") : (null, said);
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return (null, $"git cannot be run ({exception.Message}); is it installed?");
        }
    }

    /// <summary>The lines of the revision's files, under their REVISION:PATH names.</summary>
    private sealed class PrefixedLines(ISourceLines lines, string prefix) : ISourceLines
    {
        public string? GetLine(string file, int line) =>
            file.StartsWith(prefix, StringComparison.Ordinal) ? lines.GetLine(file[prefix.Length..], line) : null;
    }
}
