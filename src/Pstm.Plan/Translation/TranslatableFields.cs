using Pstm.Plan.Model;

namespace Pstm.Plan.Translation;

/// <summary>Every translatable text of a plan, in plan order, under keys that stay stable while ids do.</summary>
public static class TranslatableFields
{
    // A translator sees what a label is: a word, or one plural form of a counted one; and that its placeholders stay.
    private static string LabelContext(string key) =>
        key.Split('.', 2) is [var name, var form]
            ? $"the '{form}' plural form (CLDR) of the counted label {name}: keep {{count}}, which becomes the number, and the other placeholders"
            : "a word of the booklet's headings, such as the name of a mission or a driver: keep its placeholders, such as {number}";

    /// <summary>
    /// Whether the field under <paramref name="key"/> is Markdown, a chapter's body or notes: the texts
    /// that may have several lines, in the plan as in its translations.
    /// </summary>
    public static bool IsMarkdown(string key) =>
        key.EndsWith(".body", StringComparison.Ordinal) || key.EndsWith(".notes", StringComparison.Ordinal);

    private const string CodeContext = "a short name readers see in chips and matrix headers, such as 'Asse 1': at most 20 characters";

    public static IReadOnlyList<TranslatableField> Of(StrategicPlan plan)
    {
        var fields = new List<TranslatableField>();
        void Add(string key, string? text, Pstm.Diagnostics.SourceSpan span, string? context = null)
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                fields.Add(new TranslatableField(key, text, span, IsMarkdown(key)) { Context = context });
            }
        }

        Add(TextKeys.Plan.Title, plan.Title, plan.Span);
        Add(TextKeys.Plan.Subtitle, plan.Subtitle, plan.Span);
        Add(TextKeys.Plan.ShortTitle, plan.ShortTitle, plan.Span);
        Add(TextKeys.Plan.Entity, plan.Entity, plan.Span);
        Add(TextKeys.Plan.Series, plan.Series, plan.Span);
        foreach (var (keyword, index) in plan.Keywords.Select((k, i) => (k, i)))
        {
            Add(TextKeys.Keyword(index + 1), keyword, plan.Span, context: "a keyword of the documents' metadata (what search engines and PDF readers show)");
        }

        if (plan.Publication is { } publication)
        {
            if (publication.Approval is { } approval)
            {
                Add(TextKeys.ApprovalBody, approval.Body, approval.Span, context: "the body that approved the plan, as the colophon names it");
                Add(TextKeys.ApprovalAct, approval.Act, approval.Span, context: "the act that approved the plan, with its number, as the colophon names it");
            }

            foreach (var (credit, index) in publication.Credits.Select((c, i) => (c, i)))
            {
                Add(TextKeys.CreditRole(index + 1), credit.Role, credit.Span, context: $"a role in making the booklet, credited in its colophon to {credit.Name}");
            }
        }

        if (plan.Theme is { } theme)
        {
            foreach (var (picture, image) in new[] { ("logo", theme.Logo), ("logo_on_dark", theme.LogoOnDark), ("cover_image", theme.CoverImage) })
            {
                Add(TextKeys.ThemeAlt(picture), image?.Alt, image?.Span ?? theme.Span, context: "what a picture of the entity's identity shows, for readers who cannot see it (its alternative text)");
            }
        }

        foreach (var (key, label) in plan.Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            Add(TextKeys.Label(key), label, plan.LabelsAt.GetValueOrDefault(key)?.Value ?? plan.Span, context: LabelContext(key));
        }

        foreach (var chapter in plan.Chapters)
        {
            Add(TextKeys.Chapter(chapter.Id.Value).Title, chapter.Title, chapter.Span);
            Add(TextKeys.Chapter(chapter.Id.Value).Body, chapter.Body, chapter.Span, context: $"the text of chapter {chapter.Number.Value}, in Markdown: keep the # of headings and the blank lines");
        }

        foreach (var phase in plan.Process)
        {
            Add(TextKeys.Phase(phase.Id.Value).Title, phase.Title, phase.Span);
            foreach (var milestone in phase.Milestones)
            {
                Add(TextKeys.Milestone(milestone.Id.Value).Title, milestone.Title, milestone.Span, context: $"an event of phase {phase.Number.Value}, {phase.Title}");
            }
        }

        foreach (var pillar in plan.Vision)
        {
            Add(TextKeys.Pillar(pillar.Id.Value).Name, pillar.Name, pillar.Span);
            Add(TextKeys.Pillar(pillar.Id.Value).Definition, pillar.Definition, pillar.Span);
        }

        foreach (var mission in plan.Missions)
        {
            Add(TextKeys.Mission(mission.Id.Value).Title, mission.Title, mission.Span);
            Add(TextKeys.Mission(mission.Id.Value).Code, mission.Code?.Value, mission.Span, context: CodeContext);
            Add(TextKeys.Mission(mission.Id.Value).Notes, mission.Notes, mission.Span);
            foreach (var objective in mission.Objectives)
            {
                Add(TextKeys.Objective(objective.Id.Value).Code, objective.Code?.Value, objective.Span, context: CodeContext);
                Add(TextKeys.Objective(objective.Id.Value).Title, objective.Title, objective.Span, context: $"the title of a strategic objective of mission {mission.Id.Value}: {mission.Title}");
                Add(TextKeys.Objective(objective.Id.Value).Text, objective.Text, objective.Span, context: $"a strategic objective of mission {mission.Id.Value}: {mission.Title}");
                Add(TextKeys.Objective(objective.Id.Value).Body, objective.Body, objective.Span, context: $"the paragraphs that explain objective {objective.Id.Value}, in Markdown: keep the blank lines");
                foreach (var action in objective.Actions)
                {
                    Add(TextKeys.Action(action.Id.Value).Code, action.Code?.Value, action.Span, context: CodeContext);
                    Add(TextKeys.Action(action.Id.Value).Text, action.Text, action.Span, context: $"an action of objective {objective.Id.Value}: {objective.Text}");
                }
            }
        }

        foreach (var driver in plan.Drivers)
        {
            Add(TextKeys.Driver(driver.Id.Value).Name, driver.Name, driver.Span);
            Add(TextKeys.Driver(driver.Id.Value).Code, driver.Code?.Value, driver.Span, context: CodeContext);
            Add(TextKeys.Driver(driver.Id.Value).CoverName, driver.CoverName, driver.Span);
            Add(TextKeys.Driver(driver.Id.Value).Subtitle, driver.Subtitle, driver.Span, context: $"the subtitle sentence of driver {driver.Number.Value}, {driver.Name}");
            Add(TextKeys.Driver(driver.Id.Value).Description, driver.Description, driver.Span, context: $"the paragraph of driver {driver.Number.Value}, {driver.Name}, set as a quotation");
            Add(TextKeys.Driver(driver.Id.Value).Notes, driver.Notes, driver.Span);
        }

        return fields;
    }
}
