using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Pstm.Cli.Commands;
using Pstm.Editions;

namespace Pstm.Cli.Tests;

/// <summary>
/// A release of a plan in git (pstm init's, in it and en), built three times as pstm's own processes: once with
/// every locale, and in two parts, one per locale, as two CI jobs would, then assembled. Built once for the class.
/// </summary>
public sealed class ReleaseBuilds : IDisposable
{
    public const string Version = "1.4.0";

    private readonly TemporaryFolder _outputs = new("pstm-release-");

    public ReleaseBuilds()
    {
        var init = CliRunner.RunWith("init", Path.Combine(_outputs.Path, "init"));
        Assert.True(init.ExitCode == 0, init.Out + init.Error);
        Repository = new GitRepository(Path.Combine(_outputs.Path, "init"));

        // SOURCE_DATE_EPOCH unset: a release is dated by the commit, the same in every process.
        var unset = new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "", [ReleaseSource.CommitVariable] = "" };
        Single = Build(unset, "single");
        PartIt = Build(unset, "part-it", "--locale", "it");
        PartEn = Build(unset, "part-en", "--locale", "en");
        Assembly = CliRunner.RunProcess(_outputs.Path, unset, TimeSpan.FromMinutes(2), "release", "assemble", PartIt.Folder, PartEn.Folder, "--out", Assembled);
    }

    internal GitRepository Repository { get; }

    public (string Folder, (int ExitCode, string Out, string Error) Run) Single { get; }

    public (string Folder, (int ExitCode, string Out, string Error) Run) PartIt { get; }

    public (string Folder, (int ExitCode, string Out, string Error) Run) PartEn { get; }

    public string Assembled => Path.Combine(_outputs.Path, "assembled");

    public (int ExitCode, string Out, string Error) Assembly { get; }

    public string Scratch(string name) => Directory.CreateDirectory(Path.Combine(_outputs.Path, "scratch", name)).FullName;

    private (string, (int, string, string)) Build(Dictionary<string, string> environment, string name, params string[] options)
    {
        var folder = Path.Combine(_outputs.Path, name);
        var run = CliRunner.RunProcess(
            _outputs.Path, environment, TimeSpan.FromMinutes(4), ["build", Repository.Plan, "--release", Version, "--strict", "--out", folder, .. options]);
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        return (folder, run);
    }

    public void Dispose()
    {
        Repository.Dispose();
        _outputs.Dispose();
    }
}

public class ReleaseBuildTests(ReleaseBuilds builds) : IClassFixture<ReleaseBuilds>
{
    private static readonly string[] ReleaseFiles =
    [
        "en/example-plan_en_booklet_1.4.0.html", "en/example-plan_en_booklet_1.4.0.pdf", "en/example-plan_en_slides_1.4.0.html", "en/example-plan_en_slides_1.4.0.pdf",
        "it/example-plan_it_booklet_1.4.0.html", "it/example-plan_it_booklet_1.4.0.pdf", "it/example-plan_it_slides_1.4.0.html", "it/example-plan_it_slides_1.4.0.pdf",
    ];

    /// <summary>Every file of a folder but the build's own bookkeeping (.pstm-build.json, .pstm-lock), by relative path.</summary>
    private static Dictionary<string, byte[]> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(folder, path).Replace('\\', '/'))
            .Where(relative => !relative.Split('/').Any(part => part.StartsWith('.')))
            .ToDictionary(relative => relative, relative => File.ReadAllBytes(Path.Combine(folder, relative)), StringComparer.Ordinal);

    private static JsonElement Manifest(string folder) =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "manifest.json"))).RootElement;

    [Fact]
    public void Parts_built_apart_and_assembled_are_byte_for_byte_one_build_of_every_locale()
    {
        Assert.True(builds.Assembly.ExitCode == 0, builds.Assembly.Out + builds.Assembly.Error);
        var single = Files(builds.Single.Folder);
        var assembled = Files(builds.Assembled);

        Assert.Equal(single.Keys.Order(StringComparer.Ordinal), assembled.Keys.Order(StringComparer.Ordinal));
        var different = single.Where(file => !file.Value.AsSpan().SequenceEqual(assembled[file.Key])).Select(file => file.Key).ToList();
        Assert.Empty(different);
        Assert.Equal(File.ReadAllBytes(Path.Combine(builds.Single.Folder, "manifest.json")), File.ReadAllBytes(Path.Combine(builds.Assembled, "manifest.json")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(builds.Single.Folder, "SHA256SUMS")), File.ReadAllBytes(Path.Combine(builds.Assembled, "SHA256SUMS")));
        Assert.Contains("release assembled from 2 parts", builds.Assembly.Out);

        // Each part holds its own locale only, so the comparison is of files that came from different processes.
        Assert.All(Files(builds.PartIt.Folder).Keys.Where(f => f.Contains('/')), f => Assert.StartsWith("it/", f));
        Assert.All(Files(builds.PartEn.Folder).Keys.Where(f => f.Contains('/')), f => Assert.StartsWith("en/", f));
    }

    [Fact]
    public void The_manifest_names_the_plan_version_commit_moment_and_pstm()
    {
        var manifest = Manifest(builds.Single.Folder);
        var head = builds.Repository.Git("rev-parse", "HEAD");
        var time = long.Parse(builds.Repository.Git("log", "-1", "--format=%ct"), CultureInfo.InvariantCulture);

        Assert.Equal("example-plan", manifest.GetProperty("plan").GetString());
        Assert.Equal(ReleaseBuilds.Version, manifest.GetProperty("version").GetString());
        Assert.Equal(head, manifest.GetProperty("source_commit").GetString());
        Assert.Equal(time, manifest.GetProperty("source_date_epoch").GetInt64());
        Assert.Equal(PstmCommandLine.Version, manifest.GetProperty("pstm_version").GetString());
        Assert.Equal($"pstm {PstmCommandLine.Version}", manifest.GetProperty("generator").GetString());
        Assert.Equal(["en", "it"], manifest.GetProperty("locales").EnumerateArray().Select(l => l.GetString()!));
        Assert.Equal(JsonValueKind.Null, manifest.GetProperty("edition_date").ValueKind);
        Assert.Equal(JsonValueKind.Null, manifest.GetProperty("publication_date").ValueKind);
        Assert.Equal(["en"], Manifest(builds.PartEn.Folder).GetProperty("locales").EnumerateArray().Select(l => l.GetString()!));

        // The PDFs are dated by that commit too.
        using var booklet = UglyToad.PdfPig.PdfDocument.Open(Path.Combine(builds.Single.Folder, "it", "example-plan_it_booklet_1.4.0.pdf"));
        Assert.StartsWith(DateTimeOffset.FromUnixTimeSeconds(time).UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture), booklet.Information.CreationDate?.TrimStart('D', ':'));
    }

    [Fact]
    public void Release_files_carry_plan_locale_kind_and_version_and_the_checksums_cover_every_file_assets_included()
    {
        var files = Files(builds.Single.Folder);
        var sums = File.ReadAllLines(Path.Combine(builds.Single.Folder, "SHA256SUMS"));
        var listed = sums.ToDictionary(line => line[66..], line => line[..64], StringComparer.Ordinal);
        var artifacts = Manifest(builds.Single.Folder).GetProperty("artifacts").EnumerateArray()
            .ToDictionary(a => a.GetProperty("artifact").GetString()!, StringComparer.Ordinal);

        Assert.All(ReleaseFiles, file => Assert.Contains(file, files.Keys));
        Assert.DoesNotContain("it/booklet.pdf", files.Keys);
        Assert.Contains(files.Keys, f => f.StartsWith("it/assets/", StringComparison.Ordinal));
        var shipped = files.Keys.Where(f => f is not ("manifest.json" or "SHA256SUMS")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(shipped, listed.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(shipped, artifacts.Keys.Order(StringComparer.Ordinal));
        Assert.All(shipped, file =>
        {
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(files[file]));
            Assert.Equal(sha256, listed[file]);
            Assert.Equal(sha256, artifacts[file].GetProperty("sha256").GetString());
            Assert.Equal(files[file].Length, artifacts[file].GetProperty("bytes").GetInt64());
        });
        Assert.Equal("booklet", artifacts["it/example-plan_it_booklet_1.4.0.pdf"].GetProperty("kind").GetString());
        Assert.True(artifacts["en/example-plan_en_slides_1.4.0.pdf"].GetProperty("pages").GetInt32() >= 3);
    }

    [Fact]
    public void Verify_accepts_the_release_and_refuses_it_once_a_file_is_changed()
    {
        var copy = builds.Scratch("tampered");
        foreach (var (relative, bytes) in Files(builds.Assembled))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(copy, relative))!);
            File.WriteAllBytes(Path.Combine(copy, relative), bytes);
        }

        var good = CliRunner.RunWith("release", "verify", builds.Assembled);
        File.AppendAllText(Path.Combine(copy, "en", "assets", "theme.css"), "/* changed */");
        var bad = CliRunner.RunWith("release", "verify", copy, "--format", "github");

        Assert.True(good.ExitCode == ExitCodes.Success, good.Out);
        Assert.Contains("release example-plan 1.4.0 verified", good.Out);
        Assert.Equal(ExitCodes.InputErrors, bad.ExitCode);
        Assert.Contains("::error file=", bad.Out);
        Assert.Contains("title=PSTM0635::en/assets/theme.css does not match its checksum", bad.Out);
    }

    [Fact]
    public void Assembly_refuses_parts_of_another_version_and_writes_nothing()
    {
        var other = builds.Scratch("part-en-1.4.1");
        foreach (var (relative, bytes) in Files(builds.PartEn.Folder))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(other, relative))!);
            File.WriteAllBytes(Path.Combine(other, relative), bytes);
        }

        var manifest = Path.Combine(other, "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"version\": \"1.4.0\"", "\"version\": \"1.4.1\"", StringComparison.Ordinal));
        var output = Path.Combine(builds.Scratch("refused"), "release");

        var (exitCode, text, _) = CliRunner.RunWith("release", "assemble", builds.PartIt.Folder, other, "--out", output);

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.Contains("error PSTM0636: this part's version is '1.4.1'", text);
        Assert.Contains("release assembly failed; nothing was written", text);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void A_bad_version_and_commit_are_refused_before_anything_is_printed_and_an_undated_release_is_told()
    {
        // Outside git, with no SOURCE_DATE_EPOCH and no date in plan.yaml: nothing to date the release by.
        using var copy = TemporaryFolder.CopyOf(builds.Repository.Plan);
        using var output = new TemporaryFolder("pstm-release-refused-");
        var environment = new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "", [ReleaseSource.CommitVariable] = "abc123" };

        var (exitCode, text, _) = CliRunner.RunProcess(
            output.Path, environment, TimeSpan.FromMinutes(2), "build", copy.Path, "--release", "1.4/beta", "--out", Path.Combine(output.Path, "release"));

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.Contains("error PSTM0630: --release '1.4/beta' cannot be part of the release's file names", text);
        Assert.Contains("error PSTM0633: PSTM_SOURCE_COMMIT is 'abc123'", text);
        Assert.Contains("warning PSTM0631", text);
        Assert.False(Directory.Exists(Path.Combine(output.Path, "release")));
    }

    [Fact]
    public void The_source_is_the_plan_folders_commit_and_changes_to_it_are_found_but_not_the_output_folder()
    {
        using var repository = new GitRepository(builds.Repository.Plan);
        var head = repository.Git("rev-parse", "HEAD");
        var release = Path.Combine(repository.Plan, "release");
        Directory.CreateDirectory(release);
        File.WriteAllText(Path.Combine(release, "left.pdf"), "an output inside the plan's folder");

        var clean = ReleaseOptions.Source(repository.Plan, release);
        File.AppendAllText(Path.Combine(repository.Plan, "plan.yaml"), "\n# edited\n");
        File.WriteAllText(Path.Combine(repository.Plan, "new.yaml"), "missions: []\n");
        var changed = ReleaseOptions.Source(repository.Plan, release);
        using var notInGit = new TemporaryFolder("pstm-not-git-");
        var outside = ReleaseOptions.Source(notInGit.Path, release);

        Assert.Equal(head, clean.Commit);
        Assert.Equal("git", clean.From);
        Assert.Equal(repository.Git("log", "-1", "--format=%ct"), clean.CommitTime);
        Assert.Empty(clean.Changes!);
        Assert.Equal(["plan/new.yaml", "plan/plan.yaml"], changed.Changes!.Order(StringComparer.Ordinal));
        Assert.Null(outside.Commit);
    }
}
