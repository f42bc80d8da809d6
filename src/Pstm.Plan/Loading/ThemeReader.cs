using System.Text.RegularExpressions;
using Pstm.Diagnostics;
using Pstm.Plan.Model;
using Pstm.Plan.Yaml;

namespace Pstm.Plan.Loading;

/// <summary>
/// Reads <c>theme:</c>: the entity's logos and cover picture (files of the plan folder, checked when the
/// plan is validated), its colours and palette (#rrggbb), its typefaces, the page size, the deck's
/// shape and its contacts. What is written wrong is reported where it is written; the contrasts the
/// colours need are checked with the rest of the theme (<see cref="Validation.ThemeRules"/>).
/// </summary>
internal static partial class ThemeReader
{
    public const string Key = "theme";

    /// <summary>The page sizes by the names plan.yaml may give them (any letter case).</summary>
    public static readonly IReadOnlyDictionary<string, PageSize> PageSizes =
        new Dictionary<string, PageSize>(StringComparer.OrdinalIgnoreCase) { ["A4"] = PageSize.A4, ["A5"] = PageSize.A5, ["Letter"] = PageSize.Letter, ["US Letter"] = PageSize.Letter };

    /// <summary>The deck's shapes by the ratio plan.yaml writes.</summary>
    public static readonly IReadOnlyDictionary<string, DeckAspect> DeckAspects =
        new Dictionary<string, DeckAspect>(StringComparer.Ordinal) { ["16:9"] = DeckAspect.Wide, ["4:3"] = DeckAspect.Standard };

    public static Theme? Read(MappingReader fields)
    {
        if (fields.Mapping(Key) is not { } theme)
        {
            return null;
        }

        theme.Subject = "the plan's theme";
        var colors = theme.Mapping("colors");
        if (colors is not null)
        {
            colors.Subject = "the theme's colors";
        }

        var fonts = theme.Mapping("fonts");
        if (fonts is not null)
        {
            fonts.Subject = "the theme's fonts";
        }

        var result = new Theme
        {
            Logo = Image(theme, "logo", needsAlt: false),
            LogoOnDark = Image(theme, "logo_on_dark", needsAlt: false),
            CoverImage = Image(theme, "cover_image", needsAlt: true),
            Primary = colors?.OptionalHexColor("primary"),
            Accent = colors?.OptionalHexColor("accent"),
            Palette = Palette(theme),
            PaletteSpan = theme.Node("palette")?.Span,
            TextFont = fonts is null ? null : Font(fonts, "text"),
            MonoFont = fonts is null ? null : Font(fonts, "mono"),
            PageSize = Named(theme, "page_size", PageSizes, "a page size", "A4 (the default), A5 or Letter"),
            DeckAspect = Named(theme, "slides", DeckAspects, "a slide shape", "\"16:9\" (the default) or \"4:3\", between quotes"),
            Contacts = PublicationReader.ReadContacts(theme, "the theme's contacts"),
            Span = theme.Span,
        };
        colors?.Finish();
        fonts?.Finish();
        theme.Finish();
        return result;
    }

    /// <summary>
    /// A picture: <c>{ file: images/logo.svg, alt: … }</c>, or just its path. A picture that says something
    /// (<paramref name="needsAlt"/>) has an alt, or <c>decorative: true</c> to say it says nothing.
    /// </summary>
    private static ThemeImage? Image(MappingReader theme, string key, bool needsAlt)
    {
        var node = theme.Node(key);
        if (node is YamlScalar { IsNull: false } path)
        {
            var file = new Located<string>(path.Value.Trim(), path.Span);
            if (needsAlt)
            {
                ReportNoAlt(theme.Diagnostics, key, path.Span);
            }

            return new ThemeImage(file, null, false, path.Span);
        }

        if (theme.Mapping(key) is not { } image)
        {
            return null;
        }

        image.Subject = $"the theme's {key}";
        var fileText = image.RequiredText("file");
        var fileSpan = image.Node("file")?.Span ?? image.Span;
        var alt = image.OptionalText("alt");
        var decorative = image.OptionalBool("decorative");
        image.Finish();
        if (alt is not null && decorative)
        {
            theme.Diagnostics.Add(PlanDiagnostics.ThemeImageAlt.Create(
                image.Span, $"the theme's {key} has an alt and is marked decorative: it is one or the other", "keep 'alt' if the picture tells the reader something, else keep 'decorative: true'"));
        }
        else if (needsAlt && alt is null && !decorative)
        {
            ReportNoAlt(theme.Diagnostics, key, image.Span);
        }

        return fileText.Length == 0 ? null : new ThemeImage(new Located<string>(fileText, fileSpan), alt, decorative, image.Span);
    }

    private static void ReportNoAlt(DiagnosticBag diagnostics, string key, SourceSpan span) =>
        diagnostics.Add(PlanDiagnostics.ThemeImageAlt.Create(
            span, $"the theme's {key} says neither what it shows (alt) nor that it is decorative",
            $"write {key}: {{ file: …, alt: what the picture shows }}, or {{ file: …, decorative: true }} for a picture that only adorns"));

    private static List<Located<HexColor>> Palette(MappingReader theme)
    {
        if (theme.Sequence("palette") is not { } palette)
        {
            return [];
        }

        var colors = new List<Located<HexColor>>();
        foreach (var (item, index) in palette.Items.Select((item, index) => (item, index)))
        {
            if (MappingReader.HexColorOf(item, $"colour {index + 1} of the theme's palette", theme.Diagnostics) is { } color)
            {
                colors.Add(color);
            }
        }

        return colors;
    }

    /// <summary>A typeface: a shipped family's name, or <c>{ family: …, files: [fonts/….woff2, …] }</c>.</summary>
    private static ThemeFont? Font(MappingReader fonts, string key)
    {
        var node = fonts.Node(key);
        if (node is YamlScalar { IsNull: false } name)
        {
            return new ThemeFont(Family(name.Value.Trim(), name.Span, fonts.Diagnostics), [], name.Span);
        }

        if (fonts.Mapping(key) is not { } font)
        {
            return null;
        }

        font.Subject = $"the theme's {key} font";
        var family = font.RequiredText("family");
        var familySpan = font.Node("family")?.Span ?? font.Span;
        var files = font.TextList("files");
        var licence = font.OptionalText("licence");
        font.Finish();
        return family.Length == 0 ? null : new ThemeFont(Family(family, familySpan, fonts.Diagnostics), files, font.Span) { Licence = licence };
    }

    /// <summary>A family name the stylesheets can quote: letters, digits, spaces and hyphens.</summary>
    private static Located<string> Family(string name, SourceSpan span, DiagnosticBag diagnostics)
    {
        if (!FamilyPattern().IsMatch(name))
        {
            diagnostics.Add(PlanDiagnostics.InvalidValue.Create(
                span, $"'{name}' is not a typeface's family name pstm can use", "a family name holds letters, digits, spaces and hyphens, such as Source Sans 3"));
        }

        return new Located<string>(name, span);
    }

    private static Located<T>? Named<T>(MappingReader theme, string key, IReadOnlyDictionary<string, T> names, string what, string choices)
        where T : struct
    {
        if (theme.OptionalText(key) is not { } text)
        {
            return null;
        }

        var span = theme.Node(key)?.Span ?? theme.Span;
        if (names.TryGetValue(text, out var value))
        {
            return new Located<T>(value, span);
        }

        var suggestion = DidYouMean.Suggest(text, names.Keys);
        theme.Diagnostics.Add(PlanDiagnostics.InvalidValue.Create(
            span, $"'{text}' is not {what} pstm knows" + (suggestion is null ? "" : $". Did you mean '{suggestion}'?"), $"'{key}' is {choices}"));
        return null;
    }

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N} \-]{0,62}\z")]
    private static partial Regex FamilyPattern();
}
