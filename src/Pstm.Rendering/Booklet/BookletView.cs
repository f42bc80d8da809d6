namespace Pstm.Rendering.Booklet;

// What the booklet templates see. Every string here is already HTML-safe: plain texts are escaped,
// Markdown texts rendered with raw HTML disabled, and *Css members are CSS string literals. Templates
// reach these as snake_case names: Chapter.TitlePlain is chapter.title_plain.

/// <summary>
/// The whole booklet as the templates see it. <c>Sections</c> are the sections printed as parts of their
/// own, in a plan without chapters (empty otherwise); <c>Parts</c> says which parts the edition has.
/// </summary>
public sealed record BookletView(
    PlanView Plan,
    EditionView Edition,
    IReadOnlyDictionary<string, string> Strings,
    IReadOnlyDictionary<string, string> CssStrings,
    IReadOnlyList<TocEntry> Toc,
    IReadOnlyList<ChapterView> Chapters,
    IReadOnlyList<SectionView> Sections,
    IReadOnlyList<PhaseView> Process,
    IReadOnlyList<PillarView> Vision,
    IReadOnlyList<MissionView> Missions,
    IReadOnlyList<DriverView> Drivers,
    MatrixView Matrix,
    IReadOnlyList<UncitedGroup> Uncited,
    EditionParts Parts,
    bool HasAppendix,
    Changes.ChangesView? Changes = null)
{
    /// <summary>
    /// The booklet's CSS of the plan: its theme's (<see cref="ThemeCss"/>), then the rules giving each mission with a colour
    /// of its own its <c>--mission</c>; empty when the plan has neither.
    /// </summary>
    public string ColorCss => PlanThemeCss + MissionColorCss;

    /// <summary>The booklet's rules of the plan's theme (<see cref="ThemeCss.ForBooklet"/>); empty without a theme.</summary>
    public string PlanThemeCss { get; init; } = "";

    /// <summary>CSS rules giving each mission with a colour of its own its <c>--mission</c>; empty when none has one.</summary>
    public string MissionColorCss { get; init; } = "";

    /// <summary>The heading of each section kind (process, vision, missions, drivers), HTML-safe, in the form of its count.</summary>
    public IReadOnlyDictionary<string, string> SectionHeadings { get; init; } = new Dictionary<string, string>();

    /// <summary>What the plan states of its publication: the colophon, the back cover and the closing slide show it.</summary>
    public PublicationView Publication { get; init; } = new();

    /// <summary>The logo and the cover's picture of the templates folder, when it has them.</summary>
    public IdentityView Identity { get; init; } = new(null, null, null, null, "");
}

/// <summary>
/// The plan's <c>publication:</c>, HTML-safe, in the edition's words and dates. A part the plan does not
/// state is null (credits: empty): templates show nothing in its place.
/// </summary>
public sealed record PublicationView
{
    public string? DateIso { get; init; }
    public string? DateText { get; init; }
    public ApprovalView? Approval { get; init; }
    public IReadOnlyList<CreditView> Credits { get; init; } = [];
    public ContactsView? Contacts { get; init; }
    public LicenceView? Licence { get; init; }

    /// <summary>The address where the booklet is published (http or https), as text and as a link's href.</summary>
    public string? Url { get; init; }
}

/// <summary>The approving act: the body, the act with its number, and its date; <c>Text</c> says them in one line (the string approval_text).</summary>
public sealed record ApprovalView(string Body, string Act, string? DateIso, string? DateText)
{
    public string Text { get; init; } = "";
}

/// <summary>A role and who held it.</summary>
public sealed record CreditView(string Role, string Name);

/// <summary>Contacts: each null when not stated; <c>EmailHref</c> (mailto:) and <c>PhoneHref</c> (tel:) are ready for links.</summary>
public sealed record ContactsView(string? Address, string? Email, string? EmailHref, string? Phone, string? PhoneHref, string? Website);

/// <summary>The licence's name and the address of its text (null when not stated).</summary>
public sealed record LicenceView(string Name, string? Url);

/// <summary>
/// The entity's logo and cover picture, the plan's theme's or else the templates': <c>*Src</c> are the
/// booklet's asset paths, <c>*DataUrl</c> the same images for the deck, which is one self-contained file;
/// null when there is none. <c>Logo*</c> is the logo for the dark bands (covers, title slide): the
/// theme's logo_on_dark when it has one; <c>PageLogo*</c> the theme's logo on white (the colophon)
/// when the bands have their own. <c>LogoAlt</c> is the logo's alternative text (by default the
/// entity's name); <c>CoverAlt</c> the cover picture's, empty when it is decorative.
/// </summary>
public sealed record IdentityView(string? LogoSrc, string? LogoDataUrl, string? CoverSrc, string? CoverDataUrl, string LogoAlt)
{
    public string? PageLogoSrc { get; init; }

    public string? PageLogoDataUrl { get; init; }

    public string CoverAlt { get; init; } = "";
}

/// <summary>The plan's own fields.</summary>
public sealed record PlanView(
    string Id, string Title, string TitlePlain, string? Subtitle, string? ShortTitle, string ShortTitleCss, string Entity, string? Series,
    string PeriodText, bool TitleHasPeriod, IReadOnlyList<string> CoverNames, string KeywordsPlain)
{
    /// <summary>Whether a driver's card lists the objectives it cites (display: driver_objectives).</summary>
    public bool DriverObjectives { get; init; }
}

/// <summary>This edition: its language, date and maker.</summary>
public sealed record EditionView(string Locale, string Lang, string Name, string DateText, string DateIso, string Generator)
{
    /// <summary>The software line of the colophon, "Generated with pstm 1.0 on 7 December 2026": the day of the build, said as such.</summary>
    public string GeneratedText { get; init; } = "";

    /// <summary>The colophon's line on the typefaces: the shipped one, or the plan's theme's, with its licence.</summary>
    public string FontsText { get; init; } = "";
}

/// <summary>A line of the table of contents, its label HTML as the heading's (a part in another language keeps its lang); its page number is filled in after a first print.</summary>
public sealed record TocEntry(string Anchor, string Label, int Level);

/// <summary>A chapter, with the sections placed in it.</summary>
public sealed record ChapterView(
    string Id, string Anchor, string NumberText, string Title, string TitlePlain, string TitleCss, string PageName,
    string BodyHtml, bool InPreparation, IReadOnlyList<SectionView> Sections);

/// <summary>
/// A section: kind is process, vision, missions or drivers; <c>Level</c> is its heading's (2 in a chapter,
/// 1 as a part of its own), <c>ItemLevel</c> its items' headings'.
/// </summary>
public sealed record SectionView(string Kind, string Anchor, string Heading, int Level)
{
    public int ItemLevel => Level + 1;
}

/// <summary>A phase of the process.</summary>
public sealed record PhaseView(string Id, string Label, string Title, string PeriodText, IReadOnlyList<MilestoneView> Milestones);

/// <summary>A dated milestone of a phase.</summary>
public sealed record MilestoneView(string DateIso, string DateText, string Title);

/// <summary>A pillar of the vision.</summary>
public sealed record PillarView(string Id, string Name, string Definition);

/// <summary>
/// A mission, its colour and its objectives. <c>Color</c> names the class <c>mission-color-…</c>: a
/// position in the theme's palette, or <c>own-N</c> for a colour of its own. <c>Label</c> heads it
/// ("Missione 1.", or its code); <c>Short</c> goes in chips and matrix headers (its code, a generated
/// one, or its id when the plan shows ids).
/// </summary>
public sealed record MissionView(
    string Id, string Anchor, int Number, string Color, string Label, string Short, string Title, string TitlePlain, string Heading,
    IReadOnlyList<ObjectiveView> Objectives, IReadOnlyList<DriverRef> ServedBy);

/// <summary>An objective and the drivers citing it; <c>Code</c>, <c>Title</c> and <c>BodyHtml</c> are null when the plan gives none.</summary>
public sealed record ObjectiveView(string Id, string Text, IReadOnlyList<DriverRef> CitedBy)
{
    public string? Code { get; init; }

    public string? Title { get; init; }

    public string? BodyHtml { get; init; }

    public IReadOnlyList<ActionView> Actions { get; init; } = [];
}

/// <summary>An action of an objective; <c>Code</c> is null when the plan gives none.</summary>
public sealed record ActionView(string Id, string? Code, string Text);

/// <summary>
/// A driver; <c>Heading</c> is plain (TOC, titles), <c>HeadingHtml</c> its markup with the name in a
/// <c>driver-name</c> span; <c>InPreparation</c> when the plan expects texts of it and none is written
/// (see <see cref="Pstm.Plan.Validation.ExpectedTexts"/>).
/// </summary>
public sealed record DriverView(
    string Id, string Anchor, int Number, string Label, string Name, string Heading, string HeadingHtml, string? Subtitle, string? Description,
    bool InPreparation, IReadOnlyList<MissionRef> Missions, IReadOnlyList<ObjectiveView> Objectives)
{
    /// <summary>The number in the plan's numbering style (3, III, C).</summary>
    public string NumberText { get; init; } = "";

    /// <summary>The driver's code, such as DS3; null when the plan gives none.</summary>
    public string? Code { get; init; }
}

/// <summary>A mention of a mission elsewhere (a chip on a driver, a matrix column); <c>TitlePlain</c> for attributes.</summary>
public sealed record MissionRef(string Id, string Anchor, string Color, string Short, string Title, string TitlePlain);

/// <summary>A mention of a driver elsewhere.</summary>
public sealed record DriverRef(string Id, string Anchor, int Number, string Label)
{
    /// <summary>The number in the plan's numbering style (3, III, C).</summary>
    public string NumberText { get; init; } = "";

    /// <summary>The driver's code, such as DS3; null when the plan gives none.</summary>
    public string? Code { get; init; }
}

/// <summary>Drivers × missions: which driver serves which mission; <c>HasActions</c> when the plan has a third level to count.</summary>
public sealed record MatrixView(IReadOnlyList<MissionRef> Missions, IReadOnlyList<MatrixRow> Rows)
{
    public bool HasActions { get; init; }
}

/// <summary>A driver's row of the matrix: one cell per mission, true where it serves it; the objectives it cites and their actions.</summary>
public sealed record MatrixRow(DriverRef Driver, string Name, IReadOnlyList<bool> Cells, int ObjectiveCount)
{
    public int ActionCount { get; init; }
}

/// <summary>The objectives of one mission that no driver cites.</summary>
public sealed record UncitedGroup(MissionRef Mission, IReadOnlyList<ObjectiveView> Objectives);
