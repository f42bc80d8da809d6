using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Pstm.Cli.Tests;

/// <summary>pstm's version comes from git (MinVer): the latest tag vX.Y.Z, or a pre-release counted from it.</summary>
public partial class VersionTests
{
    [Fact]
    public void The_version_is_the_one_the_checkout_it_was_built_from_gives()
    {
        // Given this checkout: its latest v-tag, if any, and the commits since it along the main line (merged branches' own commits do not count)
        var tag = Git("describe", "--tags", "--match", "v[0-9]*", "--abbrev=0");
        var height = int.Parse(Git("rev-list", "--count", "--first-parent", tag.Length == 0 ? "HEAD" : $"{tag}..HEAD"), System.Globalization.CultureInfo.InvariantCulture)
            - (tag.Length == 0 ? 1 : 0);

        // When pstm, as its own process (in-process, --version would give the test host's), is asked its version
        var (exitCode, output, _) = CliRunner.RunProcess(CliRunner.RepositoryRoot, "--version");

        // Then it is the tag's on a tagged commit, else the next patch (0.1.0 before any tag) as a pre-release N commits on
        string expected;
        if (tag.Length == 0)
        {
            expected = height == 0 ? "0.1.0-alpha.0" : $"0.1.0-alpha.0.{height}";
        }
        else
        {
            var parts = TagVersion().Match(tag);
            expected = height == 0
                ? tag[1..]
                : $"{parts.Groups[1].Value}.{parts.Groups[2].Value}.{int.Parse(parts.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) + 1}-alpha.0.{height}";
        }

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(expected, output.Trim());
    }

    [Fact]
    public void The_pdfs_and_the_manifest_name_the_same_version_as_the_command_line()
    {
        Assert.Equal($"pstm {PstmCommandLine.Version}", global::Pstm.Editions.EditionBuilder.Generator);
    }

    private static string Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = CliRunner.RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output.Trim() : "";
    }

    [GeneratedRegex(@"^v(\d+)\.(\d+)\.(\d+)$")]
    private static partial Regex TagVersion();
}
