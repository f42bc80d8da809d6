using System.Text.Json;
using System.Text.RegularExpressions;

namespace Pstm.Cli.Tests;

public partial class ValidateCommandTests
{
    [Fact]
    public void The_shipped_plan_is_valid_with_its_four_warnings()
    {
        var (exitCode, output, error) = CliRunner.Run("validate {plan}");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("", error);
        Assert.Equal(9, DiagnosticLine().Matches(output).Count(m => m.Groups["severity"].Value == "warning"));
        Assert.Contains("coverage: 6 of 6 missions served by a driver, 26 of 35 objectives cited by a driver", output);
        Assert.Contains("plan 'psttm-2025-2027' valid: 0 errors, 9 warnings, 10 infos (7 files read)", output);
    }

    [Fact]
    public void Warnings_as_errors_fails_the_shipped_plan()
    {
        var (exitCode, output, _) = CliRunner.Run("validate {plan} --warnings-as-errors");

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.Contains("failed (warnings are treated as errors)", output);
    }

    [Fact]
    public void A_plan_whose_drivers_have_no_subtitles_passes_warnings_as_errors()
    {
        // Subtitles are optional: a plan that writes none for any driver is not expected to have them.
        var (exitCode, output, _) = CliRunner.Run($"validate {CliRunner.PlanCase("valid-no-driver-has-a-subtitle")} --warnings-as-errors");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.DoesNotContain("PSTM0403", output);
    }

    [Fact]
    public void An_invalid_plan_exits_with_1_and_reports_every_error_in_every_file()
    {
        var (exitCode, output, _) = CliRunner.Run($"validate {CliRunner.PlanCase("many-problems-in-many-files")}");

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        var files = DiagnosticLine().Matches(output).Where(m => m.Groups["severity"].Value == "error")
            .Select(m => Path.GetFileName(m.Groups["file"].Value)).Distinct().Order().ToList();
        Assert.Equal(["drivers.yaml", "missions.yaml", "plan.yaml", "process.yaml"], files);
        Assert.Contains("invalid: 8 errors, 1 warning", output);
    }

    [Fact]
    public void Json_holds_every_diagnostic_with_its_fields_and_the_coverage()
    {
        var (exitCode, output, _) = CliRunner.Run("validate {plan} --format json");

        Assert.Equal(ExitCodes.Success, exitCode);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.True(root.GetProperty("success").GetBoolean());
        var diagnostics = root.GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.Equal(19, diagnostics.Count);
        Assert.Equal(9, root.GetProperty("summary").GetProperty("warnings").GetInt32());
        Assert.Equal(10, root.GetProperty("summary").GetProperty("infos").GetInt32());
        var first = diagnostics[0];
        foreach (var field in new[] { "code", "severity", "file", "line", "column", "endLine", "endColumn", "message", "hint" })
        {
            Assert.True(first.TryGetProperty(field, out _), $"missing field {field}");
        }

        Assert.Equal(35, root.GetProperty("coverage").GetProperty("objectives").GetInt32());
        Assert.Equal(9, root.GetProperty("coverage").GetProperty("uncitedObjectives").GetArrayLength());
    }

    [Fact]
    public void Json_of_an_invalid_plan_says_it_failed()
    {
        var (exitCode, output, _) = CliRunner.Run($"validate {CliRunner.PlanCase("PSTM0203-unknown-mission")} --format json");

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.False(root.GetProperty("success").GetBoolean());
        Assert.Contains(root.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "PSTM0203");
    }

    [Fact]
    public void Github_format_prints_one_annotation_per_diagnostic()
    {
        var (exitCode, output, _) = CliRunner.Run($"validate {CliRunner.PlanCase("PSTM0203-unknown-mission")} --format github");

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("::error file=", StringComparison.Ordinal) && l.Contains("line=24,col=20", StringComparison.Ordinal) && l.Contains("title=PSTM0203::", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("::warning file=", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("::notice file=", StringComparison.Ordinal));
    }

    [Fact]
    public void Verbosity_decides_what_text_output_lists()
    {
        var quiet = CliRunner.Run("validate {plan} -v quiet").Out;
        var normal = CliRunner.Run("validate {plan}").Out;
        var detailed = CliRunner.Run("validate {plan} --verbosity detailed").Out;

        Assert.DoesNotContain("warning PSTM", quiet);
        Assert.Contains("warning PSTM0403", normal);
        Assert.DoesNotContain("info PSTM0402", normal);
        Assert.Equal(9, Regex.Count(detailed, "info PSTM0402"));
        Assert.Equal(quiet, CliRunner.Run("validate {plan} --quiet").Out);
        Assert.Equal(detailed, CliRunner.Run("validate {plan} --verbose").Out);
    }

    [Fact]
    public void On_a_terminal_each_diagnostic_shows_its_source_line_and_carets()
    {
        var (_, output, _) = CliRunner.Run($"validate {CliRunner.PlanCase("PSTM0203-unknown-mission")}", terminal: true);

        Assert.Contains("    missions: [M1, M9]\n", output);
        Assert.Contains("|                    ^^\n", output);
    }

    [Fact]
    public void A_missing_plan_folder_is_a_diagnostic_not_a_stack_trace()
    {
        var (exitCode, output, error) = CliRunner.Run("validate /no/such/plan");

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.Contains("error PSTM0001", output);
        Assert.DoesNotContain("   at ", output + error);
        Assert.DoesNotContain("Exception", output + error);
    }

    [GeneratedRegex(@"^(?<file>[^(\n]+)\((?<line>\d+),(?<column>\d+)\): (?<severity>error|warning|info) (?<code>PSTM\d{4}): .+$", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();
}
