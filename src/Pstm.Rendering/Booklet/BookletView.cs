namespace Pstm.Rendering.Booklet;

// What the booklet templates see. Every string here is already HTML-safe: plain texts are escaped,
// Markdown texts rendered with raw HTML disabled, and *Css members are CSS string literals. Templates
// reach these as snake_case names: Chapter.TitlePlain is chapter.title_plain.

/// <summary>The whole booklet as the templates see it.</summary>
public sealed record BookletView(
    PlanView Plan,
    EditionView Edition,
    IReadOnlyDictionary<string, string> Strings,
    IReadOnlyDictionary<string, string> CssStrings,
    IReadOnlyList<TocEntry> Toc,
    IReadOnlyList<ChapterView> Chapters,
    IReadOnlyList<PhaseView> Process,
    IReadOnlyList<PillarView> Vision,
    IReadOnlyList<MissionView> Missions,
    IReadOnlyList<DriverView> Drivers,
    MatrixView Matrix,
    IReadOnlyList<UncitedGroup> Uncited,
    Changes.ChangesView? Changes = null)
{
    /// <summary>The heading of each section kind (process, vision, missions, drivers), HTML-safe, in the form of its count.</summary>
    public IReadOnlyDictionary<string, string> SectionHeadings { get; init; } = new Dictionary<string, string>();
}

/// <summary>The plan's own fields.</summary>
public sealed record PlanView(
    string Id, string Title, string TitlePlain, string? Subtitle, string? ShortTitle, string ShortTitleCss, string Entity, string? Series,
    string PeriodText, bool TitleHasPeriod, IReadOnlyList<string> CoverNames, string KeywordsPlain);

/// <summary>This edition: its language, date and maker.</summary>
public sealed record EditionView(string Locale, string Lang, string Name, string DateText, string DateIso, string Generator);

/// <summary>A line of the table of contents; its page number is filled in after a first print.</summary>
public sealed record TocEntry(string Anchor, string Label, int Level);

/// <summary>A chapter, with the sections placed in it.</summary>
public sealed record ChapterView(
    string Id, string Anchor, string NumberText, string Title, string TitlePlain, string TitleCss, string PageName,
    string BodyHtml, bool InPreparation, IReadOnlyList<SectionView> Sections);

/// <summary>A section placed in a chapter: kind is process, vision, missions or drivers.</summary>
public sealed record SectionView(string Kind, string Anchor, string Heading);

/// <summary>A phase of the process.</summary>
public sealed record PhaseView(string Id, string Label, string Title, string PeriodText, IReadOnlyList<MilestoneView> Milestones);

/// <summary>A dated milestone of a phase.</summary>
public sealed record MilestoneView(string DateIso, string DateText, string Title);

/// <summary>A pillar of the vision.</summary>
public sealed record PillarView(string Id, string Name, string Definition);

/// <summary>A mission, its colour (1-6, cycling) and its objectives.</summary>
public sealed record MissionView(
    string Id, string Anchor, int Number, int Color, string Label, string Short, string Title, string TitlePlain, string Heading,
    IReadOnlyList<ObjectiveView> Objectives, IReadOnlyList<DriverRef> ServedBy);

/// <summary>An objective and the drivers citing it.</summary>
public sealed record ObjectiveView(string Id, string Text, IReadOnlyList<DriverRef> CitedBy);

/// <summary>A driver; <c>InPreparation</c> when its subtitle or text is not written yet.</summary>
public sealed record DriverView(
    string Id, string Anchor, int Number, string Label, string Name, string Heading, string? Subtitle, string? Description,
    bool InPreparation, IReadOnlyList<MissionRef> Missions, IReadOnlyList<ObjectiveView> Objectives);

/// <summary>A mention of a mission elsewhere (a chip on a driver, a matrix column); <c>TitlePlain</c> for attributes.</summary>
public sealed record MissionRef(string Id, string Anchor, int Color, string Short, string Title, string TitlePlain);

/// <summary>A mention of a driver elsewhere.</summary>
public sealed record DriverRef(string Id, string Anchor, int Number, string Label);

/// <summary>Drivers × missions: which driver serves which mission.</summary>
public sealed record MatrixView(IReadOnlyList<MissionRef> Missions, IReadOnlyList<MatrixRow> Rows);

/// <summary>A driver's row of the matrix: one cell per mission, true where it serves it.</summary>
public sealed record MatrixRow(DriverRef Driver, string Name, IReadOnlyList<bool> Cells, int ObjectiveCount);

/// <summary>The objectives of one mission that no driver cites.</summary>
public sealed record UncitedGroup(MissionRef Mission, IReadOnlyList<ObjectiveView> Objectives);
