using Pstm.Diagnostics;
using Pstm.Plan.Translation;

namespace Pstm.Plan.Tests;

public class TranslationTests
{
    private const string PlanYaml = BilingualPlan.Yaml;

    private static (StrategicPlanResult Result, DiagnosticBag Diagnostics) Translate(string planYaml, string? translations, bool strict = false)
    {
        using var folder = new TemporaryFolder("pstm-i18n-");
        File.WriteAllText(Path.Combine(folder.Path, "plan.yaml"), planYaml);
        if (translations is not null)
        {
            Directory.CreateDirectory(Path.Combine(folder.Path, "translations"));
            File.WriteAllText(Path.Combine(folder.Path, "translations", "en.yaml"), translations);
        }

        var check = PlanCheck.Run(folder.Path, folder.Path);
        Assert.False(check.HasErrors);
        var diagnostics = new DiagnosticBag();
        var file = TranslationFile.Load(folder.Path, "en", folder.Path, diagnostics);
        var (plan, status) = Translator.Apply(check.Plan!, file, strict, diagnostics);
        return (new StrategicPlanResult(plan, status), diagnostics);
    }

    private sealed record StrategicPlanResult(Model.StrategicPlan Plan, TranslationStatus Status);

    private static string Entry(string key, string source, string text) =>
        $"  {key}:\n    source: {TranslatableField.HashOf(source)}\n    text: {TranslationWriter.Quote(text)}\n";

    private static string Complete(string titleSource = "Salute") =>
        "language: en\nentries:\n"
        + Entry("plan.title", "Piano", "Plan")
        + Entry("plan.entity", "Ente", "Authority")
        + Entry("missions.M1.title", titleSource, "Health")
        + Entry("objectives.M1.1.text", "Coordinare la **Protezione civile**", "Coordinate **Civil Protection**");

    [Fact]
    public void A_translation_answers_to_the_markdown_rules_of_its_field()
    {
        var translations = "language: en\nentries:\n" + Entry("objectives.M1.1.text", "Coordinare la **Protezione civile**", "Coordinate <b>Civil</b> ![Protection](p.png)");

        var (_, diagnostics) = Translate(PlanYaml, translations);

        var found = diagnostics.ToSortedList().Where(d => d.IsError).ToList();
        Assert.Equal(["PSTM0411", "PSTM0411", "PSTM0413"], found.Select(d => d.Code).Order(StringComparer.Ordinal));
        Assert.All(found, d => Assert.Equal(("translations/en.yaml", 3), (d.Span.File, d.Span.StartLine)));
    }

    [Fact]
    public void A_complete_translation_replaces_every_text_and_keeps_the_emphasis()
    {
        var (result, diagnostics) = Translate(PlanYaml, Complete());

        Assert.Equal(0, diagnostics.Count);
        Assert.Equal("Plan", result.Plan.Title);
        Assert.Equal("en", result.Plan.Language);
        Assert.Equal("Coordinate **Civil Protection**", result.Plan.Objectives.Single().Text);
        Assert.Equal(new TranslationStatus("en", 4, 4, 0, 0), result.Status);
        Assert.Equal(100, result.Status.Percent);
    }

    [Fact]
    public void A_missing_translation_falls_back_to_the_source_with_one_warning_per_field()
    {
        var (result, diagnostics) = Translate(PlanYaml, "language: en\nentries:\n" + Entry("plan.title", "Piano", "Plan"));

        Assert.Equal("Salute", result.Plan.Missions.Single().Title);
        var missing = diagnostics.ToSortedList().Where(d => d.Code == "PSTM0801").ToList();
        Assert.Equal(3, missing.Count);
        Assert.All(missing, d => Assert.Equal(Severity.Warning, d.Severity));
        Assert.Contains(missing, d => d.Message.Contains("missions.M1.title", StringComparison.Ordinal) && d.Span.File.EndsWith("translations/en.yaml", StringComparison.Ordinal));
        Assert.Equal(new TranslationStatus("en", 4, 1, 3, 0), result.Status);
    }

    [Fact]
    public void A_translation_of_an_older_source_text_is_stale_used_and_warned()
    {
        var (result, diagnostics) = Translate(PlanYaml, Complete(titleSource: "Sanità"));

        Assert.Equal("Health", result.Plan.Missions.Single().Title);
        var stale = Assert.Single(diagnostics.ToSortedList());
        Assert.Equal("PSTM0802", stale.Code);
        Assert.Contains($"source: {TranslatableField.HashOf("Salute")}", stale.Hint);
        Assert.Equal(new TranslationStatus("en", 4, 3, 0, 1), result.Status);
    }

    [Fact]
    public void Strict_makes_missing_and_stale_translations_errors()
    {
        var (_, diagnostics) = Translate(PlanYaml, Complete(titleSource: "Sanità"), strict: true);
        var (_, missing) = Translate(PlanYaml, null, strict: true);

        Assert.Equal(Severity.Error, Assert.Single(diagnostics.ToSortedList()).Severity);
        Assert.Equal(4, missing.ErrorCount);
    }

    [Fact]
    public void An_entry_for_no_field_is_warned_and_a_file_of_another_language_is_an_error()
    {
        var (_, unknown) = Translate(PlanYaml, Complete() + Entry("missions.M9.title", "x", "y"));
        var (_, wrong) = Translate(PlanYaml, Complete().Replace("language: en", "language: fr", StringComparison.Ordinal));

        Assert.Equal("PSTM0803", Assert.Single(unknown.ToSortedList()).Code);
        Assert.Equal("PSTM0804", Assert.Single(wrong.ToSortedList()).Code);
    }

    [Fact]
    public void A_translation_may_not_hold_control_characters_nor_a_line_break_outside_Markdown()
    {
        // Given a plan whose mission has notes (Markdown), and translations written with YAML escapes
        var plan = PlanYaml + "\n    notes: Note";
        string Raw(string key, string source, string quotedText) =>
            $"  {key}:\n    source: {TranslatableField.HashOf(source)}\n    text: {quotedText}\n";
        var translations = "language: en\nentries:\n"
            + Raw("plan.title", "Piano", "\"Plan \\e]0;owned\\a\"")
            + Raw("plan.entity", "Ente", "\"Auth\\u009bority\"")
            + Raw("missions.M1.title", "Salute", "\"Health\\n::add-mask::x\"")
            + Raw("missions.M1.notes", "Note", "\"Notes\\nover two lines\"")
            + Raw("objectives.M1.1.text", "Coordinare la **Protezione civile**", "\"Coordinate\\Lit\"");

        // When
        var (_, diagnostics) = Translate(plan, translations);

        // Then each bad value is an error at its own line; the notes' line break is allowed
        var errors = diagnostics.ToSortedList().Where(d => d.IsError).Select(d => (d.Code, d.Span.StartLine)).ToList();
        Assert.Equal([("PSTM0110", 5), ("PSTM0110", 8), ("PSTM0111", 11), ("PSTM0110", 17)], errors);
    }

    [Fact]
    public void The_shipped_english_translation_is_complete_and_up_to_date()
    {
        var check = PlanCheck.Run(Path.Combine(Golden.RepositoryRoot, "plan"), Golden.RepositoryRoot);
        var diagnostics = new DiagnosticBag();
        var file = TranslationFile.Load(Path.Combine(Golden.RepositoryRoot, "plan"), "en", Golden.RepositoryRoot, diagnostics);

        var (plan, status) = Translator.Apply(check.Plan!, file, strict: true, diagnostics);

        Assert.Equal(0, diagnostics.Count);
        Assert.Equal(status.Total, status.Translated);
        Assert.Equal("Digitalisation, innovation, competitiveness, culture and tourism", plan.Missions[0].Title);
        Assert.Equal("Green revolution and ecological transition", plan.Missions[1].Title);
        var eight = plan.Drivers.Single(d => d.Number.Value == 8);
        Assert.Null(eight.Subtitle);
        Assert.Null(eight.Description);

        // Emphasis is kept on the corresponding words: as many bold runs as in Italian.
        foreach (var (italian, english) in check.Plan!.Objectives.Zip(plan.Objectives))
        {
            Assert.Equal(italian.Text.Split("**").Length, english.Text.Split("**").Length);
        }
    }

    [Fact]
    public void A_translation_under_an_id_renamed_since_serves_the_new_id_and_says_so()
    {
        var renamedPlan = PlanYaml.Replace("M1.1", "M1.9", StringComparison.Ordinal) + "\nrenamed:\n  M1.1: M1.9\n";

        var (result, diagnostics) = Translate(renamedPlan, Complete());

        Assert.Equal("Coordinate **Civil Protection**", result.Plan.Objectives.Single().Text);
        Assert.Equal((4, 0, 0), (result.Status.Translated, result.Status.Missing, result.Status.Stale));
        var info = Assert.Single(diagnostics.ToSortedList());
        Assert.Equal(("PSTM0808", Severity.Info), (info.Code, info.Severity));
        Assert.Contains("objectives.M1.1.text is used for objectives.M1.9.text", info.Message);
    }

    [Fact]
    public void An_entry_already_under_the_renamed_id_wins_over_the_old_one()
    {
        var renamedPlan = PlanYaml.Replace("M1.1", "M1.9", StringComparison.Ordinal) + "\nrenamed:\n  M1.1: M1.9\n";
        var translations = Complete() + Entry("objectives.M1.9.text", "Coordinare la **Protezione civile**", "Coordinate civil protection");

        var (result, diagnostics) = Translate(renamedPlan, translations);

        Assert.Equal("Coordinate civil protection", result.Plan.Objectives.Single().Text);
        Assert.Contains(diagnostics.ToSortedList(), d => d.Code == "PSTM0803" && d.Message.Contains("objectives.M1.1.text", StringComparison.Ordinal));
    }
}
