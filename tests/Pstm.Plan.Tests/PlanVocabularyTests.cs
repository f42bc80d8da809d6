using Pstm.Diagnostics;
using Pstm.Plan.Comparison;
using Pstm.Plan.Model;
using Pstm.Plan.Translation;

namespace Pstm.Plan.Tests;

/// <summary>The plan's own vocabulary as read: codes, colours, objectives' titles, bodies and actions, display settings; translated and compared.</summary>
public class PlanVocabularyTests
{
    private static string CaseFolder => Path.Combine(Golden.ProjectDirectory, "Cases", "valid-codes-colours-and-actions", "plan");

    private static StrategicPlan Load(string folder)
    {
        var check = PlanCheck.Run(folder, folder);
        Assert.Empty(check.Diagnostics);
        return check.Plan!;
    }

    [Fact]
    public void Codes_colours_titles_bodies_actions_and_display_settings_are_read()
    {
        var plan = Load(CaseFolder);

        var axis = plan.Missions[0];
        Assert.Equal(("Asse 1", "#0b5394"), (axis.Code?.Value, axis.Color?.Value));
        Assert.Null(plan.Missions[1].Code);
        var objective = axis.Objectives[0];
        Assert.Equal(("OS 1.1", "Imprese digitali"), (objective.Code?.Value, objective.Title));
        Assert.Equal("Il primo paragrafo spiega l'obiettivo.\n\nIl secondo paragrafo dice come.", objective.Body);
        Assert.Equal(["A1.1.a", "A1.1.b"], objective.Actions.Select(a => a.Id.Value));
        Assert.Equal(["Az. 1", null], objective.Actions.Select(a => a.Code?.Value));
        Assert.Equal("A1.1", objective.Actions[0].ObjectiveId);
        Assert.Equal("DS1", plan.Drivers[0].Code?.Value);
        Assert.True(plan.Display.Ids);
        Assert.True(plan.Display.DriverObjectives);
    }

    [Fact]
    public void An_objectives_title_and_body_and_an_actions_text_are_translatable()
    {
        var fields = TranslatableFields.Of(Load(CaseFolder)).ToDictionary(f => f.Key);

        Assert.Equal("Imprese digitali", fields["objectives.A1.1.title"].Text);
        Assert.True(fields["objectives.A1.1.body"].IsMarkdown);
        Assert.Equal("Sportello digitale per le imprese", fields["actions.A1.1.a.text"].Text);
        Assert.Equal("Asse 1", fields["missions.A1.code"].Text);
        Assert.Equal("DS1", fields["drivers.D1.code"].Text);
        Assert.Equal("Az. 1", fields["actions.A1.1.a.code"].Text);
        Assert.False(fields.ContainsKey("missions.A2.code"));
    }

    [Fact]
    public void A_translation_file_translates_an_objectives_title_body_and_actions()
    {
        using var folder = TemporaryFolder.CopyOf(CaseFolder);
        var planFile = Path.Combine(folder.Path, "plan.yaml");
        File.WriteAllText(planFile, File.ReadAllText(planFile).Replace("language: it", "language: it\nlocales: [it, en]", StringComparison.Ordinal));
        var plan = Load(folder.Path);
        var fields = TranslatableFields.Of(plan);
        var entries = fields.ToDictionary(f => f.Key, f => new TranslationEntry(f.Key, "EN " + f.Text, f.Hash, SourceSpan.ForFile("en.yaml")));
        Directory.CreateDirectory(Path.Combine(folder.Path, "translations"));
        File.WriteAllText(Path.Combine(folder.Path, "translations", "en.yaml"), TranslationWriter.Write("en", "it", fields, entries));
        var diagnostics = new DiagnosticBag();

        var english = Translator.Edition(plan, folder.Path, "en", folder.Path, strict: true, diagnostics);

        Assert.Empty(diagnostics.ToSortedList());
        var objective = english.Missions[0].Objectives[0];
        Assert.Equal("EN Imprese digitali", objective.Title);
        Assert.Equal("EN Il primo paragrafo spiega l'obiettivo.\n\nIl secondo paragrafo dice come.", objective.Body);
        Assert.Equal(["EN Sportello digitale per le imprese", "EN Bandi per la formazione"], objective.Actions.Select(a => a.Text));
        Assert.Equal(("EN Asse 1", "EN OS 1.1", "EN DS1"), (english.Missions[0].Code?.Value, objective.Code?.Value, english.Drivers[0].Code?.Value));
    }

    [Fact]
    public void Diff_follows_codes_titles_bodies_and_actions()
    {
        var before = Load(CaseFolder);
        var objective = before.Missions[0].Objectives[0];
        var after = before with
        {
            Missions =
            [
                before.Missions[0] with
                {
                    Code = new Located<string>("Asse I", default),
                    Objectives =
                    [
                        objective with
                        {
                            Title = "Imprese e digitale",
                            Actions = [objective.Actions[0] with { Text = "Sportello unico digitale per le imprese" }],
                        },
                    ],
                },
                before.Missions[1],
            ],
        };

        var changes = PlanDiff.Compare(before, after);

        Assert.Contains(changes, c => (c.Item, c.Id, c.Kind, c.Field) == ("mission", "A1", ChangeKind.Reworded, "code"));
        Assert.Contains(changes, c => (c.Item, c.Id, c.Kind, c.Field) == ("objective", "A1.1", ChangeKind.Reworded, "title"));
        Assert.Contains(changes, c => (c.Item, c.Id, c.Kind, c.Field) == ("action", "A1.1.a", ChangeKind.Reworded, "text"));
        Assert.Contains(changes, c => (c.Item, c.Id, c.Kind) == ("action", "A1.1.b", ChangeKind.Removed));
    }

    [Theory]
    [InlineData(1, NumberingStyle.UpperRoman, "I")]
    [InlineData(4, NumberingStyle.UpperRoman, "IV")]
    [InlineData(1994, NumberingStyle.UpperRoman, "MCMXCIV")]
    [InlineData(9, NumberingStyle.LowerRoman, "ix")]
    [InlineData(4000, NumberingStyle.UpperRoman, "4000")]
    [InlineData(3, NumberingStyle.UpperAlpha, "C")]
    [InlineData(27, NumberingStyle.UpperAlpha, "AA")]
    [InlineData(52, NumberingStyle.LowerAlpha, "az")]
    [InlineData(12, NumberingStyle.Decimal, "12")]
    public void A_number_is_written_in_its_style(int number, NumberingStyle style, string expected) =>
        Assert.Equal(expected, Numbering.Format(number, style));

    [Fact]
    public void An_unknown_numbering_style_is_a_located_error_with_did_you_mean()
    {
        using var folder = TemporaryFolder.CopyOf(CaseFolder);
        var planFile = Path.Combine(folder.Path, "plan.yaml");
        File.WriteAllText(planFile, File.ReadAllText(planFile).Replace("  ids: true", "  ids: true\n  numbering: { missions: upper-roma }", StringComparison.Ordinal));

        var check = PlanCheck.Run(folder.Path, folder.Path);

        var error = Assert.Single(check.Diagnostics);
        Assert.Equal(("PSTM0305", 10, 26), (error.Code, error.Span.StartLine, error.Span.StartColumn));
        Assert.Contains("Did you mean 'upper-roman'?", error.Message);
    }

    [Fact]
    public void An_action_id_is_unique_across_the_plan()
    {
        using var folder = TemporaryFolder.CopyOf(CaseFolder);
        var planFile = Path.Combine(folder.Path, "plan.yaml");
        File.WriteAllText(planFile, File.ReadAllText(planFile).Replace("id: A1.1.b", "id: A2", StringComparison.Ordinal));

        var check = PlanCheck.Run(folder.Path, folder.Path);

        var duplicate = Assert.Single(check.Diagnostics, d => d.Code == "PSTM0201");
        Assert.Contains("action", duplicate.Message);
    }
}
