using Pstm.Diagnostics;
using Pstm.Plan.Translation;

namespace Pstm.Plan.Tests;

/// <summary>The labels of a translation file: checked against the placeholders their key declares, misspelt ones named.</summary>
public class LabelTranslationTests
{
    private const string PlanYaml = BilingualPlan.Yaml + """

        labels:
          mission_label: "Asse {number}"
          drivers_heading: { one: "Una direttrice", other: "{count} direttrici" }
        """;

    private static IReadOnlyList<Diagnostic> Translate(string entries)
    {
        using var folder = new TemporaryFolder("pstm-labels-");
        File.WriteAllText(Path.Combine(folder.Path, "plan.yaml"), PlanYaml);
        Directory.CreateDirectory(Path.Combine(folder.Path, "translations"));
        File.WriteAllText(Path.Combine(folder.Path, "translations", "en.yaml"), "language: en\nentries:\n" + entries);
        var check = PlanCheck.Run(folder.Path, folder.Path);
        Assert.False(check.HasErrors, string.Join("\n", check.Diagnostics));
        var diagnostics = new DiagnosticBag();
        Translator.Apply(check.Plan!, TranslationFile.Load(folder.Path, "en", folder.Path, diagnostics), strict: false, diagnostics);
        return diagnostics.ToSortedList();
    }

    private static string Entry(string key, string source, string text) =>
        $"  {key}:\n    source: {TranslatableField.HashOf(source)}\n    text: {TranslationWriter.Quote(text)}\n";

    [Fact]
    public void A_translated_label_with_a_placeholder_its_key_does_not_declare_is_an_error_at_the_text()
    {
        var diagnostics = Translate(Entry("labels.mission_label", "Asse {number}", "Axis {numero}")
            + Entry("labels.drivers_heading.other", "{count} direttrici", "{count} directions"));

        var error = Assert.Single(diagnostics, d => d.IsError);
        Assert.Equal("PSTM0321", error.Code);
        Assert.Equal(("translations/en.yaml", 5), (error.Span.File, error.Span.StartLine));
        Assert.Contains("did you mean '{number}'?", error.Hint);
    }

    [Fact]
    public void A_misspelt_label_entry_names_the_label_it_was_meant_for()
    {
        var diagnostics = Translate(Entry("labels.drivers_heading.on", "Una direttrice", "One direction"));

        var unknown = Assert.Single(diagnostics, d => d.Code == "PSTM0803");
        Assert.Contains("did you mean 'labels.drivers_heading.one'?", unknown.Hint);
    }

    [Fact]
    public void A_label_entry_for_a_key_no_templates_declare_is_an_error_with_did_you_mean()
    {
        var diagnostics = Translate(Entry("labels.mision_label", "Asse {number}", "Axis {number}"));

        var error = Assert.Single(diagnostics, d => d.IsError);
        Assert.Equal(("PSTM0320", 3), (error.Code, error.Span.StartLine));
        Assert.StartsWith("did you mean 'labels.mission_label'?", error.Hint);
    }
}
