using System.Text.Json;

namespace Pstm.Cli.Tests;

public class I18nCommandTests
{
    [Fact]
    public void Status_reports_the_shipped_english_edition_complete_in_the_documented_json()
    {
        var (exitCode, output, _) = CliRunner.Run("i18n status {plan} --format json --fail-under 100");

        Assert.Equal(ExitCodes.Success, exitCode);
        var locale = Assert.Single(JsonDocument.Parse(output).RootElement.GetProperty("locales").EnumerateArray());
        Assert.Equal("en", locale.GetProperty("locale").GetString());
        Assert.Equal(locale.GetProperty("total").GetInt32(), locale.GetProperty("translated").GetInt32());
        Assert.Equal(0, locale.GetProperty("missing").GetInt32());
        Assert.Equal(0, locale.GetProperty("stale").GetInt32());
        Assert.Equal(100, locale.GetProperty("percent").GetDouble());
    }

    [Fact]
    public void A_locale_added_with_i18n_add_is_declared_reported_as_missing_and_builds_with_fallback()
    {
        var plan = CliRunner.CopyOfShippedPlan();
        var output = Directory.CreateTempSubdirectory("pstm-out-");
        try
        {
            var (added, _, _) = CliRunner.Run($"i18n add fr {plan.FullName}");
            var (failing, status, _) = CliRunner.Run($"i18n status {plan.FullName} --fail-under 50");
            var (built, text, _) = CliRunner.Run($"build {plan.FullName} --locale fr --target booklet --out {output.FullName}");
            var (strict, _, _) = CliRunner.Run($"build {plan.FullName} --locale fr --target booklet --strict --out {output.FullName}-strict");

            Assert.Equal(ExitCodes.Success, added);
            Assert.Contains("locales: [it, en, fr]", File.ReadAllText(Path.Combine(plan.FullName, "plan.yaml")));
            Assert.Equal(ExitCodes.InputErrors, failing);
            Assert.Matches(@"fr\s+100\s+0\s+100\s+0\s+0\.0%", status);
            Assert.Equal(ExitCodes.Success, built);
            Assert.Contains("warning PSTM0801", text);
            Assert.Contains("warning PSTM0506", text);
            Assert.True(File.Exists(Path.Combine(output.FullName, "fr", "booklet.pdf")));
            Assert.Equal(ExitCodes.InputErrors, strict);
        }
        finally
        {
            plan.Delete(recursive: true);
            output.Delete(recursive: true);
        }
    }
}
