using System.Text.Json;
using Json.Schema;

namespace Pstm.Cli.Tests;

public class SarifTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "tests", "Pstm.Cli.Tests", "Sarif", "sarif-2.1.0.json"))));

    private static void AssertValid(string sarif)
    {
        var result = Schema.Value.Evaluate(JsonDocument.Parse(sarif).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(5);
        Assert.True(result.IsValid, string.Join("\n", errors));
    }

    [Fact]
    public void Validate_writes_a_sarif_log_that_the_sarif_schema_accepts_with_rules_levels_and_regions()
    {
        var (exitCode, output, _) = CliRunner.Run($"validate {CliRunner.PlanCase("PSTM0203-unknown-mission")} --format sarif");

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        AssertValid(output);
        var run = JsonDocument.Parse(output).RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(DiagnosticCatalog.All.Count, rules.Count);
        var result = run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "PSTM0203");
        Assert.Equal("error", result.GetProperty("level").GetString());
        Assert.Equal("PSTM0203", rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
        var region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal((24, 20), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32()));
        Assert.Contains(run.GetProperty("results").EnumerateArray(), r => r.GetProperty("level").GetString() == "note");
    }

    [Fact]
    public void A_valid_plan_gives_a_valid_log_with_its_warnings()
    {
        var (exitCode, output, _) = CliRunner.Run("validate {plan} --format sarif");

        Assert.Equal(ExitCodes.Success, exitCode);
        AssertValid(output);
        // The shipped plan's 9 warnings (5 of them parts of publication: it does not state) and 10 infos.
        Assert.Equal(19, JsonDocument.Parse(output).RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
    }

    [Fact]
    public void Each_rule_links_to_its_entry_in_the_diagnostics_documentation_and_the_tool_to_its_readme()
    {
        // When a log is written
        var (_, output, _) = CliRunner.Run("validate {plan} --format sarif");

        // Then the tool points to pstm's README, and every rule to its code's anchor in docs/diagnostics.md, which exist
        var driver = JsonDocument.Parse(output).RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");
        var home = new Uri(driver.GetProperty("informationUri").GetString()!);
        Assert.True(File.Exists(home.LocalPath), home.LocalPath);
        Assert.StartsWith("# pstm", File.ReadAllText(home.LocalPath), StringComparison.Ordinal);
        foreach (var rule in driver.GetProperty("rules").EnumerateArray())
        {
            var code = rule.GetProperty("id").GetString()!;
            var help = new Uri(rule.GetProperty("helpUri").GetString()!);
            Assert.Equal("diagnostics.md", Path.GetFileName(help.LocalPath));
            Assert.Equal("#" + code.ToLowerInvariant(), help.Fragment);
            Assert.Contains($"<a id=\"{code.ToLowerInvariant()}\"></a>{code}", File.ReadAllText(help.LocalPath), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_schema_check_rejects_what_sarif_does_not_allow()
    {
        const string invalid = """{ "version": "2.1.0", "runs": [ { "tool": { "driver": { "name": "pstm" } }, "results": [ { "level": "info", "message": { "text": "x" } } ] } ] }""";

        Assert.False(Schema.Value.Evaluate(JsonDocument.Parse(invalid).RootElement).IsValid);
    }
}
