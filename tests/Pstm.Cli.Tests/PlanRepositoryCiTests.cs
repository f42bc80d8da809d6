using System.Security.Cryptography;
using System.Text.Json;
using Pstm.Editions;

namespace Pstm.Cli.Tests;

/// <summary>
/// A plan in a repository of its own, as the pstm-editions action builds it on GitHub: a copy of the shipped plan
/// at the root of a new git repository outside pstm's (no pstm sources in it), tagged v1.4.0; pstm installed from
/// this checkout's .nupkg as a .NET tool by the action's script; then the script's steps as the jobs of the
/// example workflow run them (validate, one build per locale into parts, assemble, publish), with a stand-in for
/// gh that keeps what it is asked to attach. Run once for the class.
/// </summary>
public sealed class PlanRepositoryRun : IDisposable
{
    public const string Tag = "v1.4.0";

    // 2025-06-01T12:00:00Z, the commit's time: the release is dated by it.
    public const long CommitTime = 1748779200;

    private readonly TemporaryFolder _root = new("pstm-plan-ci-");

    public PlanRepositoryRun()
    {
        Directory.CreateDirectory(Repository);
        foreach (var file in Directory.GetFiles(CliRunner.ShippedPlan, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Repository, Path.GetRelativePath(CliRunner.ShippedPlan, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var dated = new Dictionary<string, string> { ["GIT_AUTHOR_DATE"] = "2025-06-01T12:00:00+00:00", ["GIT_COMMITTER_DATE"] = "2025-06-01T12:00:00+00:00" };
        Git(dated, "init", "-q");
        Git(dated, "add", ".");
        Git(dated, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "the plan");
        Git(dated, "tag", Tag);
        Head = Git(dated, "rev-parse", "HEAD");

        // gh, as the runner has it: 'release view' finds no release yet, anything else is logged and its files kept.
        Directory.CreateDirectory(Uploads);
        var bin = Directory.CreateDirectory(Path.Combine(_root.Path, "bin")).FullName;
        var gh = Path.Combine(bin, "gh");
        File.WriteAllText(gh, """
            #!/usr/bin/env bash
            printf '%s\n' "$*" >> "$GH_LOG"
            if [ "$1 $2" = "release view" ]; then exit 1; fi
            for argument in "$@"; do if [ -f "$argument" ]; then cp "$argument" "$GH_UPLOADS/"; fi; done
            """.Replace("\r\n", "\n"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(gh, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Environment = new Dictionary<string, string>
        {
            ["PATH"] = $"{bin}{Path.PathSeparator}{System.Environment.GetEnvironmentVariable("PATH")}",
            ["PSTM_TOOL_PATH"] = Tools,
            ["PSTM_TOOL_SOURCE"] = PackedTool.Packages,
            ["PSTM_TOOL_VERSION"] = PackedTool.Version,
            ["NUGET_PACKAGES"] = Path.Combine(_root.Path, "nuget"),
            ["GITHUB_REF_TYPE"] = "tag",
            ["GITHUB_REF_NAME"] = Tag,
            ["GITHUB_SHA"] = Head,
            ["GITHUB_OUTPUT"] = Path.Combine(_root.Path, "github-output"),
            ["GITHUB_PATH"] = Path.Combine(_root.Path, "github-path"),
            ["GITHUB_ENV"] = Path.Combine(_root.Path, "github-env"),
            ["GITHUB_ACTIONS"] = "",
            ["GH_LOG"] = GhLog,
            ["GH_UPLOADS"] = Uploads,
            ["SOURCE_DATE_EPOCH"] = "",
            [ReleaseSource.CommitVariable] = "",
            ["PSTM_OUT"] = "",
            ["PSTM_PLAN"] = "",
            ["PSTM_RELEASE_VERSION"] = "",
            ["PSTM_LOCALES"] = "",
            ["PSTM_BUILD_ARGS"] = "",
        };

        // The jobs of docs/ci/plan-repository.yml, in order; each matrix job writes its part into a folder of its own.
        Install = Step("install");
        Locales = Step("locales");
        Validate = Step("validate");
        BuildIt = Step("build", ["it"], Part("it"));
        BuildEn = Step("build", ["en"], Part("en"));
        Assemble = Step("assemble", [Part("it"), Part("en")], "release");
        Publish = Step("publish", [], "release");
        FirstArchive = Path.Combine(_root.Path, "first.tar.gz");
        File.Move(Path.Combine(Uploads, "psttm-2025-2027_1.4.0.tar.gz"), FirstArchive);
        PublishAgain = Step("publish", [], "release");
    }

    public string Repository => Path.Combine(_root.Path, "plan-repository");

    public string Tools => Path.Combine(_root.Path, "tools");

    public string Uploads => Path.Combine(_root.Path, "uploads");

    public string GhLog => Path.Combine(_root.Path, "gh.log");

    public string Release => Path.Combine(Repository, "release");

    public string FirstArchive { get; }

    public string Head { get; }

    public Dictionary<string, string> Environment { get; }

    public (int ExitCode, string Output) Install { get; }

    public (int ExitCode, string Output) Locales { get; }

    public (int ExitCode, string Output) Validate { get; }

    public (int ExitCode, string Output) BuildIt { get; }

    public (int ExitCode, string Output) BuildEn { get; }

    public (int ExitCode, string Output) Assemble { get; }

    public (int ExitCode, string Output) Publish { get; }

    public (int ExitCode, string Output) PublishAgain { get; }

    public static string Script => Path.Combine(CliRunner.RepositoryRoot, ".github", "actions", "pstm-editions", "pstm-editions.sh");

    public string Part(string locale) => Path.Combine(_root.Path, "parts", $"pstm-part-{locale}");

    public string Scratch(string name) => Directory.CreateDirectory(Path.Combine(_root.Path, "scratch", name)).FullName;

    public string ReadFile(string name) => File.Exists(Path.Combine(_root.Path, name)) ? File.ReadAllText(Path.Combine(_root.Path, name)) : "";

    /// <summary>One step of the script, in the plan's repository, with <see cref="Environment"/> and these changes.</summary>
    public (int ExitCode, string Output) Step(string step, IEnumerable<string>? arguments = null, string? output = null, IDictionary<string, string>? changes = null)
    {
        var environment = new Dictionary<string, string>(Environment);
        if (output is not null)
        {
            environment["PSTM_OUT"] = output;
        }

        foreach (var (name, value) in changes ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        return PackedTool.Run("bash", [Script, step, .. arguments ?? []], Repository, environment, TimeSpan.FromMinutes(6));
    }

    private string Git(Dictionary<string, string> environment, params string[] arguments)
    {
        var (exitCode, output) = PackedTool.Run("git", arguments, Repository, environment);
        Assert.True(exitCode == 0, output);
        return output.Trim();
    }

    public void Dispose() => _root.Dispose();
}

public class PlanRepositoryCiTests(PlanRepositoryRun run) : IClassFixture<PlanRepositoryRun>
{
    private static readonly string[] Documents =
    [
        "en/psttm-2025-2027_en_booklet_1.4.0.pdf", "en/psttm-2025-2027_en_slides_1.4.0.html", "en/psttm-2025-2027_en_slides_1.4.0.pdf",
        "it/psttm-2025-2027_it_booklet_1.4.0.pdf", "it/psttm-2025-2027_it_slides_1.4.0.html", "it/psttm-2025-2027_it_slides_1.4.0.pdf",
    ];

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private static Dictionary<string, string> Sums(string folder) =>
        File.ReadAllLines(Path.Combine(folder, "SHA256SUMS")).ToDictionary(line => line[66..], line => line[..64], StringComparer.Ordinal);

    [Fact]
    public void The_script_installs_pstm_from_the_package_as_a_tool_and_finds_a_browser()
    {
        Assert.True(run.Install.ExitCode == 0, run.Install.Output);
        Assert.True(File.Exists(Path.Combine(run.Tools, "pstm")));
        Assert.Contains($"pstm {PackedTool.Version} in {run.Tools}", run.Install.Output);
        Assert.Equal(run.Tools, run.ReadFile("github-path").Trim());
        var browser = run.ReadFile("github-env").Trim();
        Assert.StartsWith("PSTM_BROWSER=/", browser);
        Assert.True(File.Exists(browser["PSTM_BROWSER=".Length..]), browser);
        Assert.False(File.Exists(Path.Combine(run.Repository, "pstm-editions.sh")));
        Assert.False(Directory.Exists(Path.Combine(run.Repository, "src")));
    }

    [Fact]
    public void The_plans_locales_come_out_as_a_matrix()
    {
        Assert.True(run.Locales.ExitCode == 0, run.Locales.Output);
        Assert.Equal("[\"it\",\"en\"]", run.Locales.Output.Trim());
        Assert.Contains("locales=[\"it\",\"en\"]\n", run.ReadFile("github-output"));
    }

    [Fact]
    public void Validation_reports_the_plans_diagnostics_as_annotations_on_its_files()
    {
        Assert.True(run.Validate.ExitCode == 0, run.Validate.Output);
        var annotations = run.Validate.Output.Split('\n').Where(line => line.StartsWith("::", StringComparison.Ordinal)).ToList();
        Assert.Contains(annotations, a => a.StartsWith("::warning file=chapters.yaml,line=", StringComparison.Ordinal) && a.Contains(",title=PSTM0404::", StringComparison.Ordinal));
        Assert.Contains(annotations, a => a.StartsWith("::notice file=missions.yaml,line=", StringComparison.Ordinal));
        Assert.DoesNotContain(annotations, a => a.StartsWith("::error", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_locale_builds_as_a_part_of_its_own_and_the_parts_assemble_into_the_release()
    {
        Assert.True(run.BuildIt.ExitCode == 0, run.BuildIt.Output);
        Assert.True(run.BuildEn.ExitCode == 0, run.BuildEn.Output);
        Assert.True(run.Assemble.ExitCode == 0, run.Assemble.Output);
        Assert.Contains("part=pstm-part-it\n", run.ReadFile("github-output"));
        Assert.Contains("part=pstm-part-en\n", run.ReadFile("github-output"));
        Assert.DoesNotContain("PSTM0632", run.BuildIt.Output + run.BuildEn.Output);
        Assert.Contains("building release 1.4.0 of . (it)", run.BuildIt.Output);
        Assert.Contains("release psttm-2025-2027 1.4.0 verified", run.Assemble.Output);
        Assert.True(Directory.GetDirectories(run.Part("it")).Select(Path.GetFileName).SequenceEqual(["it"]));

        var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(run.Release, "manifest.json"))).RootElement;
        Assert.Equal("psttm-2025-2027", manifest.GetProperty("plan").GetString());
        Assert.Equal("1.4.0", manifest.GetProperty("version").GetString());
        Assert.Equal(run.Head, manifest.GetProperty("source_commit").GetString());
        Assert.Equal(PlanRepositoryRun.CommitTime, manifest.GetProperty("source_date_epoch").GetInt64());
        Assert.Equal(PackedTool.Version, manifest.GetProperty("pstm_version").GetString());
        Assert.Equal(["en", "it"], manifest.GetProperty("locales").EnumerateArray().Select(l => l.GetString()!));

        // Every file shipped is in SHA256SUMS with its checksum, the booklet's assets included.
        var sums = Sums(run.Release);
        var files = Directory.EnumerateFiles(run.Release, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(run.Release, path).Replace('\\', '/'))
            .Where(relative => !relative.Split('/').Any(part => part.StartsWith('.')) && relative is not ("manifest.json" or "SHA256SUMS"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(files, sums.Keys.Order(StringComparer.Ordinal));
        Assert.All(Documents, document => Assert.Contains(document, files));
        Assert.Contains(files, f => f.StartsWith("en/assets/", StringComparison.Ordinal));
        Assert.All(files, file => Assert.Equal(sums[file], Sha256(Path.Combine(run.Release, file))));
    }

    [Fact]
    public void On_a_tag_the_documents_the_manifest_the_checksums_and_an_archive_of_the_release_are_attached()
    {
        Assert.True(run.Publish.ExitCode == 0, run.Publish.Output);
        var log = File.ReadAllLines(run.GhLog);
        Assert.Equal($"release view {PlanRepositoryRun.Tag}", log[0]);
        Assert.StartsWith($"release create {PlanRepositoryRun.Tag} --title {PlanRepositoryRun.Tag} --generate-notes --verify-tag ", log[1]);

        // The stand-in kept the second publish's files; each document is the release's, by its unique name.
        var sums = Sums(run.Release);
        var attached = Directory.GetFiles(run.Uploads).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        string[] expected = ["SHA256SUMS", "manifest.json", "psttm-2025-2027_1.4.0.tar.gz", .. Documents.Select(d => Path.GetFileName(d))];
        Assert.Equal(expected.Order(StringComparer.Ordinal), attached);
        Assert.All(Documents, document => Assert.Equal(sums[document], Sha256(Path.Combine(run.Uploads, Path.GetFileName(document)))));
        Assert.Equal(File.ReadAllBytes(Path.Combine(run.Release, "manifest.json")), File.ReadAllBytes(Path.Combine(run.Uploads, "manifest.json")));

        // The archive holds the whole release, which its own SHA256SUMS checks, and is the same bytes each time.
        var unpacked = run.Scratch("unpacked");
        var (exitCode, output) = PackedTool.Run("tar", ["-xzf", run.FirstArchive, "-C", unpacked], unpacked);
        Assert.True(exitCode == 0, output);
        var inside = Path.Combine(unpacked, "psttm-2025-2027_1.4.0");
        Assert.All(sums, sum => Assert.Equal(sum.Value, Sha256(Path.Combine(inside, sum.Key))));
        Assert.True(File.Exists(Path.Combine(inside, "manifest.json")));
        Assert.Equal(File.ReadAllBytes(run.FirstArchive), File.ReadAllBytes(Path.Combine(run.Uploads, "psttm-2025-2027_1.4.0.tar.gz")));
        Assert.True(run.PublishAgain.ExitCode == 0, run.PublishAgain.Output);
    }

    [Fact]
    public void Off_a_tag_nothing_is_published_and_the_version_names_the_commit()
    {
        var branch = new Dictionary<string, string> { ["GITHUB_REF_TYPE"] = "branch", ["GITHUB_REF_NAME"] = "main", ["GH_LOG"] = Path.Combine(run.Scratch("branch"), "gh.log") };

        var publish = run.Step("publish", [], "release", branch);
        var version = run.Step("version", [], null, branch);
        var tagged = run.Step("version");

        Assert.True(publish.ExitCode == 0, publish.Output);
        Assert.Contains("not a tag", publish.Output);
        Assert.False(File.Exists(branch["GH_LOG"]));
        Assert.Equal($"0.0.0-dev.{run.Head[..7]}", version.Output.Trim());
        Assert.Equal("1.4.0", tagged.Output.Trim());
    }
}

/// <summary>The action, pstm's release workflow and the example workflow call only steps the script has, by its path.</summary>
public partial class CiFilesTests
{
    [Theory]
    [InlineData(".github/actions/pstm-editions/action.yml")]
    [InlineData(".github/workflows/release.yml")]
    public void Every_step_called_is_one_the_script_knows(string file)
    {
        var script = File.ReadAllText(PlanRepositoryRun.Script);
        var calls = ScriptCall().Matches(File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, file))).Select(m => m.Groups["step"].Value).ToList();

        Assert.NotEmpty(calls);
        Assert.All(calls, step => Assert.Contains($"\n  {step}) ", script, StringComparison.Ordinal));
    }

    [Fact]
    public void The_example_workflow_uses_the_action_for_each_of_its_steps()
    {
        var workflow = File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "docs", "ci", "plan-repository.yml"));
        var action = File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, ".github", "actions", "pstm-editions", "action.yml"));

        foreach (var step in new[] { "validate", "build", "assemble" })
        {
            Assert.Contains($"step: {step}\n", workflow.Replace("\r\n", "\n"), StringComparison.Ordinal);
            Assert.Contains($"inputs.step == '{step}'", action, StringComparison.Ordinal);
        }

        Assert.Contains("uses: OWNER/pstm/.github/actions/pstm-editions@", workflow, StringComparison.Ordinal);
        Assert.Contains("fromJSON(needs.validate.outputs.locales)", workflow, StringComparison.Ordinal);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"bash ""?\S*pstm-editions\.sh""? (?<step>[a-z-]+)")]
    private static partial System.Text.RegularExpressions.Regex ScriptCall();
}
