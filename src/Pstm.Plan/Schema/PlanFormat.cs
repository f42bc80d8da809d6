namespace Pstm.Plan.Schema;

/// <summary>The kind of value a field takes, as the readers accept it.</summary>
public enum FieldType
{
    Text,
    Id,
    Number,
    Year,
    Month,
    Date,
    Locale,
    TextList,
    IdList,
    Object,
    List,
    Labels,
    Bool,
    Color,
    Numbering,

    /// <summary>An address readers can open: http or https only.</summary>
    Url,

    /// <summary>An e-mail address, name@domain.</summary>
    Email,

    /// <summary>A plan's labels: the templates' keys, each a text or, when counted, its plural forms.</summary>
    PlanLabels,

    /// <summary>A picture of the theme: its path in the plan folder, or { file, alt, decorative }.</summary>
    Image,

    /// <summary>A typeface of the theme: a shipped family's name, or { family, files, licence }.</summary>
    Font,

    /// <summary>A list of colours, each #rrggbb.</summary>
    ColorList,

    /// <summary>A booklet's page size: A4, A5 or Letter.</summary>
    PageSize,

    /// <summary>A deck's slide shape: "16:9" or "4:3".</summary>
    DeckAspect,

    /// <summary>A list of what a build makes: booklet, slides or all.</summary>
    BuildTargetList,

    /// <summary>A list of a plan's section kinds (process, vision, missions, drivers), each described.</summary>
    SectionList,
}

/// <summary>A field of a plan file: its key, type, whether it is required, what it means, and for objects and lists, their fields.</summary>
public sealed record FieldFormat(string Key, FieldType Type, bool Required, string Description, IReadOnlyList<FieldFormat>? Fields = null);

/// <summary>
/// The plan format as data: every file, entity and field the readers accept. The JSON Schema is
/// generated from it, and tests check it against the readers, so neither can drift from the other.
/// </summary>
public static class PlanFormat
{
    private static readonly FieldFormat IdField = new("id", FieldType.Id, true, "A stable id: a letter, then letters, digits, '.', '-' and '_'; unique in the whole plan.");
    private static readonly FieldFormat NumberField = new("number", FieldType.Number, true, "The position, 1, 2, 3…");
    private static readonly FieldFormat CodeField = new("code", FieldType.Text, false, "The short name readers see, such as 'Asse 1' or 'DS3' (at most 20 characters); the id stays internal.");

    public static readonly IReadOnlyList<FieldFormat> Chapter =
    [
        IdField, NumberField,
        new("title", FieldType.Text, true, "The chapter's title."),
        new("body", FieldType.Text, false, "The chapter's text, in Markdown."),
        new("sections", FieldType.SectionList, false, "The sections placed in the chapter: process, vision, missions, drivers."),
    ];

    public static readonly IReadOnlyList<FieldFormat> Phase =
    [
        IdField, NumberField,
        new("title", FieldType.Text, true, "The phase's title."),
        new("period", FieldType.Object, true, "The phase's months, both included.",
        [
            new("from", FieldType.Month, true, "The first month, YYYY-MM."),
            new("to", FieldType.Month, true, "The last month, YYYY-MM."),
        ]),
        new("milestones", FieldType.List, false, "Dated events of the phase.",
        [
            IdField,
            new("date", FieldType.Date, true, "The day, YYYY-MM-DD."),
            new("title", FieldType.Text, true, "What happens."),
        ]),
    ];

    public static readonly IReadOnlyList<FieldFormat> Pillar =
    [
        IdField,
        new("name", FieldType.Text, true, "The pillar's name."),
        new("definition", FieldType.Text, true, "What it means."),
    ];

    public static readonly IReadOnlyList<FieldFormat> Mission =
    [
        IdField, NumberField,
        new("title", FieldType.Text, true, "The mission's title."),
        CodeField,
        new("color", FieldType.Color, false, "The mission's colour, \"#rrggbb\", dark enough for white text (WCAG AA); by default the theme's palette."),
        new("objectives", FieldType.List, false, "The strategic objectives.",
        [
            IdField,
            CodeField,
            new("title", FieldType.Text, false, "A short title shown above the objective's text."),
            new("text", FieldType.Text, true, "The objective; **bold** marks key words."),
            new("body", FieldType.Text, false, "Paragraphs that explain the objective, in Markdown."),
            new("actions", FieldType.List, false, "The actions that carry the objective out, the plan's third level.",
            [
                IdField,
                CodeField,
                new("text", FieldType.Text, true, "The action; **bold** marks key words."),
            ]),
        ]),
        new("notes", FieldType.Text, false, "Speaker notes for the slides, in Markdown."),
    ];

    public static readonly IReadOnlyList<FieldFormat> Driver =
    [
        IdField, NumberField,
        new("name", FieldType.Text, true, "The driver's name."),
        CodeField,
        new("cover_name", FieldType.Text, false, "The name as the cover prints it, when it differs."),
        new("subtitle", FieldType.Text, false, "The subtitle sentence; leave it out while it is not written."),
        new("description", FieldType.Text, false, "The paragraph; leave it out while it is not written."),
        new("missions", FieldType.IdList, false, "The missions it serves, by id."),
        new("objectives", FieldType.IdList, false, "The objectives it cites, by id; each of a mission it lists."),
        new("notes", FieldType.Text, false, "Speaker notes for the slides, in Markdown."),
    ];

    /// <summary>The sections any plan file may hold.</summary>
    public static readonly IReadOnlyList<FieldFormat> Sections =
    [
        new("chapters", FieldType.List, false, "The chapters.", Chapter),
        new("process", FieldType.List, false, "The phases of the process that made the plan.", Phase),
        new("vision", FieldType.List, false, "The pillars of the vision.", Pillar),
        new("missions", FieldType.List, false, "The missions and their objectives.", Mission),
        new("drivers", FieldType.List, false, "The thematic drivers.", Driver),
    ];

    /// <summary>The entity's identity, in plan.yaml or in one file it includes.</summary>
    public static readonly FieldFormat Theme = new("theme", FieldType.Object, false,
        "The entity's identity: logos, cover picture, colours, palette, typefaces, page size, the deck's shape and contacts; each part left out keeps the templates' own. Its files are paths in the plan folder.",
        [
            new("logo", FieldType.Image, false, "The entity's logo, SVG or PNG: { file: images/logo.svg, alt: … } (alt defaults to the entity's name)."),
            new("logo_on_dark", FieldType.Image, false, "A white or monochrome logo for the dark bands: the covers and the title slide."),
            new("cover_image", FieldType.Image, false, "The cover's picture, behind its text: { file: …, alt: … }, or { file: …, decorative: true }."),
            new("colors", FieldType.Object, false, "The entity's colours, each #rrggbb.",
            [
                new("primary", FieldType.Color, false, "Headings, links and the covers' band; white text on it must reach 4.5:1."),
                new("accent", FieldType.Color, false, "Highlights: focus rings, the deck's progress bar; the deck's dark text on it must reach 4.5:1."),
            ]),
            new("palette", FieldType.ColorList, false, "One colour per mission without its own, in order, cycling past the end; white text on each must reach 4.5:1."),
            new("fonts", FieldType.Object, false, "The typefaces: a shipped family (Titillium Web, Roboto Mono), or { family, files, licence } with OFL files in the plan folder.",
            [
                new("text", FieldType.Font, false, "The text's typeface."),
                new("mono", FieldType.Font, false, "The typeface of figures set apart."),
            ]),
            new("page_size", FieldType.PageSize, false, "The booklet's page: A4 (the default), A5 or Letter."),
            new("slides", FieldType.DeckAspect, false, "The deck's slide shape: \"16:9\" (the default) or \"4:3\"."),
            new("contacts", FieldType.Object, false, "The entity's contacts, shown where the publication states none.",
            [
                new("address", FieldType.Text, false, "The postal address, on one line."),
                new("email", FieldType.Email, false, "An e-mail address."),
                new("phone", FieldType.Text, false, "A phone number, such as +39 02 1234 5678."),
                new("website", FieldType.Url, false, "The entity's website, http or https."),
            ]),
        ]);

    /// <summary>plan.yaml: the plan's own fields, then the sections.</summary>
    public static readonly IReadOnlyList<FieldFormat> PlanFile =
    [
        IdField,
        new("title", FieldType.Text, true, "The plan's title."),
        new("subtitle", FieldType.Text, false, "A subtitle."),
        new("short_title", FieldType.Text, false, "A short title, such as PSTTM 2025-2027."),
        new("entity", FieldType.Text, true, "Who issues the plan."),
        new("series", FieldType.Text, false, "The series the publication belongs to."),
        new("period", FieldType.Object, true, "The years the plan covers.",
        [
            new("from", FieldType.Year, true, "The first year."),
            new("to", FieldType.Year, true, "The last year."),
        ]),
        new("language", FieldType.Locale, true, "The language the plan is written in (BCP 47)."),
        new("locales", FieldType.TextList, false, "Every locale an edition is made for; includes language."),
        new("date", FieldType.Date, false, "The edition's date, YYYY-MM-DD."),
        new("keywords", FieldType.TextList, false, "Keywords for the documents' metadata; translatable (plan.keywords.1, …), so each edition's PDF has them in its language."),
        new("publication", FieldType.Object, false, "The published booklet: its date, the approving act, credits, contacts, licence and address; the colophon, the back cover and the closing slide show them, and what is not stated is warned about, never filled in.",
        [
            new("date", FieldType.Date, false, "The day the booklet was published, YYYY-MM-DD (not the day it was built)."),
            new("approval", FieldType.Object, false, "The act that approved the plan.",
            [
                new("body", FieldType.Text, true, "The body that approved it, such as Consiglio metropolitano."),
                new("act", FieldType.Text, true, "The act, with its number, such as Deliberazione n. 27."),
                new("date", FieldType.Date, true, "The act's date, YYYY-MM-DD."),
            ]),
            new("credits", FieldType.List, false, "Who made the booklet, in the order the colophon lists them.",
            [
                new("role", FieldType.Text, true, "The role, such as Progetto grafico (translatable)."),
                new("name", FieldType.Text, true, "The person, office or studio."),
            ]),
            new("contacts", FieldType.Object, false, "How readers reach the entity.",
            [
                new("address", FieldType.Text, false, "The postal address, on one line."),
                new("email", FieldType.Email, false, "An e-mail address."),
                new("phone", FieldType.Text, false, "A phone number, such as +39 02 1234 5678."),
                new("website", FieldType.Url, false, "The entity's website, http or https."),
            ]),
            new("licence", FieldType.Object, false, "The licence the booklet is published under.",
            [
                new("name", FieldType.Text, true, "Its name, such as CC BY 4.0."),
                new("url", FieldType.Url, false, "The address of its text, http or https."),
            ]),
            new("url", FieldType.Url, false, "The address where the booklet is published, http or https."),
        ]),
        new("labels", FieldType.PlanLabels, false, "Words shown to readers in place of the templates' defaults."),
        new("display", FieldType.Object, false, "How the editions show the plan's items.",
        [
            new("ids", FieldType.Bool, false, "true: items without a code show their id in chips and matrix headers."),
            new("driver_objectives", FieldType.Bool, false, "true: each driver's card in the booklet lists the objectives it cites."),
            new("numbering", FieldType.Object, false, "How numbers are written in the labels: decimal, upper-roman, lower-roman, upper-alpha or lower-alpha.",
            [
                new("missions", FieldType.Numbering, false, "The missions' numbers, such as upper-roman for Asse I, II, III."),
                new("drivers", FieldType.Numbering, false, "The drivers' numbers."),
                new("phases", FieldType.Numbering, false, "The process phases' numbers."),
            ]),
        ]),
        new("renamed", FieldType.Labels, false, "Ids renamed since an earlier edition, old id: new id; pstm diff follows them."),
        new("include", FieldType.TextList, false, "The content files, relative to the plan folder; '*' and '?' allowed in file names."),
        new("templates", FieldType.TextList, false, "Template folders, relative to the plan folder, each laid over the one before and all over the shipped templates (under --templates)."),
        new("build", FieldType.Object, false, "What a bare 'pstm build' does; each option given on the command line goes over its default here.",
        [
            new("out", FieldType.Text, false, "The output folder, relative to the plan folder (default: dist in the working folder); each edition goes into OUT/<locale>/."),
            new("locales", FieldType.TextList, false, "The locales to build, among 'locales' (default: all of them)."),
            new("targets", FieldType.BuildTargetList, false, "What to build: booklet, slides or all (default: all)."),
        ]),
        Theme,
        .. Sections,
    ];
}
