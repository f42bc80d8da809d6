using Pstm.Diagnostics;
using Pstm.Plan.Images;
using Pstm.Plan.Model;

namespace Pstm.Plan.Tests;

/// <summary><c>theme:</c>: the entity's identity read with every value's place, its files and colours checked where they are written.</summary>
public class ThemeTests
{
    private const string Head = "id: p\ntitle: Piano\nentity: Ente\nperiod: { from: 2025, to: 2027 }\nlanguage: it\n";

    // A 1×1 transparent PNG.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private const string Svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\" fill=\"#fff\"/></svg>";

    private static PlanCheck Check(string planYaml, Action<string>? files = null)
    {
        using var folder = new TemporaryFolder("pstm-theme-");
        var plan = Path.Combine(folder.Path, "plan");
        Directory.CreateDirectory(Path.Combine(plan, "images"));
        File.WriteAllBytes(Path.Combine(plan, "images", "logo.png"), Png);
        File.WriteAllText(Path.Combine(plan, "images", "logo-white.svg"), Svg);
        File.WriteAllText(Path.Combine(plan, "plan.yaml"), planYaml);
        files?.Invoke(plan);
        return PlanCheck.Run(plan, folder.Path);
    }

    private static Diagnostic Single(PlanCheck check, string code) =>
        Assert.Single(check.Diagnostics, d => d.Code == code);

    [Fact]
    public void Every_part_is_read_with_its_place_and_its_files_are_read_and_checked()
    {
        var check = Check(Head + """
            theme:
              logo: { file: images/logo.png, alt: Logo dell'Ente }
              logo_on_dark: images/logo-white.svg
              cover_image: { file: images/logo.png, decorative: true }
              colors: { primary: "#0d5c63", accent: "#f2a900" }
              palette: ["#0d5c63", "#8a3b12", "#2e5e1e"]
              fonts: { text: Titillium Web, mono: { family: Roboto Mono } }
              page_size: A5
              slides: "4:3"
              contacts: { email: ente@example.org, website: https://www.example.org }
            """);

        Assert.DoesNotContain(check.Diagnostics, d => d.Severity is Severity.Error or Severity.Warning);
        var theme = check.Plan!.Theme!;
        Assert.Equal(("images/logo.png", "Logo dell'Ente", 7), (theme.Logo!.File.Value, theme.Logo.Alt, theme.Logo.File.Span.StartLine));
        Assert.True(theme.CoverImage!.Decorative);
        Assert.Equal("#0d5c63", theme.Primary!.Value.Value.ToString());
        Assert.Equal((10, 41), (theme.Accent!.Value.Span.StartLine, theme.Accent.Value.Span.StartColumn));
        Assert.Equal(["#0d5c63", "#8a3b12", "#2e5e1e"], theme.Palette.Select(c => c.Value.ToString()));
        Assert.Equal((PageSize.A5, DeckAspect.Standard), (theme.PageSize!.Value.Value, theme.DeckAspect!.Value.Value));
        Assert.Equal("ente@example.org", theme.Contacts!.Email!.Value.Value);
        Assert.Equal(3, MissionPalette.SizeOf(check.Plan));

        var assets = check.Plan.ThemeAssets;
        Assert.Equal(ImageFormat.Png, assets.Logo!.Format);
        Assert.Equal(ImageFormat.Svg, assets.LogoOnDark!.Format);
        Assert.Equal(2, assets.Files.Select(f => f.FullPath).Distinct().Count());
    }

    [Fact]
    public void A_plan_without_a_theme_has_none_and_the_shipped_palette()
    {
        var check = Check(Head);

        Assert.Null(check.Plan!.Theme);
        Assert.Same(ThemeAssets.None, check.Plan.ThemeAssets);
        Assert.Equal(MissionPalette.Size, MissionPalette.SizeOf(check.Plan));
    }

    [Theory]
    [InlineData("colors: { primary: \"#8fbce6\" }", 2, 22, "white text on the primary colour")]
    [InlineData("colors: { accent: \"#203040\" }", 2, 21, "dark text")]
    [InlineData("palette: [\"#0b5cad\", \"#ffcc00\"]", 2, 24, "colour 2 of the palette")]
    public void A_colour_text_cannot_be_read_on_is_an_error_where_it_is_written(string themeLine, int line, int column, string says)
    {
        var check = Check(Head + "theme:\n  " + themeLine + "\n");

        var contrast = Single(check, "PSTM0432");
        Assert.Equal((5 + line, column), (contrast.Span.StartLine, contrast.Span.StartColumn));
        Assert.Contains(says, contrast.Message, StringComparison.Ordinal);
        Assert.Contains("below the 4.5:1", contrast.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_palette_colours_too_alike_are_warned_about_at_the_second()
    {
        var check = Check(Head + "theme:\n  palette: [\"#0b5cad\", \"#1e6b35\", \"#0c5eb0\"]\n");

        var alike = Single(check, "PSTM0433");
        Assert.Equal(Severity.Warning, alike.Severity);
        Assert.Equal((7, 35), (alike.Span.StartLine, alike.Span.StartColumn));
        Assert.Contains("colour 3 of the palette (#0c5eb0) is too like colour 1 (#0b5cad", alike.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("notes.txt", "PSTM0018")]
    [InlineData("big.png", "PSTM0019")]
    [InlineData("../outside.png", "PSTM0017")]
    [InlineData("images/missing.png", "PSTM0016")]
    [InlineData("https://www.example.org/logo.png", "PSTM0017")]
    public void A_logo_that_is_not_an_image_of_the_plan_folder_is_an_error_at_its_path(string file, string code)
    {
        var check = Check(Head + $"theme:\n  logo: {{ file: \"{file}\", alt: Ente }}\n", plan =>
        {
            File.WriteAllText(Path.Combine(plan, "notes.txt"), "not a picture");
            File.WriteAllBytes(Path.Combine(plan, "big.png"), [.. Png, .. new byte[6 * 1024 * 1024]]);
            File.WriteAllBytes(Path.Combine(plan, "..", "outside.png"), Png);
        });

        var problem = Single(check, code);
        Assert.Equal((7, 17), (problem.Span.StartLine, problem.Span.StartColumn));
        Assert.Null(check.Plan!.ThemeAssets.Logo);
    }

    [Fact]
    public void A_logo_is_svg_or_png()
    {
        var check = Check(Head + "theme:\n  logo: { file: images/photo.jpg }\n", plan =>
            File.WriteAllBytes(Path.Combine(plan, "images", "photo.jpg"), [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]));

        Assert.Contains("a logo is SVG or PNG", Single(check, "PSTM0305").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cover_image: images/logo.png")]
    [InlineData("cover_image: { file: images/logo.png }")]
    [InlineData("cover_image: { file: images/logo.png, alt: Il lago, decorative: true }")]
    public void A_cover_picture_says_what_it_shows_or_that_it_is_decorative(string themeLine)
    {
        var check = Check(Head + "theme:\n  " + themeLine + "\n");

        Assert.Equal(7, Single(check, "PSTM0430").Span.StartLine);
    }

    [Fact]
    public void The_theme_may_be_in_an_included_file_but_only_once()
    {
        const string theme = "theme:\n  colors: { primary: \"#0d5c63\" }\n";
        var once = Check(Head + "include: [theme.yaml]\n", plan => File.WriteAllText(Path.Combine(plan, "theme.yaml"), theme));
        var twice = Check(Head + "include: [theme.yaml]\n" + theme, plan => File.WriteAllText(Path.Combine(plan, "theme.yaml"), theme));

        Assert.DoesNotContain(once.Diagnostics, d => d.IsError);
        Assert.Equal("#0d5c63", once.Plan!.Theme!.Primary!.Value.Value.ToString());
        var again = Single(twice, "PSTM0431");
        Assert.EndsWith("theme.yaml", again.Span.File, StringComparison.Ordinal);
        Assert.Contains("plan.yaml(8,3)", again.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fonts: { text: Comic Sans }", "PSTM0434", 2, 18)]
    [InlineData("fonts: { text: \"Evil'; }\" }", "PSTM0305", 2, 18)]
    [InlineData("page_size: A3", "PSTM0305", 2, 14)]
    [InlineData("slides: \"16/9\"", "PSTM0305", 2, 11)]
    [InlineData("logo: { file: images/logo.png, size: 3 }", "PSTM0301", 2, 34)]
    public void A_wrong_value_is_an_error_where_it_is_written(string themeLine, string code, int line, int column)
    {
        var check = Check(Head + "theme:\n  " + themeLine + "\n");

        var problem = Single(check, code);
        Assert.Equal((5 + line, column), (problem.Span.StartLine, problem.Span.StartColumn));
    }

    [Fact]
    public void The_pictures_alternative_texts_are_translated_with_the_plan()
    {
        using var folder = new TemporaryFolder("pstm-theme-");
        Directory.CreateDirectory(Path.Combine(folder.Path, "images"));
        File.WriteAllBytes(Path.Combine(folder.Path, "images", "logo.png"), Png);
        File.WriteAllText(Path.Combine(folder.Path, "plan.yaml"), Head + "locales: [it, en]\ntheme:\n  logo: { file: images/logo.png, alt: Logo dell'Ente }\n  cover_image: { file: images/logo.png, alt: Il lago all'alba }\n");
        Directory.CreateDirectory(Path.Combine(folder.Path, "translations"));
        File.WriteAllText(Path.Combine(folder.Path, "translations", "en.yaml"), "language: en\nentries:\n  theme.logo.alt:\n    text: The Authority's logo\n");

        var check = PlanCheck.WithEditions(folder.Path, ["en"], strict: false, displayRoot: folder.Path);

        var english = Assert.Single(check.Editions).Plan.Theme!;
        Assert.Equal("The Authority's logo", english.Logo!.Alt);
        Assert.Equal("Il lago all'alba", english.CoverImage!.Alt);
        Assert.Contains(check.Diagnostics, d => d.Code == "PSTM0801" && d.Message.Contains("theme.cover_image.alt", StringComparison.Ordinal));
        Assert.Equal(ImageFormat.Png, check.Editions[0].Plan.ThemeAssets.Logo!.Format);
    }

    [Fact]
    public void A_templates_folder_the_plan_names_must_exist()
    {
        var check = Check(Head + "templates: [theme, ../missing]\n", plan => Directory.CreateDirectory(Path.Combine(plan, "theme")));

        var missing = Single(check, "PSTM0419");
        Assert.Equal((6, 20), (missing.Span.StartLine, missing.Span.StartColumn));
        Assert.Equal(["theme", "../missing"], check.Plan!.Templates.Select(t => t.Value));
    }
}
