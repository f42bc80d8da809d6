using Pstm.Diagnostics;

namespace Pstm.Plan.Model;

/// <summary>
/// A strategic plan: what <c>plan.yaml</c> says of the plan as a whole, and the sections its files hold.
/// Nothing here assumes a number of missions or drivers, a language or a place.
/// </summary>
public sealed record StrategicPlan
{
    public required Located<string> Id { get; init; }
    public required string Title { get; init; }
    public string? Subtitle { get; init; }
    public string? ShortTitle { get; init; }
    public required string Entity { get; init; }
    public string? Series { get; init; }
    public required YearPeriod Period { get; init; }

    /// <summary>The language the plan is written in (BCP 47, such as <c>it</c>).</summary>
    public required string Language { get; init; }

    /// <summary>Every locale an edition is made for; the source language is one of them.</summary>
    public required IReadOnlyList<string> Locales { get; init; }

    /// <summary>The edition's date, when the plan states one.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Keywords for the documents' metadata, in the plan's language (translatable, as plan.keywords.N).</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>What <c>publication:</c> says of the published booklet; null when the plan has no <c>publication:</c>.</summary>
    public Publication? Publication { get; init; }

    /// <summary>Words shown to readers that the plan overrides (for example what a "mission" is called).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>How the plan asks its items to be shown: ids or generated codes, a driver's objectives.</summary>
    public DisplaySettings Display { get; init; } = new();

    /// <summary>Where each label of <see cref="Labels"/> is written, by key: for the checks of the labels.</summary>
    public IReadOnlyDictionary<string, Labels.LabelSource> LabelsAt { get; init; } = new Dictionary<string, Labels.LabelSource>();

    /// <summary>Ids renamed since an earlier edition, old → new: followed by <c>pstm diff</c>.</summary>
    public IReadOnlyDictionary<string, string> Renamed { get; init; } = new Dictionary<string, string>();

    /// <summary>Where each rename of <see cref="Renamed"/> is written, by old id: for the checks of the renames.</summary>
    public IReadOnlyDictionary<string, SourceSpan> RenamedAt { get; init; } = new Dictionary<string, SourceSpan>();

    /// <summary>
    /// In an edition translated from the source: the keys (as in the translation files, such as
    /// <c>objectives.M1.2.text</c>) of the texts left in <see cref="SourceLanguage"/> for want of a translation.
    /// </summary>
    public IReadOnlySet<string> Untranslated { get; init; } = new HashSet<string>();

    /// <summary>The language the plan is written in, when this is a translated edition of it.</summary>
    public string? SourceLanguage { get; init; }

    /// <summary>The images the plan's texts show, read and checked by validation; none before it.</summary>
    public Images.PlanImages Images { get; init; } = Plan.Images.PlanImages.None;

    /// <summary>The entity's identity (logos, colours, typefaces, page size, contacts); null for the templates' own.</summary>
    public Theme? Theme { get; init; }

    /// <summary>
    /// The template folders the plan is built with, as written (relative to the plan folder), each laid
    /// over the one before it and all over the shipped templates.
    /// </summary>
    public IReadOnlyList<Located<string>> Templates { get; init; } = [];

    /// <summary>What a bare <c>pstm build</c> builds, and where to (<c>build:</c> in plan.yaml).</summary>
    public BuildDefaults Build { get; init; } = new();

    /// <summary>The theme's pictures and typefaces, read and checked by validation; none before it.</summary>
    public ThemeAssets ThemeAssets { get; init; } = ThemeAssets.None;

    public IReadOnlyList<Chapter> Chapters { get; init; } = [];
    public IReadOnlyList<Phase> Process { get; init; } = [];
    public IReadOnlyList<Pillar> Vision { get; init; } = [];
    public IReadOnlyList<Mission> Missions { get; init; } = [];
    public IReadOnlyList<Driver> Drivers { get; init; } = [];

    public required SourceSpan Span { get; init; }

    /// <summary>Every objective of every mission, in plan order.</summary>
    public IEnumerable<Objective> Objectives => Missions.SelectMany(m => m.Objectives);

    /// <summary>Every action of every objective, in plan order.</summary>
    public IEnumerable<ObjectiveAction> Actions => Objectives.SelectMany(o => o.Actions);
}
