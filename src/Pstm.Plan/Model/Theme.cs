using Pstm.Diagnostics;

namespace Pstm.Plan.Model;

/// <summary>
/// What <c>theme:</c> says of the entity's identity, in plan.yaml or a file it includes: its logos,
/// the cover's picture, its colours and palette, its typefaces, the page size and the deck's shape,
/// and the contacts the colophon and the closing slide show. Every part left out keeps the shipped
/// templates' own, so a plan with no theme builds as it always did.
/// </summary>
public sealed record Theme
{
    /// <summary>The entity's logo, on the pages' white (cover band, back cover and title slide use <see cref="LogoOnDark"/> when given).</summary>
    public ThemeImage? Logo { get; init; }

    /// <summary>A monochrome or white logo for the dark bands: the cover, the back cover and the title slide.</summary>
    public ThemeImage? LogoOnDark { get; init; }

    /// <summary>The cover's picture, behind the cover's text: described by its alt, or marked decorative.</summary>
    public ThemeImage? CoverImage { get; init; }

    /// <summary>Headings, links and the covers' band, with white text on it.</summary>
    public Located<HexColor>? Primary { get; init; }

    /// <summary>Highlights: focus rings, the deck's progress bar, a pressed control (dark text on it).</summary>
    public Located<HexColor>? Accent { get; init; }

    /// <summary>One colour per top-level item (mission) without its own, in order; empty for the shipped palette.</summary>
    public IReadOnlyList<Located<HexColor>> Palette { get; init; } = [];

    /// <summary>Where the palette is written, for what is said of it as a whole.</summary>
    public SourceSpan? PaletteSpan { get; init; }

    /// <summary>The typeface of the text; null for the shipped one.</summary>
    public ThemeFont? TextFont { get; init; }

    /// <summary>The typeface of codes and figures set apart (monospaced); null for the shipped one.</summary>
    public ThemeFont? MonoFont { get; init; }

    /// <summary>The booklet's page size; null for A4.</summary>
    public Located<PageSize>? PageSize { get; init; }

    /// <summary>The deck's slide shape; null for 16:9.</summary>
    public Located<DeckAspect>? DeckAspect { get; init; }

    /// <summary>The entity's address, e-mail, phone and website: shown where the plan's publication states none.</summary>
    public Contacts? Contacts { get; init; }

    public required SourceSpan Span { get; init; }
}

/// <summary>A picture of the theme: a file of the plan folder, and its alternative text or its mark as decorative.</summary>
public sealed record ThemeImage(Located<string> File, string? Alt, bool Decorative, SourceSpan Span);

/// <summary>
/// A typeface: its family name as the stylesheets write it, and the files (WOFF2, WOFF, TTF or OTF inside
/// the plan folder) of its weights and styles; with no files, the family must be one pstm ships.
/// </summary>
public sealed record ThemeFont(Located<string> Family, IReadOnlyList<Located<string>> Files, SourceSpan Span)
{
    /// <summary>The licence the files are published under, as the colophon credits it (such as SIL Open Font License 1.1).</summary>
    public string? Licence { get; init; }
}

/// <summary>The page sizes a booklet may have.</summary>
public enum PageSize
{
    A4,
    A5,
    Letter,
}

/// <summary>The shapes a deck's slides may have.</summary>
public enum DeckAspect
{
    Wide,
    Standard,
}
