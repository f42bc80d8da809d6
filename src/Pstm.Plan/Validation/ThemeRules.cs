using System.Globalization;
using Pstm.Diagnostics;
using Pstm.Plan.Fonts;
using Pstm.Plan.Images;
using Pstm.Plan.Loading;
using Pstm.Plan.Model;

namespace Pstm.Plan.Validation;

/// <summary>
/// Checks the plan's theme once the plan is read: its pictures are files of the plan folder that are
/// images (as the texts' images are checked), a logo is SVG or PNG, the text drawn on each colour
/// reaches WCAG AA, the palette's colours can be told apart, and a typeface is shipped or given as files.
/// </summary>
internal static class ThemeRules
{
    /// <summary>The typefaces pstm ships (templates/fonts), which a theme may name without files.</summary>
    public static readonly IReadOnlySet<string> ShippedFamilies = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Titillium Web", "Roboto Mono" };

    /// <summary>The dark blue the deck's pressed control writes on the accent colour (slides.css).</summary>
    public static readonly HexColor DeckInk = new(0x10, 0x24, 0x3a);

    public static ThemeAssets Check(StrategicPlan plan, PlanImages images, string? planDirectory, DiagnosticBag diagnostics)
    {
        if (plan.Theme is not { } theme)
        {
            return ThemeAssets.None;
        }

        CheckColors(theme, diagnostics);
        CheckPalette(theme, diagnostics);
        CheckFamily(theme.TextFont, diagnostics);
        CheckFamily(theme.MonoFont, diagnostics);
        return new ThemeAssets
        {
            Logo = Logo(theme.Logo, "logo", images, diagnostics),
            LogoOnDark = Logo(theme.LogoOnDark, "logo_on_dark", images, diagnostics),
            CoverImage = theme.CoverImage is { } cover ? images.Resolve(cover.File.Value, cover.File.Span, diagnostics) : null,
            FontFaces = [.. FontFaces(theme.TextFont, planDirectory, diagnostics), .. FontFaces(theme.MonoFont, planDirectory, diagnostics)],
        };
    }

    /// <summary>
    /// The files of a typeface, each read and checked (<see cref="FontFile"/>): inside the plan folder, a font by
    /// its bytes, embeddable; its weight and style are the file's own, its family the one declared (which the
    /// stylesheets name), and a file of another family is told.
    /// </summary>
    private static IEnumerable<ThemeFontFace> FontFaces(ThemeFont? font, string? planDirectory, DiagnosticBag diagnostics)
    {
        if (font is null || planDirectory is null)
        {
            yield break;
        }

        foreach (var file in font.Files)
        {
            var path = Path.GetFullPath(Path.Combine(planDirectory, file.Value));
            if (file.Value.Contains(':', StringComparison.Ordinal) || Path.IsPathRooted(file.Value) || !PlanBoundary.Contains(planDirectory, path))
            {
                diagnostics.Add(PlanDiagnostics.FontOutsidePlan.Create(
                    file.Span, $"font '{file.Value}' is not a file of the plan folder: pstm embeds only fonts stored in it, never from the web or elsewhere on the disk",
                    "copy the font's files into the plan folder (for example fonts/) and write their paths relative to the folder that holds plan.yaml"));
                continue;
            }

            if (FontFile.Read(path, file.Value, file.Span, diagnostics) is not { } read)
            {
                continue;
            }

            if (!read.Family.StartsWith(font.Family.Value, StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Add(PlanDiagnostics.FontOfAnotherFamily.Create(
                    file.Span, $"font '{file.Value}' is {read.Description}, not of the family '{font.Family.Value}' it is declared for: the booklet shows it under that name",
                    $"list under '{font.Family.Value}' only the files of that family, or name the family as its files do ('{read.Family}')"));
            }

            yield return new ThemeFontFace(font.Family.Value, read.Weight, read.Italic, read.FullPath, read.AssetName, read.DataUrl, read.Format.CssFormat);
        }
    }

    /// <summary>A logo: an image of the plan folder, and SVG or PNG, which keep their edges sharp and their background clear.</summary>
    private static PlanImage? Logo(ThemeImage? logo, string key, PlanImages images, DiagnosticBag diagnostics)
    {
        if (logo is null || images.Resolve(logo.File.Value, logo.File.Span, diagnostics) is not { } image)
        {
            return null;
        }

        if (image.Format != ImageFormat.Svg && image.Format != ImageFormat.Png)
        {
            diagnostics.Add(PlanDiagnostics.InvalidValue.Create(
                logo.File.Span, $"the theme's {key} '{logo.File.Value}' is a {image.Format.Name} image: a logo is SVG or PNG",
                "export the logo as SVG (best: sharp at every size) or as PNG with a transparent background"));
            return null;
        }

        return image;
    }

    private static void CheckColors(Theme theme, DiagnosticBag diagnostics)
    {
        if (theme.Primary is { } primary)
        {
            // Headings and links are written in it on the white page; the covers and the title slide write white on it.
            Need(primary, HexColor.White, HexColor.AaRatio, "white text on the primary colour (covers, title slide) and the primary colour on white (headings, links)", "choose a darker primary colour", diagnostics);
        }

        if (theme.Accent is { } accent)
        {
            Need(accent, DeckInk, HexColor.AaRatio, $"the deck's dark text ({DeckInk}) on the accent colour (a pressed control)", "choose a lighter, brighter accent colour", diagnostics);
        }

        foreach (var (color, index) in theme.Palette.Select((c, i) => (c, i)))
        {
            Need(color, HexColor.White, HexColor.AaRatio, $"white text on colour {index + 1} of the palette (chips, bands, matrix headers)", "choose a darker shade of that colour", diagnostics);
        }
    }

    private static void Need(Located<HexColor> color, HexColor other, double ratio, string what, string hint, DiagnosticBag diagnostics)
    {
        var contrast = HexColor.Contrast(color.Value, other);
        if (contrast < ratio)
        {
            diagnostics.Add(PlanDiagnostics.ThemeContrast.Create(
                color.Span,
                string.Create(CultureInfo.InvariantCulture, $"{what}: {color.Value} and {other} have a contrast of {contrast:0.00}:1, below the {ratio:0.#}:1 that WCAG AA asks"),
                hint));
        }
    }

    /// <summary>Two colours of the palette too alike to tell two missions apart side by side.</summary>
    private static void CheckPalette(Theme theme, DiagnosticBag diagnostics)
    {
        var palette = theme.Palette;
        for (var i = 0; i < palette.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var distance = HexColor.Distance(palette[i].Value, palette[j].Value);
                if (distance < HexColor.DistinctDistance)
                {
                    diagnostics.Add(PlanDiagnostics.PaletteTooAlike.Create(
                        palette[i].Span,
                        string.Create(CultureInfo.InvariantCulture, $"colour {i + 1} of the palette ({palette[i].Value}) is too like colour {j + 1} ({palette[j].Value}, {palette[j].Span}): {distance:0.0} apart in CIELAB, under {HexColor.DistinctDistance}"),
                        "readers tell missions apart by colour in chips and the matrix: change the hue or the lightness of one of the two"));
                    break;
                }
            }
        }
    }

    private static void CheckFamily(ThemeFont? font, DiagnosticBag diagnostics)
    {
        if (font is { Files.Count: 0 } && !ShippedFamilies.Contains(font.Family.Value))
        {
            diagnostics.Add(PlanDiagnostics.FontNotShipped.Create(
                font.Family.Span,
                $"the typeface '{font.Family.Value}' is not one pstm ships, and the theme gives no files for it: the PDF would use whatever font the machine has",
                $"give its files (OFL fonts in the plan folder): {{ family: {font.Family.Value}, files: [fonts/….woff2] }}, or use a shipped one: {string.Join(", ", ShippedFamilies)}"));
        }
    }
}
