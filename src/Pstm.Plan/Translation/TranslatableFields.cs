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

        Add("plan.title", plan.Title, plan.Span);
        Add("plan.subtitle", plan.Subtitle, plan.Span);
        Add("plan.short_title", plan.ShortTitle, plan.Span);
        Add("plan.entity", plan.Entity, plan.Span);
        Add("plan.series", plan.Series, plan.Span);
        foreach (var (key, label) in plan.Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            Add($"labels.{key}", label, plan.LabelsAt.GetValueOrDefault(key)?.Value ?? plan.Span, context: LabelContext(key));
        }

        foreach (var chapter in plan.Chapters)
        {
            Add($"chapters.{chapter.Id.Value}.title", chapter.Title, chapter.Span);
            Add($"chapters.{chapter.Id.Value}.body", chapter.Body, chapter.Span, context: $"the text of chapter {chapter.Number.Value}, in Markdown: keep the # of headings and the blank lines");
        }

        foreach (var phase in plan.Process)
        {
            Add($"process.{phase.Id.Value}.title", phase.Title, phase.Span);
            foreach (var milestone in phase.Milestones)
            {
                Add($"milestones.{milestone.Id.Value}.title", milestone.Title, milestone.Span, context: $"an event of phase {phase.Number.Value}, {phase.Title}");
            }
        }

        foreach (var pillar in plan.Vision)
        {
            Add($"vision.{pillar.Id.Value}.name", pillar.Name, pillar.Span);
            Add($"vision.{pillar.Id.Value}.definition", pillar.Definition, pillar.Span);
        }

        foreach (var mission in plan.Missions)
        {
            Add($"missions.{mission.Id.Value}.title", mission.Title, mission.Span);
            Add($"missions.{mission.Id.Value}.code", mission.Code?.Value, mission.Span, context: CodeContext);
            Add($"missions.{mission.Id.Value}.notes", mission.Notes, mission.Span);
            foreach (var objective in mission.Objectives)
            {
                Add($"objectives.{objective.Id.Value}.code", objective.Code?.Value, objective.Span, context: CodeContext);
                Add($"objectives.{objective.Id.Value}.title", objective.Title, objective.Span, context: $"the title of a strategic objective of mission {mission.Id.Value}: {mission.Title}");
                Add($"objectives.{objective.Id.Value}.text", objective.Text, objective.Span, context: $"a strategic objective of mission {mission.Id.Value}: {mission.Title}");
                Add($"objectives.{objective.Id.Value}.body", objective.Body, objective.Span, context: $"the paragraphs that explain objective {objective.Id.Value}, in Markdown: keep the blank lines");
                foreach (var action in objective.Actions)
                {
                    Add($"actions.{action.Id.Value}.code", action.Code?.Value, action.Span, context: CodeContext);
                    Add($"actions.{action.Id.Value}.text", action.Text, action.Span, context: $"an action of objective {objective.Id.Value}: {objective.Text}");
                }
            }
        }

        foreach (var driver in plan.Drivers)
        {
            Add($"drivers.{driver.Id.Value}.name", driver.Name, driver.Span);
            Add($"drivers.{driver.Id.Value}.code", driver.Code?.Value, driver.Span, context: CodeContext);
            Add($"drivers.{driver.Id.Value}.cover_name", driver.CoverName, driver.Span);
            Add($"drivers.{driver.Id.Value}.subtitle", driver.Subtitle, driver.Span, context: $"the subtitle sentence of driver {driver.Number.Value}, {driver.Name}");
            Add($"drivers.{driver.Id.Value}.description", driver.Description, driver.Span, context: $"the paragraph of driver {driver.Number.Value}, {driver.Name}, set as a quotation");
            Add($"drivers.{driver.Id.Value}.notes", driver.Notes, driver.Span);
        }

        return fields;
    }
}
