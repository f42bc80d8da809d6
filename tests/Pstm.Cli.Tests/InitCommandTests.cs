namespace Pstm.Cli.Tests;

public class InitCommandTests
{
    [Fact]
    public void A_new_plan_validates_without_a_warning_and_builds_every_edition_at_once()
    {
        using var root = new TemporaryFolder("pstm-init-");
        var plan = Path.Combine(root.Path, "plan");
        var output = Path.Combine(root.Path, "dist");

        var (created, _, _) = CliRunner.Run($"init {plan}");
        var (validated, validation, _) = CliRunner.Run($"validate {plan}");
        var (built, build, _) = CliRunner.Run($"build {plan} --out {output}");

        Assert.Equal(ExitCodes.Success, created);
        Assert.Equal(ExitCodes.Success, validated);
        Assert.Contains("valid: 0 errors, 0 warnings", validation);
        Assert.Equal(ExitCodes.Success, built);
        Assert.Contains("build succeeded: 0 errors, 0 warnings", build);
        foreach (var locale in new[] { "en", "it" })
        {
            foreach (var file in new[] { "booklet.pdf", "slides.pdf", "slides.html" })
            {
                Assert.True(File.Exists(Path.Combine(output, locale, file)), $"{locale}/{file}");
            }
        }

        Assert.StartsWith("# yaml-language-server: $schema=schemas/plan.schema.json\n# A strategic plan for pstm.", File.ReadAllText(Path.Combine(plan, "plan.yaml")));
        Assert.True(File.Exists(Path.Combine(plan, "schemas", "plan.schema.json")));
        Assert.StartsWith("# yaml-language-server: $schema=../schemas/translation.schema.json", File.ReadAllText(Path.Combine(plan, "translations", "it.yaml")));
    }

    [Fact]
    public void The_build_defaults_shown_in_the_new_plan_work_once_uncommented()
    {
        using var root = new TemporaryFolder("pstm-init-");
        var plan = Path.Combine(root.Path, "plan");
        CliRunner.Run($"init {plan}");
        var planFile = Path.Combine(plan, "plan.yaml");
        var text = File.ReadAllText(planFile);
        Assert.Contains("# build:\n#   out: dist", text);
        File.WriteAllText(planFile, text.Replace("# build:", "build:").Replace("#   ", "  "));

        var (validated, validation, _) = CliRunner.Run($"validate {plan}");
        var defaults = Pstm.Plan.Loading.BuildDefaultsReader.Peek(plan);

        Assert.Equal(ExitCodes.Success, validated);
        Assert.Contains("valid: 0 errors, 0 warnings", validation);
        Assert.Equal(Path.Combine(plan, "dist"), defaults.OutputDirectory(plan));
        Assert.Equal(["en", "it"], defaults.Locales.Select(l => l.Value));
        Assert.Equal(["booklet", "slides"], defaults.Targets.Select(t => t.Value));
    }

    [Fact]
    public void A_folder_that_is_not_empty_is_refused_unless_forced()
    {
        using var folder = new TemporaryFolder("pstm-init-");
        File.WriteAllText(Path.Combine(folder.Path, "notes.txt"), "mine");

        var (refused, _, error) = CliRunner.Run($"init {folder.Path}");
        var (forced, _, _) = CliRunner.Run($"init {folder.Path} --force");

        Assert.Equal(ExitCodes.Usage, refused);
        Assert.Contains("not empty", error);
        Assert.Equal(ExitCodes.Success, forced);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(folder.Path, "notes.txt")));
        Assert.True(File.Exists(Path.Combine(folder.Path, "plan.yaml")));
    }

    [Fact]
    public void A_path_that_is_a_file_is_a_usage_diagnostic_and_the_file_is_left_alone()
    {
        using var folder = new TemporaryFolder("pstm-init-");
        var file = Path.Combine(folder.Path, "notes.txt");
        File.WriteAllText(file, "mine");

        var (exitCode, output, error) = CliRunner.Run($"init {file}");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("error PSTM0014", output + error);
        Assert.DoesNotContain("bug in pstm", output + error);
        Assert.Equal("mine", File.ReadAllText(file));
    }
}

