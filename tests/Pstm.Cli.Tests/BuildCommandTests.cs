using System.Text.Json;

namespace Pstm.Cli.Tests;

public class BuildCommandTests
{
    [Fact]
    public void Build_writes_the_booklet_and_reports_its_outputs_as_json()
    {
        using var output = new TemporaryFolder("pstm-cli-build-");
        var (exitCode, text, error) = CliRunner.Run($"build {{plan}} --out {output.Path} --target booklet --locale it --format json");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("", error);
        var root = JsonDocument.Parse(text).RootElement;
        Assert.True(root.GetProperty("success").GetBoolean());
        var outputs = root.GetProperty("outputs").EnumerateArray().Select(o => o.GetString()!).ToList();
        Assert.Contains(outputs, o => o.EndsWith("it/booklet.pdf", StringComparison.Ordinal));
        Assert.Contains(outputs, o => o.EndsWith("it/booklet.html", StringComparison.Ordinal));
        Assert.True(new FileInfo(Path.Combine(output.Path, "it", "booklet.pdf")).Length > 10_000);
    }

    [Fact]
    public void An_invalid_plan_stops_the_build_with_the_validation_diagnostics()
    {
        using var output = new TemporaryFolder("pstm-cli-build-");
        var (exitCode, text, _) = CliRunner.Run($"build {CliRunner.PlanCase("PSTM0203-unknown-mission")} --out {output.Path}");

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.Contains("error PSTM0203", text);
        Assert.Contains("build failed; the previous outputs are unchanged", text);
        Assert.Empty(Directory.GetFileSystemEntries(output.Path));
    }

    [Fact]
    public void An_output_path_that_is_a_file_is_an_input_error_with_a_hint_not_a_crash()
    {
        using var folder = new TemporaryFolder("pstm-cli-build-");
        var file = Path.Combine(folder.Path, "dist");
        File.WriteAllText(file, "not a folder");

        var (exitCode, text, error) = CliRunner.Run($"build {{plan}} --out {file}");

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.Contains("error PSTM0704: the output folder is a file", text);
        Assert.Contains("hint: give --out a folder", text);
        Assert.DoesNotContain("internal error", text + error);
        Assert.Equal("not a folder", File.ReadAllText(file));
    }

    [Fact]
    public void The_slides_target_writes_the_deck_only()
    {
        using var output = new TemporaryFolder("pstm-cli-build-");
        var (exitCode, text, _) = CliRunner.Run($"build {{plan}} --target slides --locale it --out {output.Path}");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("slides.html", text);
        Assert.True(File.Exists(Path.Combine(output.Path, "it", "slides.pdf")));
        Assert.False(File.Exists(Path.Combine(output.Path, "it", "booklet.pdf")));
    }

    [Fact]
    public void A_manifest_and_checksums_describe_every_edition_file()
    {
        using var output = new TemporaryFolder("pstm-cli-build-");
        var (exitCode, _, _) = CliRunner.Run($"build {{plan}} --out {output.Path} --target booklet --locale it --manifest");

        Assert.Equal(ExitCodes.Success, exitCode);
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(output.Path, "manifest.json"))).RootElement;
        var pdf = manifest.GetProperty("artifacts").EnumerateArray().Single(a => a.GetProperty("artifact").GetString() == "it/booklet.pdf");
        var bytes = File.ReadAllBytes(Path.Combine(output.Path, "it", "booklet.pdf"));
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        Assert.Equal("it", pdf.GetProperty("locale").GetString());
        Assert.Equal(bytes.Length, pdf.GetProperty("bytes").GetInt64());
        Assert.Equal(sha256, pdf.GetProperty("sha256").GetString());
        Assert.True(pdf.GetProperty("pages").GetInt32() >= 10);
        Assert.Contains($"{sha256}  it/booklet.pdf\n", File.ReadAllText(Path.Combine(output.Path, "SHA256SUMS")));
    }

    [Fact]
    public void Build_help_shows_its_options_and_examples()
    {
        var (exitCode, output, _) = CliRunner.Run("build --help");

        Assert.Equal(ExitCodes.Success, exitCode);
        foreach (var option in new[] { "--out", "--locale", "--target", "--templates", "--browser", "--timeout", "SOURCE_DATE_EPOCH" })
        {
            Assert.Contains(option, output);
        }
    }

    [Fact]
    public void A_bare_build_takes_its_output_folder_locales_and_targets_from_the_plan_and_says_where_the_editions_are()
    {
        using var folder = new TemporaryFolder("pstm-cli-build-defaults-");
        using var plan = TemporaryPlan.Shipped();
        var name = Path.GetFileName(plan.Path) + "-editions";
        File.AppendAllText(plan.FileOf("plan.yaml"), $"build:\n  out: ../{name}\n  locales: [en]\n  targets: [slides]\n");

        var (exitCode, text, _) = CliRunner.RunProcess(folder.Path, "build", plan.Path);

        Assert.Equal(ExitCodes.Success, exitCode);
        var editions = Path.GetFullPath(Path.Combine(plan.Path, "..", name));
        try
        {
            Assert.True(File.Exists(Path.Combine(editions, "en", "slides.pdf")));
            Assert.False(Directory.Exists(Path.Combine(editions, "it")));
            Assert.False(File.Exists(Path.Combine(editions, "en", "booklet.pdf")));
            Assert.False(Directory.Exists(Path.Combine(folder.Path, "dist")));
            Assert.Contains($"editions in {editions.Replace('\\', '/')}/ (build: out in plan.yaml)", text);
        }
        finally
        {
            Directory.Delete(editions, recursive: true);
        }
    }

    [Fact]
    public void The_options_given_go_over_the_plans_build_defaults()
    {
        using var folder = new TemporaryFolder("pstm-cli-build-defaults-");
        using var plan = TemporaryPlan.Shipped();
        File.AppendAllText(plan.FileOf("plan.yaml"), "build:\n  out: editions\n  locales: [en]\n  targets: [booklet]\n");

        var (exitCode, text, _) = CliRunner.RunProcess(folder.Path, "build", plan.Path, "--out", "here", "--locale", "it", "--target", "slides");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.True(File.Exists(Path.Combine(folder.Path, "here", "it", "slides.pdf")));
        Assert.Equal(["it"], Directory.GetDirectories(Path.Combine(folder.Path, "here")).Select(Path.GetFileName));
        Assert.False(Directory.Exists(Path.Combine(plan.Path, "editions")));
        Assert.Contains("editions in here/ (--out)", text);
    }
}
