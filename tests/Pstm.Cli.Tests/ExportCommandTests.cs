using System.Text.Json;

namespace Pstm.Cli.Tests;

/// <summary><c>pstm export</c>: what it writes, when it refuses, and its exit codes.</summary>
public class ExportCommandTests
{
    private static readonly string[] Files =
        ["actions.csv", "drivers.csv", "links.csv", "missions.csv", "objectives.csv", "plan-export.schema.json", "plan.json"];

    [Fact]
    public void The_shipped_plan_exports_every_locale_into_its_own_folder()
    {
        using var output = new TemporaryFolder("pstm-export-cli-");
        var (exitCode, stdout, error) = CliRunner.Run($"export {{plan}} --out {output.Path}");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("", error);
        Assert.Contains("export succeeded: 0 errors, 9 warnings", stdout);
        foreach (var locale in new[] { "it", "en" })
        {
            var folder = Path.Combine(output.Path, locale);
            Assert.Equal(Files, Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "plan.json")));
            Assert.Equal(locale, json.RootElement.GetProperty("edition").GetProperty("locale").GetString());
            Assert.Equal(35, json.RootElement.GetProperty("objectives").GetArrayLength());
        }
    }

    [Fact]
    public void As_csv_and_one_locale_writes_only_those_files()
    {
        using var output = new TemporaryFolder("pstm-export-cli-");
        var (exitCode, _, _) = CliRunner.Run($"export {{plan}} --format csv --locale en --out {output.Path}");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(["en"], Directory.GetDirectories(output.Path).Select(Path.GetFileName));
        Assert.Equal(["actions.csv", "drivers.csv", "links.csv", "missions.csv", "objectives.csv"], Directory.GetFiles(Path.Combine(output.Path, "en")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_plan_with_errors_is_not_exported()
    {
        var output = Path.Combine(Path.GetTempPath(), "pstm-export-cli-" + Guid.NewGuid().ToString("N"));
        var (exitCode, stdout, _) = CliRunner.Run($"export {CliRunner.PlanCase("many-problems-in-many-files")} --out {output}");

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.Contains("error PSTM0203", stdout);
        Assert.Contains("export failed: 8 errors", stdout);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void A_locale_the_plan_does_not_declare_is_refused_with_PSTM0701()
    {
        var output = Path.Combine(Path.GetTempPath(), "pstm-export-cli-" + Guid.NewGuid().ToString("N"));
        var (exitCode, stdout, _) = CliRunner.Run($"export {{plan}} --locale fr --out {output}");

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.Contains("error PSTM0701: the plan declares no locale 'fr' (its locales: it, en)", stdout);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Warnings_as_errors_exports_nothing_from_the_shipped_plan()
    {
        var output = Path.Combine(Path.GetTempPath(), "pstm-export-cli-" + Guid.NewGuid().ToString("N"));
        var (exitCode, _, _) = CliRunner.Run($"export {{plan}} --warnings-as-errors --out {output}");

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void An_output_path_that_is_a_file_is_PSTM0704()
    {
        var file = Path.GetTempFileName();
        try
        {
            var (exitCode, stdout, _) = CliRunner.Run($"export {{plan}} --out {file}");

            Assert.Equal(ExitCodes.InputErrors, exitCode);
            Assert.Contains("error PSTM0704", stdout);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_data_format_it_does_not_know_is_a_usage_error()
    {
        var (exitCode, _, error) = CliRunner.Run("export {plan} --format xml");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("xml", error);
    }

    [Fact]
    public void The_data_format_can_still_be_given_with_its_first_name()
    {
        using var output = new TemporaryFolder("pstm-export-cli-");
        var (exitCode, _, error) = CliRunner.Run($"export {{plan}} --as json --locale it --out {output.Path}");

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.True(File.Exists(Path.Combine(output.Path, "it", "plan.json")));
        Assert.False(File.Exists(Path.Combine(output.Path, "it", "missions.csv")));
    }

    [Fact]
    public void Schema_prints_the_published_json_schema()
    {
        var (exitCode, stdout, _) = CliRunner.Run("export --schema");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(OpenData.JsonExport.Schema, stdout);
    }

    [Fact]
    public void Json_diagnostics_list_the_files_written()
    {
        using var output = new TemporaryFolder("pstm-export-cli-");
        var (exitCode, stdout, _) = CliRunner.Run($"export {{plan}} --format json --locale it --diagnostics-format json --out {output.Path}");

        Assert.Equal(ExitCodes.Success, exitCode);
        using var json = JsonDocument.Parse(stdout);
        Assert.True(json.RootElement.GetProperty("success").GetBoolean());
        Assert.Equal(2, json.RootElement.GetProperty("files").GetArrayLength());
    }
}
