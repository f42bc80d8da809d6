using System.Diagnostics;
using System.Text.Json;

namespace Pstm.Cli.Tests;

/// <summary>
/// <c>pstm diff</c> on two editions of the shipped plan (Editions/current, and Editions/edited with a
/// reworded objective, an objective renamed M1.4 → M2.9 into another mission, a removed objective and
/// a new driver link), as folders and as git revisions.
/// </summary>
public class DiffCommandTests
{
    private static readonly string Editions = Path.Combine(Golden.ProjectDirectory, "Editions");
    private static readonly string Current = Path.Combine(Editions, "current");
    private static readonly string Edited = Path.Combine(Editions, "edited");

    [Fact]
    public void The_text_diff_of_two_editions_lists_each_change_by_id()
    {
        var (exitCode, text, error) = CliRunner.Run($"diff {Current} {Edited}");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("", error);
        Golden.Verify(Path.Combine(Editions, "diff.txt"), text.Replace(Editions + Path.DirectorySeparatorChar, "", StringComparison.Ordinal));
    }

    [Fact]
    public void The_json_diff_carries_kinds_fields_and_the_words_of_a_rewording()
    {
        var (exitCode, text, _) = CliRunner.Run($"diff {Current} {Edited} --format json");

        Assert.Equal(ExitCodes.Success, exitCode);
        var changes = JsonDocument.Parse(text).RootElement.GetProperty("changes").EnumerateArray().ToList();
        var reworded = Assert.Single(changes, c => c.GetProperty("kind").GetString() == "reworded");
        Assert.Equal("M1.2", reworded.GetProperty("id").GetString());
        var added = Assert.Single(reworded.GetProperty("words").EnumerateArray(), w => w.GetProperty("kind").GetString() == "added");
        Assert.Equal(" sostenibile", added.GetProperty("text").GetString());
        var renamed = Assert.Single(changes, c => c.GetProperty("kind").GetString() == "renamed");
        Assert.Equal(("M1.4", "M2.9"), (renamed.GetProperty("before").GetString(), renamed.GetProperty("after").GetString()));
        Assert.DoesNotContain(changes, c => c.GetProperty("kind").GetString() == "added");
    }

    [Fact]
    public void Without_the_renamed_map_a_renamed_id_shows_as_removed_and_added()
    {
        using var edited = new TemporaryCopy(Edited);
        var plan = Path.Combine(edited.Path, "plan.yaml");
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("renamed:\n  M1.4: M2.9\n", "", StringComparison.Ordinal));

        var (_, text, _) = CliRunner.Run($"diff {Current} {edited.Path}");

        Assert.Contains("objective M1.4 removed: Valorizzare l'**Idroscalo**", text);
        Assert.Contains("objective M2.9 added: Valorizzare l'**Idroscalo**", text);
        Assert.DoesNotContain("renamed", text);
    }

    [Fact]
    public void An_edition_compared_with_itself_has_no_changes()
    {
        var (exitCode, text, _) = CliRunner.Run($"diff {Current} {Current}");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.EndsWith("no changes\n", text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_side_can_be_a_git_revision_of_a_plan_folder()
    {
        using var repository = new TemporaryCopy(Current, "plan");
        Git(repository.Root, "init", "-q");
        Git(repository.Root, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", ".");
        Git(repository.Root, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "current edition");
        foreach (var file in Directory.GetFiles(Edited, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(repository.Path, Path.GetRelativePath(Edited, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        var (exitCode, output, error) = CliRunner.RunProcess(repository.Root, "diff", "HEAD:plan", "plan");

        Assert.True(exitCode == ExitCodes.Success, error);
        var expected = File.ReadAllText(Path.Combine(Editions, "diff.txt")).Split('\n').Skip(1);
        Assert.Equal(expected, output.ReplaceLineEndings("\n").Split('\n').Skip(1));
    }

    [Fact]
    public void A_revision_git_does_not_know_is_an_input_error()
    {
        var (exitCode, output, error) = CliRunner.RunProcess(CliRunner.RepositoryRoot, "diff", "no-such-revision-anywhere:plan", "plan");
        var (_, missing, _) = CliRunner.RunProcess(CliRunner.RepositoryRoot, "diff", "HEAD:no-such-folder", "plan");

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.Contains("no-such-revision-anywhere:plan: error PSTM0707: git cannot give no-such-revision-anywhere:plan: git knows no commit, tag or tree 'no-such-revision-anywhere'", output);
        Assert.Contains("no-such-revision-anywhere:plan cannot be compared", error);
        // What git said, not what reading its empty output did.
        Assert.Contains("HEAD:no-such-folder: error PSTM0707: git cannot give HEAD:no-such-folder: fatal: pathspec 'no-such-folder' did not match any files", missing);
    }

    [Fact]
    public void Errors_in_a_revision_name_its_files_by_revision_and_path_not_a_deleted_folder()
    {
        using var repository = new TemporaryCopy(Current, "plan");
        var drivers = Path.Combine(repository.Path, "drivers.yaml");
        File.WriteAllText(drivers, File.ReadAllText(drivers).Replace("missions: [", "missions: [[", StringComparison.Ordinal));
        Git(repository.Root, "init", "-q");
        Git(repository.Root, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", ".");
        Git(repository.Root, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "broken edition");
        Git(repository.Root, "tag", "broken");

        var (exitCode, output, error) = CliRunner.RunProcess(repository.Root, "diff", "broken:plan", Edited);
        var (_, json, _) = CliRunner.RunProcess(repository.Root, "diff", "broken:plan", Edited, "--format", "json");

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.StartsWith("broken:plan/drivers.yaml(", output);
        Assert.DoesNotContain(Path.GetTempPath(), output + error);
        Assert.Contains("broken:plan has errors", error);
        using var document = JsonDocument.Parse(json);
        Assert.False(document.RootElement.GetProperty("success").GetBoolean());
        Assert.StartsWith("broken:plan/drivers.yaml", document.RootElement.GetProperty("diagnostics")[0].GetProperty("file").GetString());
    }

    [Fact]
    public void A_locale_applies_to_the_text_diff_too()
    {
        var (exitCode, text, _) = CliRunner.Run($"diff {Current} {Edited} --locale en");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("objective M5.6 removed: Develop **international partnerships**", text);
    }

    [Fact]
    public void Out_without_the_booklet_appendix_is_a_usage_error()
    {
        var (exitCode, _, error) = CliRunner.Run($"diff {Current} {Edited} --out somewhere");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--booklet-appendix", error);
    }

    [Fact]
    public void The_earlier_edition_can_be_named_for_readers()
    {
        var (_, html, _) = CliRunner.RunProcess(CliRunner.RepositoryRoot, "diff", Current, Edited, "--format", "html", "--since-name", "edizione di febbraio 2025");

        Assert.Contains("<h2 id=\"changes\">Modifiche rispetto a edizione di febbraio 2025</h2>", html);
    }

    [Fact]
    public void A_side_with_errors_is_reported_and_not_compared()
    {
        var (exitCode, text, error) = CliRunner.Run($"diff {Current} {CliRunner.PlanCase("PSTM0203-unknown-mission")}");

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.Contains("has errors", error);
        Assert.Contains("PSTM0203", text + error);
    }

    [Fact]
    public void The_html_diff_is_a_page_for_readers_in_the_language_asked_for()
    {
        var (exitCode, html, error) = CliRunner.Run($"diff {Current} {Edited} --format html --locale en");

        Assert.True(exitCode == ExitCodes.Success, error);
        // The version comes from git and changes with every commit: the page names it, the golden file does not.
        var generator = global::Pstm.Editions.EditionBuilder.Generator;
        Assert.Contains($"<meta name=\"generator\" content=\"{generator}\">", html, StringComparison.Ordinal);
        Golden.Verify(
            Path.Combine(Editions, "diff.en.html"),
            html.Replace(Editions + Path.DirectorySeparatorChar, "", StringComparison.Ordinal).Replace(generator, "pstm VERSION", StringComparison.Ordinal));
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("<del>Develop international partnerships</del>", html);
        // Its English translation is stale: the Italian words say they are Italian.
        Assert.Contains("text: <span lang=\"it\">Promuovere lo sviluppo economico <ins>sostenibile</ins></span>", html);
        Assert.Contains("<th scope=\"row\">Objective M2.9</th><td>Renamed</td><td>formerly M1.4</td>", html);
    }

    [Fact]
    public void The_html_diff_is_in_the_plan_language_unless_asked_otherwise()
    {
        var (exitCode, html, _) = CliRunner.Run($"diff {Current} {Edited} --format html");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("<html lang=\"it\">", html);
        Assert.Contains("<h2 id=\"changes\">Modifiche rispetto a current</h2>", html);
        Assert.Contains("Promuovere lo sviluppo economico <ins>sostenibile</ins>", html);
    }

    [Fact]
    public void An_html_diff_in_a_locale_the_plan_does_not_declare_is_an_input_error()
    {
        var (exitCode, html, error) = CliRunner.Run($"diff {Current} {Edited} --format html --locale fr");

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.Contains("no locale 'fr'", error);
        Assert.Equal("", html);
    }

    [Fact]
    public void The_booklet_appendix_builds_the_new_booklets_with_the_changes_in_each_language()
    {
        using var output = new TemporaryCopy(Current, "unused");
        var dist = Path.Combine(output.Root, "dist");

        var (exitCode, text, error) = CliRunner.Run($"diff {Current} {Edited} --booklet-appendix --out {dist}");

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.Contains("objective M5.6 removed", text);
        Assert.Contains("Modifiche rispetto a current", File.ReadAllText(Path.Combine(dist, "it", "booklet.html")));
        Assert.Contains("Changes since current", File.ReadAllText(Path.Combine(dist, "en", "booklet.html")));
        Assert.True(File.Exists(Path.Combine(dist, "en", "booklet.pdf")));
        Assert.False(File.Exists(Path.Combine(dist, "en", "slides.pdf")));
    }

    [Fact]
    public void Build_with_changes_since_a_revision_git_does_not_know_is_an_input_error()
    {
        var (exitCode, output, _) = CliRunner.RunProcess(CliRunner.RepositoryRoot, "build", "plan", "--changes-since", "no-such-revision-anywhere:plan", "--out", Path.GetTempPath());

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.Contains("no-such-revision-anywhere:plan: error PSTM0707: git cannot give no-such-revision-anywhere:plan", output);
    }

    private static void Git(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var git = Process.Start(start)!;
        var error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, error);
    }

    /// <summary>A copy of a plan folder as ROOT/NAME in a new temporary folder, deleted on dispose.</summary>
    private sealed class TemporaryCopy : IDisposable
    {
        public TemporaryCopy(string source, string name = "plan")
        {
            Root = Directory.CreateTempSubdirectory("pstm-diff-test-").FullName;
            Path = System.IO.Path.Combine(Root, name);
            foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            {
                var target = System.IO.Path.Combine(Path, System.IO.Path.GetRelativePath(source, file));
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        public string Root { get; }

        public string Path { get; }

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }
}
