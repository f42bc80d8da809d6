using System.Text.Json;

namespace Pstm.Cli.Tests;

/// <summary>A plan's labels from the command line: validate checks them against the templates' keys, i18n translates their plural forms.</summary>
public class LabelCommandTests
{
    private const string PluralLabel = "  driver: Driver\n  drivers_heading: { one: \"Un driver\", other: \"{count} driver trasversali\" }\n";

    [Fact]
    public void Validate_checks_the_labels_against_the_shipped_templates_or_those_given_with_templates()
    {
        // Given: a plan with a label that only a templates folder of its own declares
        using var plan = TemporaryPlan.Shipped();
        using var templates = TemporaryFolder.CopyOf(Path.Combine(CliRunner.RepositoryRoot, "templates"));
        AddLabel(plan.Path, "  driver: Driver\n  funded_by: \"Finanziato da {entity}\"\n");
        File.AppendAllText(Path.Combine(templates.Path, "strings", "keys.yaml"), "funded_by: [entity]\n");

        // A templates folder that declares a key gives its text in each language, or it is PSTM0507.
        File.AppendAllText(Path.Combine(templates.Path, "strings", "it.yaml"), "funded_by: \"Finanziato da {entity}\"\n");
        File.AppendAllText(Path.Combine(templates.Path, "strings", "en.yaml"), "funded_by: \"Funded by {entity}\"\n");

        // When
        var (shipped, shippedText, _) = CliRunner.Run($"validate {plan.Path}");
        var (own, ownText, _) = CliRunner.Run($"validate {plan.Path} --templates {templates.Path}");

        // Then
        Assert.Equal(ExitCodes.InputErrors, shipped);
        Assert.Contains("plan.yaml(28,3): error PSTM0320: 'funded_by' in the plan's labels is no label of the templates", shippedText);
        Assert.Equal(ExitCodes.Success, own);
        Assert.DoesNotContain("PSTM0320", ownText);
    }

    [Fact]
    public void The_plural_forms_of_a_label_are_extracted_imported_counted_and_go_stale_one_by_one()
    {
        using var xliff = new ExtractedXliff();
        AddLabel(xliff.Plan.FullName, PluralLabel);
        Assert.Equal(2, Status(xliff.Plan.FullName).GetProperty("missing").GetInt32());

        // When: the two forms are translated through XLIFF
        Assert.Equal(ExitCodes.Success, xliff.Extract().ExitCode);
        xliff.Text = Translated(Translated(xliff.Text, "Un driver", "1 cross-cutting driver"), "{count} driver trasversali", "{count} cross-cutting drivers");
        var (imported, importText, _) = xliff.Import();

        // Then
        Assert.True(imported == ExitCodes.Success, importText);
        Assert.Equal("1 cross-cutting driver", xliff.Translation("labels.drivers_heading.one"));
        Assert.Equal("{count} cross-cutting drivers", xliff.Translation("labels.drivers_heading.other"));
        var complete = Status(xliff.Plan.FullName);
        Assert.Equal((0, 0), (complete.GetProperty("missing").GetInt32(), complete.GetProperty("stale").GetInt32()));

        // When: one form changes in Italian, its translation alone is stale
        var planFile = Path.Combine(xliff.Plan.FullName, "plan.yaml");
        File.WriteAllText(planFile, File.ReadAllText(planFile).Replace("Un driver", "Un solo driver", StringComparison.Ordinal));
        Assert.Equal(1, Status(xliff.Plan.FullName).GetProperty("stale").GetInt32());
    }

    private static void AddLabel(string plan, string label)
    {
        var file = Path.Combine(plan, "plan.yaml");
        var text = File.ReadAllText(file);
        Assert.Contains("  driver: Driver\n", text);
        File.WriteAllText(file, text.Replace("  driver: Driver\n", label, StringComparison.Ordinal));
    }

    private static JsonElement Status(string plan)
    {
        var (_, output, _) = CliRunner.Run($"i18n status {plan} --format json");
        return Assert.Single(JsonDocument.Parse(output).RootElement.GetProperty("locales").EnumerateArray());
    }

    /// <summary>The XLIFF with the unit whose source is <paramref name="source"/> translated as <paramref name="target"/>.</summary>
    private static string Translated(string xliff, string source, string target)
    {
        var from = $"<segment state=\"initial\">\n        <source>{source}</source>";
        Assert.Contains(from, xliff);
        return xliff.Replace(from, $"<segment state=\"translated\">\n        <source>{source}</source>\n        <target>{target}</target>", StringComparison.Ordinal);
    }
}
