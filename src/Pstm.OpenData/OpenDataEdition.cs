using Pstm.Diagnostics;
using Pstm.Plan.Model;
using Pstm.Plan.Text;
using Pstm.Plan.Translation;

namespace Pstm.OpenData;

/// <summary>What identifies an edition of the plan: its stable id, its locale and its date.</summary>
public sealed record EditionInfo(
    string PlanId,
    string Locale,
    string SourceLanguage,
    DateOnly Date,
    string Title,
    string TitleMarkdown,
    string? Subtitle,
    string? ShortTitle,
    string Entity,
    string? Series,
    YearPeriod Period);

/// <summary>A mission; its title plain and as written (Markdown); its code and colour, null when the plan gives none.</summary>
public sealed record MissionRecord(string Id, int Number, string? Code, string? Color, string Title, string TitleMarkdown, IReadOnlyList<string> Objectives);

/// <summary>
/// A strategic objective: its mission, its position in the mission (1, 2, …), its text, and what the
/// plan may add to it (code, title, body: null when not given) with the ids of its actions.
/// </summary>
public sealed record ObjectiveRecord(
    string Id, string Mission, int Position, string? Code, string? Title, string? TitleMarkdown, string Text, string TextMarkdown,
    string? BodyMarkdown, IReadOnlyList<string> Actions);

/// <summary>An action, the plan's third level: its objective, its position in the objective (1, 2, …) and its text.</summary>
public sealed record ActionRecord(string Id, string Objective, int Position, string? Code, string Text, string TextMarkdown);

/// <summary>A thematic driver. Subtitle and description are null while their text is not written.</summary>
public sealed record DriverRecord(
    string Id,
    int Number,
    string? Code,
    string Name,
    string NameMarkdown,
    string? Subtitle,
    string? SubtitleMarkdown,
    string? Description,
    string? DescriptionMarkdown,
    IReadOnlyList<string> Missions,
    IReadOnlyList<string> Objectives);

/// <summary>A link of a driver to a mission it serves (<c>mission</c>) or an objective it cites (<c>objective</c>).</summary>
public sealed record LinkRecord(string Driver, string Kind, string Target);

/// <summary>
/// One edition of the plan as open data: the records published as JSON and as CSV, in plan order.
/// </summary>
public sealed record OpenDataEdition(
    EditionInfo Edition,
    IReadOnlyList<MissionRecord> Missions,
    IReadOnlyList<ObjectiveRecord> Objectives,
    IReadOnlyList<ActionRecord> Actions,
    IReadOnlyList<DriverRecord> Drivers,
    IReadOnlyList<LinkRecord> Links)
{
    public const string MissionLink = "mission";
    public const string ObjectiveLink = "objective";

    /// <summary>
    /// The edition of a checked plan in <paramref name="locale"/>, one the plan declares: the source
    /// language as written, another from its translation file (missing or stale translations are
    /// reported into <paramref name="diagnostics"/> as warnings, as the build does).
    /// </summary>
    public static OpenDataEdition Of(StrategicPlan plan, string planDirectory, string locale, DateOnly date, DiagnosticBag diagnostics, string? displayRoot = null)
    {
        if (!plan.Locales.Contains(locale))
        {
            throw new ArgumentException($"the plan declares no locale '{locale}'", nameof(locale));
        }

        var edition = Translator.Edition(plan, planDirectory, locale, displayRoot ?? Directory.GetCurrentDirectory(), strict: false, diagnostics);
        return Of(edition, plan.Language, locale, date);
    }

    /// <summary>The records of a plan already in <paramref name="locale"/>.</summary>
    public static OpenDataEdition Of(StrategicPlan plan, string sourceLanguage, string locale, DateOnly date)
    {
        var info = new EditionInfo(
            plan.Id.Value, locale, sourceLanguage, date, PlainText.Of(plan.Title)!, plan.Title,
            PlainText.Of(plan.Subtitle), PlainText.Of(plan.ShortTitle), PlainText.Of(plan.Entity)!, PlainText.Of(plan.Series), plan.Period);

        var missions = plan.Missions
            .Select(m => new MissionRecord(
                m.Id.Value, m.Number.Value, m.Code?.Value, m.Color?.Value, PlainText.Of(m.Title)!, m.Title, m.Objectives.Select(o => o.Id.Value).ToList()))
            .ToList();
        var objectives = plan.Missions
            .SelectMany(m => m.Objectives.Select((o, i) => new ObjectiveRecord(
                o.Id.Value, m.Id.Value, i + 1, o.Code?.Value, PlainText.Of(o.Title), o.Title, PlainText.Of(o.Text)!, o.Text,
                o.Body, o.Actions.Select(a => a.Id.Value).ToList())))
            .ToList();
        var actions = plan.Objectives
            .SelectMany(o => o.Actions.Select((a, i) => new ActionRecord(a.Id.Value, o.Id.Value, i + 1, a.Code?.Value, PlainText.Of(a.Text)!, a.Text)))
            .ToList();
        var drivers = plan.Drivers
            .Select(d => new DriverRecord(
                d.Id.Value, d.Number.Value, d.Code?.Value, PlainText.Of(d.Name)!, d.Name,
                PlainText.Of(d.Subtitle), d.Subtitle, PlainText.Of(d.Description), d.Description,
                d.Missions.Select(m => m.Value).ToList(), d.Objectives.Select(o => o.Value).ToList()))
            .ToList();
        var links = drivers
            .SelectMany(d => d.Missions.Select(m => new LinkRecord(d.Id, MissionLink, m))
                .Concat(d.Objectives.Select(o => new LinkRecord(d.Id, ObjectiveLink, o))))
            .ToList();

        return new OpenDataEdition(info, missions, objectives, actions, drivers, links);
    }
}
