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

    [Theory]
    [InlineData("sarif")]
    [InlineData("github")]
    public void Status_refuses_a_format_it_cannot_print_instead_of_printing_text(string format)
    {
        var (exitCode, output, error) = CliRunner.Run($"i18n status {{plan}} --format {format}");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains(format, error);
        Assert.DoesNotContain("source language", output);
    }

    [Fact]
    public void A_locale_added_with_i18n_add_is_declared_reported_as_missing_and_builds_with_fallback()
    {
        using var plan = TemporaryPlan.Shipped();
        using var outputs = new TemporaryFolder("pstm-out-");
        var output = Path.Combine(outputs.Path, "dist");

        var (added, _, _) = CliRunner.Run($"i18n add fr {plan.Path}");
        var (failing, status, _) = CliRunner.Run($"i18n status {plan.Path} --fail-under 50");
        var (built, text, _) = CliRunner.Run($"build {plan.Path} --locale fr --target booklet --out {output}");
        var (strict, _, _) = CliRunner.Run($"build {plan.Path} --locale fr --target booklet --strict --out {output}-strict");

        Assert.Equal(ExitCodes.Success, added);
        Assert.Contains("locales: [it, en, fr]", File.ReadAllText(plan.FileOf("plan.yaml")));
        Assert.Equal(ExitCodes.InputErrors, failing);
        Assert.Matches(@"fr\s+105\s+0\s+105\s+0\s+0\.0%", status);
        Assert.Equal(ExitCodes.Success, built);
        Assert.Contains("warning PSTM0801", text);
        Assert.Contains("warning PSTM0506", text);
        Assert.True(File.Exists(Path.Combine(output, "fr", "booklet.pdf")));
        Assert.Equal(ExitCodes.InputErrors, strict);
    }

    private static string English(TemporaryPlan plan) => plan.FileOf("translations/en.yaml");

    /// <summary>
    /// The plan's English translations as XLIFF, written in <paramref name="beside"/> (outside the plan),
    /// with the first target changed by <paramref name="change"/>.
    /// </summary>
    private static string XliffWithFirstTarget(TemporaryPlan plan, TemporaryFolder beside, Func<string, string> change)
    {
        var xliff = Path.Combine(beside.Path, "en.xlf");
        Assert.Equal(ExitCodes.Success, CliRunner.Run($"i18n extract {plan.Path} --locale en -o {xliff}").ExitCode);
        var text = File.ReadAllText(xliff);
        var start = text.IndexOf("<target>", StringComparison.Ordinal) + "<target>".Length;
        var end = text.IndexOf("</target>", start, StringComparison.Ordinal);
        File.WriteAllText(xliff, text[..start] + change(text[start..end]) + text[end..]);
        return Path.GetFullPath(xliff);
    }

    [Fact]
    public void A_translation_file_linked_outside_the_plan_is_not_read_by_the_build_nor_by_status()
    {
        using var plan = TemporaryPlan.Shipped();
        using var beside = new TemporaryFolder();
        var outside = Path.Combine(beside.Path, "outside.yaml");
        var output = Path.Combine(beside.Path, "dist");
        File.WriteAllText(outside, File.ReadAllText(English(plan)).Replace("Green revolution", "OUTSIDE-SECRET", StringComparison.Ordinal));
        File.Delete(English(plan));
        File.CreateSymbolicLink(English(plan), outside);

        var (built, build, _) = CliRunner.Run($"build {plan.Path} --locale en --target slides --out {output}");
        var (status, statusText, _) = CliRunner.Run($"i18n status {plan.Path}");

        Assert.Equal(ExitCodes.InputErrors, built);
        Assert.Contains("error PSTM0007", build);
        Assert.False(Directory.Exists(output) && Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Any(f => File.ReadAllText(f).Contains("OUTSIDE-SECRET")));
        Assert.Equal(ExitCodes.InputErrors, status);
        Assert.Contains("error PSTM0007", statusText);
        Assert.Matches(@"en\s+105\s+0\s+105", statusText);
    }

    [Fact]
    public void Import_and_add_do_not_write_through_a_link_leading_outside_the_plan()
    {
        using var plan = TemporaryPlan.Shipped();
        using var beside = new TemporaryFolder();
        var outside = Path.Combine(beside.Path, "outside.yaml");
        var notThere = Path.Combine(beside.Path, "not-there.yaml");
        var xliff = XliffWithFirstTarget(plan, beside, target => "Imported");
        File.Move(English(plan), outside);
        File.CreateSymbolicLink(English(plan), outside);
        File.CreateSymbolicLink(plan.FileOf("translations/fr.yaml"), notThere);
        var outsideBefore = File.ReadAllBytes(outside);
        var planBefore = File.ReadAllBytes(plan.FileOf("plan.yaml"));

        var (imported, importText, _) = CliRunner.Run($"i18n import {plan.Path} {xliff}");
        var (added, addText, _) = CliRunner.Run($"i18n add fr {plan.Path}");

        Assert.Equal(ExitCodes.InputErrors, imported);
        Assert.Contains("error PSTM0007", importText);
        Assert.Equal(outsideBefore, File.ReadAllBytes(outside));
        Assert.Equal(ExitCodes.InputErrors, added);
        Assert.Contains("error PSTM0007", addText);
        Assert.False(File.Exists(notThere));
        Assert.Equal(planBefore, File.ReadAllBytes(plan.FileOf("plan.yaml")));
    }

    [Fact]
    public void Import_refuses_targets_with_characters_a_plan_file_may_not_hold_and_leaves_the_file_byte_identical()
    {
        using var plan = TemporaryPlan.Shipped();
        using var beside = new TemporaryFolder();
        var before = File.ReadAllBytes(English(plan));
        foreach (var reference in new[] { "&#x85;", "&#x2028;", "&#x7F;", "&#x9B;", "&#xFEFF;" })
        {
            var xliff = XliffWithFirstTarget(plan, beside, target => "A" + reference + "B " + target);

            var (imported, text, _) = CliRunner.Run($"i18n import {plan.Path} {xliff}");

            Assert.Equal(ExitCodes.InputErrors, imported);
            Assert.Matches(@"\.xlf\(\d+,\d+\): error PSTM0110", text);
            Assert.Equal(before, File.ReadAllBytes(English(plan)));
            File.Delete(xliff);
        }
    }

    [Fact]
    public void Import_refuses_translations_that_would_exceed_the_size_limit_and_leaves_the_file_byte_identical()
    {
        using var plan = TemporaryPlan.Shipped();
        using var beside = new TemporaryFolder();
        var xliff = XliffWithFirstTarget(plan, beside, target => new string('x', 17 * 1000 * 1000));
        var before = File.ReadAllBytes(English(plan));

        var (imported, text, _) = CliRunner.Run($"i18n import {plan.Path} {xliff}");

        Assert.Equal(ExitCodes.InputErrors, imported);
        Assert.Contains("error PSTM0010", text);
        Assert.Equal(before, File.ReadAllBytes(English(plan)));
        Assert.Empty(Directory.GetFiles(plan.FileOf("translations"), "*.tmp"));
    }

    [Fact]
    public void Import_and_add_that_cannot_write_report_a_diagnostic_not_an_internal_error()
    {
        using var plan = TemporaryPlan.Shipped();
        using var other = TemporaryPlan.Shipped();
        using var beside = new TemporaryFolder();
        var xliff = XliffWithFirstTarget(plan, beside, target => target);
        File.Delete(English(plan));
        Directory.CreateDirectory(English(plan));
        Directory.Delete(other.FileOf("translations"), recursive: true);
        File.WriteAllText(other.FileOf("translations"), "a file where the folder belongs");
        var planBefore = File.ReadAllBytes(other.FileOf("plan.yaml"));

        var (imported, importText, _) = CliRunner.Run($"i18n import {plan.Path} {xliff}");
        var (added, addText, _) = CliRunner.Run($"i18n add fr {other.Path}");

        Assert.Equal(ExitCodes.InputErrors, imported);
        Assert.Contains("translations/en.yaml: error PSTM0014", importText.Replace('\\', '/'));
        Assert.Equal(ExitCodes.InputErrors, added);
        Assert.Contains("error PSTM0014", addText);
        Assert.Equal(planBefore, File.ReadAllBytes(other.FileOf("plan.yaml")));
    }
}
