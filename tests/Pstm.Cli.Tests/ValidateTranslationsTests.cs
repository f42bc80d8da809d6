using System.Text.Json;

namespace Pstm.Cli.Tests;

/// <summary><c>pstm validate</c> reads the translations and templates a build reads, and says how far each locale is.</summary>
public class ValidateTranslationsTests
{
    [Fact]
    public void A_broken_translation_file_makes_the_plan_invalid_as_it_fails_the_build()
    {
        // Given
        using var plan = TemporaryPlan.Shipped();
        File.AppendAllText(plan.FileOf("translations/en.yaml"), "  broken: [\n");

        // When
        var (exitCode, output, _) = CliRunner.Run($"validate {plan.Path}");

        // Then
        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.Matches(@"translations/en\.yaml\(\d+,\d+\): error PSTM0101", output);
        Assert.Contains("invalid: 1 error", output);
    }

    [Fact]
    public void A_missing_translation_is_a_warning_an_error_under_strict_and_counted_per_locale()
    {
        // Given
        using var plan = TemporaryPlan.Shipped().Edit("translations/en.yaml", "    text: \"Green revolution and ecological transition\"\n", "");

        // When
        var (exitCode, output, _) = CliRunner.Run($"validate {plan.Path}");
        var (strictExitCode, strictOutput, _) = CliRunner.Run($"validate {plan.Path} --strict");
        var json = JsonDocument.Parse(CliRunner.Run($"validate {plan.Path} --format json").Out).RootElement;

        // Then
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("warning PSTM0801: no 'en' translation of missions.M2.title", output);
        Assert.Contains("translations of the it texts:", output);
        Assert.Contains("locale  total  translated  missing  stale  percent\nen        105         104        1      0    99.0%\n", output);
        Assert.Equal(ExitCodes.InputErrors, strictExitCode);
        Assert.Contains("error PSTM0801: no 'en' translation of missions.M2.title", strictOutput);
        var status = json.GetProperty("translations").GetProperty("locales")[0];
        Assert.Equal("it", json.GetProperty("translations").GetProperty("source").GetString());
        Assert.Equal(("en", 105, 104, 1, 0), (status.GetProperty("locale").GetString(), status.GetProperty("total").GetInt32(),
            status.GetProperty("translated").GetInt32(), status.GetProperty("missing").GetInt32(), status.GetProperty("stale").GetInt32()));
    }

    [Fact]
    public void The_templates_given_are_checked_as_the_build_would_use_them()
    {
        var (exitCode, output, _) = CliRunner.Run("validate {plan} --templates no-such-templates");

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.Contains("error PSTM0501: the templates folder 'no-such-templates' does not exist", output);
    }
}
