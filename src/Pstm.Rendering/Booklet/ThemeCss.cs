using System.Globalization;
using System.Text;
using Pstm.Plan.Model;

namespace Pstm.Rendering.Booklet;

/// <summary>
/// The stylesheet of a plan's <c>theme:</c>, written after the templates' own so that it wins: its
/// typefaces (@font-face), colours, palette, page size and slide shape as the custom properties the
/// templates use (theme.css names them). A plan without a theme gets none: it looks as the templates make it.
/// </summary>
public static class ThemeCss
{
    /// <summary>The booklet's page, in mm, and the margins that keep its text block 60-75 characters wide.</summary>
    private sealed record Page(string Size, string Width, string Height, string Margins, string Inner, string Outer, string CoverScale);

    private static readonly Dictionary<PageSize, Page> Pages = new()
    {
        [PageSize.A4] = new("A4 portrait", "210mm", "297mm", "22mm 70mm 26mm 28mm", "28mm", "70mm", "1"),
        // A5's text block is 98 mm: the same 11 pt text, about 55-65 characters a line, with a narrower outer margin.
        [PageSize.A5] = new("A5 portrait", "148mm", "210mm", "16mm 34mm 20mm 16mm", "16mm", "34mm", "0.7"),
        [PageSize.Letter] = new("letter portrait", "215.9mm", "279.4mm", "20mm 72mm 24mm 28mm", "28mm", "72mm", "0.94"),
    };

    /// <summary>The theme's rules for the booklet: its files beside the HTML, under assets/.</summary>
    public static string ForBooklet(StrategicPlan plan) => Of(plan, face => "assets/" + face.AssetName, deck: false);

    /// <summary>The theme's rules for the deck, one self-contained file: its typefaces as data URLs.</summary>
    public static string ForDeck(StrategicPlan plan) => Of(plan, face => face.DataUrl, deck: true);

    /// <param name="fontUrl">Where a typeface's file is read from: beside the booklet, or a data URL in the deck.</param>
    /// <param name="deck">The deck's rules (its slide shape) rather than the booklet's (its page).</param>
    private static string Of(StrategicPlan plan, Func<ThemeFontFace, string> fontUrl, bool deck)
    {
        if (plan.Theme is not { } theme)
        {
            return "";
        }

        var css = new StringBuilder("/* The plan's theme (theme: in the plan). */\n");
        foreach (var face in plan.ThemeAssets.FontFaces)
        {
            css.Append(CultureInfo.InvariantCulture, $"@font-face {{ font-family: '{face.Family}'; src: url({fontUrl(face)}) format('{face.Format}'); font-weight: {face.Weight}; font-style: {(face.Italic ? "italic" : "normal")}; font-display: block; }}\n");
        }

        var root = new List<string>();
        if (theme.TextFont is { } text)
        {
            root.Add($"--font-text: '{text.Family.Value}', sans-serif");
        }

        if (theme.MonoFont is { } mono)
        {
            root.Add($"--font-mono: '{mono.Family.Value}', monospace");
        }

        if (theme.Primary is { } primary)
        {
            root.Add($"--accent: {primary.Value}");
            root.Add($"--cover-soft: {CoverSoft(primary.Value)}");
        }

        if (theme.Accent is { } accent)
        {
            root.Add($"--highlight: {accent.Value}");
        }

        foreach (var (color, index) in theme.Palette.Select((c, i) => (c, i)))
        {
            root.Add($"--mission-{index + 1}: {color.Value}");
        }

        var page = !deck && theme.PageSize is { } size ? Pages[size.Value] : null;
        var standardSlides = deck && theme.DeckAspect?.Value == DeckAspect.Standard;
        if (page is not null)
        {
            root.Add($"--page-width: {page.Width}");
            root.Add($"--page-height: {page.Height}");
            root.Add($"--cover-scale: {page.CoverScale}");
        }

        if (standardSlides)
        {
            root.Add("--slide-width: 960px");
            root.Add("--slide-height: 720px");
        }

        if (root.Count > 0)
        {
            css.Append(":root { ").AppendJoin("; ", root).Append("; }\n");
        }

        // The shipped theme.css names palette classes up to its twelve colours; a longer palette names the rest.
        for (var position = MissionPalette.Size + 1; position <= theme.Palette.Count; position++)
        {
            css.Append(CultureInfo.InvariantCulture, $".mission-color-{position} {{ --mission: var(--mission-{position}); }}\n");
        }

        if (page is not null)
        {
            // @page cannot read custom properties: the size and the margins are written out.
            css.Append(CultureInfo.InvariantCulture, $"@page {{ size: {page.Size}; margin: {page.Margins}; }}\n");
            css.Append(CultureInfo.InvariantCulture, $"@page :right {{ margin-left: {page.Inner}; margin-right: {page.Outer}; }}\n");
            css.Append(CultureInfo.InvariantCulture, $"@page :left {{ margin-left: {page.Outer}; margin-right: {page.Inner}; }}\n");
            // Chromium lets a later @page rule win over a named page's: the covers get their full page back.
            css.Append("@page cover { margin: 0; }\n@page back-cover { margin: 0; }\n");
        }

        if (standardSlides)
        {
            css.Append("@page { size: 960px 720px; margin: 0; }\n");
        }

        return css.ToString();
    }

    /// <summary>The typefaces the booklet is set in, with their licences, as the colophon credits them.</summary>
    public static string FontsCredit(StrategicPlan plan)
    {
        static string Credit(ThemeFont font) => font.Licence is { } licence ? $"{font.Family.Value}, {licence}" : font.Family.Value;
        var text = plan.Theme?.TextFont is { } own && !ShippedText(own) ? Credit(own) : "Titillium Web, SIL Open Font License 1.1";
        return plan.Theme?.MonoFont is { } mono && !ShippedText(mono) ? $"{text}; {Credit(mono)}" : text;
    }

    private static bool ShippedText(ThemeFont font) => font.Files.Count == 0 && font.Family.Value.Equals("Titillium Web", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The covers' second text colour: a pale tint of the primary colour that still reads on it at 4.5:1,
    /// else white.
    /// </summary>
    public static HexColor CoverSoft(HexColor primary)
    {
        foreach (var amount in new[] { 0.85, 0.9, 0.95 })
        {
            var tint = primary.Mix(HexColor.White, amount);
            if (HexColor.Contrast(tint, primary) >= HexColor.AaRatio)
            {
                return tint;
            }
        }

        return HexColor.White;
    }
}
