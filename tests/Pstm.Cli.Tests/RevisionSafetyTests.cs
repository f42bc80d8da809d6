using Pstm.Plan.Loading;

namespace Pstm.Cli.Tests;

/// <summary>
/// The git revisions of <c>pstm diff</c> and <c>build --changes-since</c> against hostile input: a revision
/// that git would read as an option, a revision holding files past the plan limits, links in a revision.
/// </summary>
public class RevisionSafetyTests
{
    private static readonly string Current = Path.Combine(Golden.ProjectDirectory, "Editions", "current");

    // "--output=FILE:HEAD" made git archive overwrite FILE with a tar; "--output=FILE:plan" truncated it.
    [Theory]
    [InlineData("diff", "HEAD")]
    [InlineData("diff", "plan")]
    [InlineData("build", "HEAD")]
    [InlineData("build", "plan")]
    public void A_revision_that_starts_with_a_dash_is_refused_and_git_writes_nothing(string command, string path)
    {
        using var repository = new GitRepository(Current);
        var victim = Path.Combine(repository.Root, "victim.txt");
        File.WriteAllText(victim, "keep me\n");
        var written = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(victim, written);
        var revision = $"--output={victim}:{path}";

        var (exitCode, output, error) = command == "diff"
            ? CliRunner.RunProcess(repository.Root, "diff", revision, "plan")
            : CliRunner.RunProcess(repository.Root, "build", "plan", "--changes-since", revision, "--out", Path.Combine(repository.Root, "dist"));

        Assert.Equal("keep me\n", File.ReadAllText(victim));
        Assert.Equal(written, File.GetLastWriteTimeUtc(victim));
        Assert.True(exitCode == ExitCodes.Usage, output + error);
        Assert.Contains($"{revision}: error PSTM0706: the revision '--output={victim}' starts with '-'", output);
        Assert.False(Directory.Exists(Path.Combine(repository.Root, "dist")));
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")] // a shell script posing as git
    public void Git_archive_and_describe_are_given_only_hashes_and_the_path_after_a_double_dash()
    {
        using var repository = new GitRepository(Current);
        repository.Git("tag", "v1");
        var (tree, commit) = (repository.Git("rev-parse", "HEAD^{tree}"), repository.Git("rev-parse", "HEAD"));
        var log = Path.Combine(repository.Root, "git.log");
        var bin = Directory.CreateDirectory(Path.Combine(repository.Root, "bin")).FullName;
        var script = Path.Combine(bin, "git");
        // A git that writes down its arguments, one per field, then runs the real one.
        File.WriteAllText(script, $"#!/bin/sh\nfor a in \"$@\"; do printf '%s|' \"$a\" >> '{log}'; done\necho >> '{log}'\nexec '{RealGit()}' \"$@\"\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var path = new Dictionary<string, string> { ["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH") };

        var (exitCode, output, error) = CliRunner.RunProcess(repository.Root, path, "diff", "v1:plan", "plan");

        Assert.True(exitCode == ExitCodes.Success, output + error);
        var calls = File.ReadAllLines(log);
        Assert.Contains($"archive|--format=tar|{tree}|--|plan|", calls);
        Assert.Contains($"describe|--tags|--exact-match|{commit}|", calls);
        Assert.All(calls.Where(c => c.StartsWith("rev-parse|", StringComparison.Ordinal)), c => Assert.Contains("|--end-of-options|v1^{", c));
    }

    [Fact]
    public void A_file_in_a_revision_larger_than_a_plan_file_may_be_is_refused_at_revision_and_path()
    {
        using var repository = new GitRepository(Current);
        WriteFile(Path.Combine(repository.Plan, "video.bin"), PlanLimits.MaxFileBytes + (1024 * 1024));
        repository.Commit("a large file beside the plan");

        var (diffExit, diffOutput, diffError) = CliRunner.RunProcess(repository.Root, "diff", "HEAD:plan", "plan");
        var (buildExit, buildOutput, buildError) = CliRunner.RunProcess(
            repository.Root, "build", "plan", "--changes-since", "HEAD:plan", "--out", Path.Combine(repository.Root, "dist"));

        Assert.True(diffExit == ExitCodes.InputErrors, diffOutput + diffError);
        Assert.Contains("HEAD:plan/video.bin: error PSTM0010: the file is larger than 16 MiB", diffOutput);
        Assert.Contains("pstm diff: HEAD:plan cannot be compared", diffError);
        Assert.True(buildExit == ExitCodes.InputErrors, buildOutput + buildError);
        Assert.Contains("HEAD:plan/video.bin: error PSTM0010", buildOutput);
        Assert.False(Directory.Exists(Path.Combine(repository.Root, "dist")));
    }

    [Fact]
    public void Files_of_a_revision_together_larger_than_a_plan_may_be_are_refused()
    {
        using var repository = new GitRepository(Current);
        var each = PlanLimits.MaxFileBytes - 1024;
        for (var i = 0; i * (long)each <= PlanLimits.MaxPlanBytes; i++)
        {
            WriteFile(Path.Combine(repository.Plan, "scans", $"scan{i}.bin"), each);
        }

        repository.Commit("large files beside the plan");

        var (exitCode, output, error) = CliRunner.RunProcess(repository.Root, "diff", "HEAD:plan", "plan");

        Assert.True(exitCode == ExitCodes.InputErrors, output + error);
        Assert.Contains("HEAD:plan: error PSTM0012: the folder's files are larger than 64 MiB together", output);
    }

    [Fact]
    public void Links_in_a_revision_are_left_out_and_the_rest_is_compared()
    {
        using var repository = new GitRepository(Current);
        File.CreateSymbolicLink(Path.Combine(repository.Plan, "secret.yaml"), "/etc/passwd");
        File.CreateSymbolicLink(Path.Combine(repository.Plan, "up.yaml"), "../victim.yaml");
        repository.Commit("links beside the plan");
        File.Delete(Path.Combine(repository.Plan, "secret.yaml"));
        File.Delete(Path.Combine(repository.Plan, "up.yaml"));

        var (exitCode, output, error) = CliRunner.RunProcess(repository.Root, "diff", "HEAD:plan", "plan");

        Assert.True(exitCode == ExitCodes.Success, output + error);
        Assert.EndsWith("no changes\n", output.ReplaceLineEndings("\n"));
        Assert.False(File.Exists(Path.Combine(repository.Root, "victim.yaml")));
    }

    /// <summary>A file of <paramref name="bytes"/> spaces: git stores it in a few kilobytes, and streams all of it.</summary>
    private static void WriteFile(string path, long bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = File.Create(path);
        var chunk = new byte[1024 * 1024];
        Array.Fill(chunk, (byte)' ');
        for (var left = bytes; left > 0; left -= chunk.Length)
        {
            file.Write(chunk, 0, (int)Math.Min(left, chunk.Length));
        }
    }

    private static string RealGit() =>
        Environment.GetEnvironmentVariable("PATH")!.Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, "git"))
            .First(File.Exists);
}
