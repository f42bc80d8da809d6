using Pstm.Diagnostics;
using Pstm.Plan;
using Pstm.Rendering.Booklet;
using Pstm.Rendering.Slides;
using Pstm.Rendering.Templates;

namespace Pstm.Rendering.Tests;

/// <summary>
/// The files a layer's stylesheets and templates refer to (images, fonts, stylesheets): found through
/// the layers, copied beside the booklet where the stylesheets' addresses point, inlined in the deck
/// as data: URLs; an address of no file of the templates is an error at the address.
/// </summary>
public sealed class TemplateAssetsTests : IDisposable
{
    private const string Band = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"8\" height=\"2\"><rect width=\"8\" height=\"2\" fill=\"#7a1f3d\"/></svg>";
    private static readonly Lazy<PlanCheck> ShippedPlan = new(() => PlanCheck.Run(TestPaths.Plan, TestPaths.RepositoryRoot));
    private static readonly BookletOptions Italian = new("it", new DateOnly(2025, 6, 30), "pstm test");

    // The layer is shown as my-theme/ (its diagnostics' files are relative to the temporary folder).
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Layer => Path.Combine(_folder.Path, "my-theme");

    private string Write(string relative, string text)
    {
        var path = Path.Combine(Layer, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private TemplateFolder Templates()
    {
        var diagnostics = new DiagnosticBag();
        var templates = TemplateFolder.OpenLayers([Layer, TestPaths.Templates], _folder.Path, diagnostics);
        Assert.Empty(diagnostics.ToSortedList());
        return templates!;
    }

    private (RenderedBooklet? Booklet, IReadOnlyList<Diagnostic> Diagnostics) Booklet()
    {
        var diagnostics = new DiagnosticBag();
        var booklet = BookletRenderer.Render(ShippedPlan.Value.Plan!, ShippedPlan.Value.Coverage!, Templates(), Italian, diagnostics);
        return (booklet, diagnostics.ToSortedList());
    }

    private (string? Deck, IReadOnlyList<Diagnostic> Diagnostics) Deck()
    {
        var diagnostics = new DiagnosticBag();
        var deck = SlidesRenderer.Render(ShippedPlan.Value.Plan!, ShippedPlan.Value.Coverage!, Templates(), Italian, diagnostics);
        return (deck, diagnostics.ToSortedList());
    }

    private static string DataUrl(string mediaType, string text) =>
        $"data:{mediaType};base64,{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text))}";

    [Fact]
    public void What_a_layers_theme_imports_and_refers_to_is_copied_beside_the_booklet_where_its_addresses_point()
    {
        Write("theme.css", "@import url(more.css);\n.cover { background: url(\"images/band.svg\") no-repeat; }\n");
        Write("more.css", "@import 'fonts/fonts.css';\n.colophon { border-image: url(images/band.svg#middle) 1; }\n");
        Write("booklet/booklet.css", ".back-cover { background: url(../images/band.svg), url(corner.svg); }\n");
        Write("booklet/corner.svg", Band);
        var band = Write("images/band.svg", Band);

        var (booklet, diagnostics) = Booklet();

        NoErrors(diagnostics);
        Assert.Equal(band, booklet!.Assets["assets/images/band.svg"]);
        Assert.Equal(Path.Combine(Layer, "more.css"), booklet.Assets["assets/more.css"]);
        Assert.Equal(Path.Combine(Layer, "booklet", "corner.svg"), booklet.Assets["assets/booklet/corner.svg"]);
        Assert.Equal(Path.Combine(Layer, "booklet", "booklet.css"), booklet.Assets["assets/booklet/booklet.css"]);

        // The shipped fonts, imported by the layer's more.css, as its copy's address finds them.
        Assert.Equal(Path.Combine(TestPaths.Templates, "fonts", "fonts.css"), booklet.Assets["assets/fonts/fonts.css"]);
        Assert.Contains("assets/fonts/titillium-web-latin-400-normal.woff2", booklet.Assets.Keys);
        Assert.Contains("<link rel=\"stylesheet\" href=\"assets/booklet/booklet.css\">", booklet.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_deck_inlines_what_a_layers_theme_imports_and_refers_to_as_data_urls()
    {
        Write("theme.css", "@import url(more.css);\n.cover { background: url(\"images/band.svg\") no-repeat; }\n");
        Write("more.css", ".from-more { border-image: url(images/band.svg#middle) 1; }\n");
        Write("images/band.svg", Band);

        var (deck, diagnostics) = Deck();

        NoErrors(diagnostics);
        Assert.Contains($".cover {{ background: url({DataUrl("image/svg+xml", Band)}) no-repeat; }}", deck, StringComparison.Ordinal);
        Assert.Contains($"url({DataUrl("image/svg+xml", Band)}#middle)", deck, StringComparison.Ordinal);
        Assert.DoesNotContain("band.svg", deck, StringComparison.Ordinal);
        Assert.DoesNotContain("more.css", deck, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", deck, StringComparison.Ordinal);

        // The imported rules first, as the import stood first.
        Assert.True(deck!.IndexOf(".from-more", StringComparison.Ordinal) < deck.IndexOf(".cover {", StringComparison.Ordinal));
    }

    [Fact]
    public void Stylesheets_that_import_each_other_are_inlined_once_and_copied_once()
    {
        Write("theme.css", "@import \"more.css\";\n.theme { color: red; }\n");
        Write("more.css", "@import url('theme.css');\n.more { color: blue; }\n");

        var (deck, deckDiagnostics) = Deck();
        var (booklet, bookletDiagnostics) = Booklet();

        NoErrors(deckDiagnostics.Concat(bookletDiagnostics));
        Assert.Equal(1, Count(deck!, ".theme { color: red; }"));
        Assert.Equal(1, Count(deck!, ".more { color: blue; }"));
        Assert.DoesNotContain("@import", deck, StringComparison.Ordinal);
        Assert.Contains("assets/more.css", booklet!.Assets.Keys);
    }

    [Fact]
    public void Stylesheets_whose_urls_lead_back_to_each_other_end_in_an_empty_one_in_the_deck()
    {
        Write("theme.css", ".theme { background: url(other.css); }\n");
        Write("other.css", ".other { background: url(theme.css); }");

        var (deck, diagnostics) = Deck();

        NoErrors(diagnostics);
        var inner = DataUrl("text/css", ".theme { background: url(data:text/css;base64,); }\n");
        Assert.Contains($".theme {{ background: url({DataUrl("text/css", $".other {{ background: url({inner}); }}")}); }}", deck, StringComparison.Ordinal);
    }

    [Fact]
    public void An_import_with_conditions_keeps_them_in_the_deck()
    {
        Write("theme.css", "@import url(print.css) print;\n@import \"wide.css\" layer(base) supports(display: grid) (min-width: 80em);\n");
        Write("print.css", ".only-print { color: black; }");
        Write("wide.css", ".only-wide { color: black; }");

        var (deck, diagnostics) = Deck();

        NoErrors(diagnostics);
        Assert.Contains("@media print {\n.only-print { color: black; }\n}\n", deck, StringComparison.Ordinal);
        Assert.Contains("@layer base {\n@supports (display: grid) {\n@media (min-width: 80em) {\n.only-wide { color: black; }\n}\n}\n}\n", deck, StringComparison.Ordinal);
    }

    [Fact]
    public void A_referenced_file_no_layer_has_is_an_error_at_the_address_naming_the_layer()
    {
        Write("theme.css", "/* the layer's theme */\n.band { background: url(images/missing.svg); }\n");

        var (booklet, bookletDiagnostics) = Booklet();
        var (deck, deckDiagnostics) = Deck();

        Assert.Null(booklet);
        Assert.Null(deck);
        foreach (var error in new[] { Assert.Single(bookletDiagnostics), Assert.Single(deckDiagnostics) })
        {
            Assert.Equal(("PSTM0520", "my-theme/theme.css", 2, 25, 2, 25 + "images/missing.svg".Length), (error.Code, error.Span.File, error.Span.StartLine, error.Span.StartColumn, error.Span.EndLine, error.Span.EndColumn));
            Assert.Contains("of the layer my-theme", error.Message, StringComparison.Ordinal);
            Assert.Contains("'images/missing.svg'", error.Message, StringComparison.Ordinal);
            Assert.Contains("put the file at images/missing.svg in the layer my-theme", error.Hint, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_file_an_import_names_that_no_layer_has_is_an_error_at_the_import()
    {
        Write("theme.css", ".a { }\n  @import \"extra.css\";\n");

        var error = Assert.Single(Deck().Diagnostics);

        Assert.Equal(("PSTM0520", "my-theme/theme.css", 2, 12), (error.Code, error.Span.File, error.Span.StartLine, error.Span.StartColumn));
        Assert.StartsWith("the @import 'extra.css'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../outside.png", "climbs above the templates' root")]
    [InlineData("fonts/../../outside.png", "climbs above the templates' root")]
    [InlineData("https://example.org/band.svg", "network address (https:)")]
    [InlineData("http://example.org/band.svg", "network address (http:)")]
    [InlineData("//cdn.example.org/font.woff2", "network address")]
    [InlineData("file:///etc/passwd", "file: address")]
    [InlineData("/etc/passwd", "absolute path")]
    [InlineData("C:/Windows/win.ini", "absolute path")]
    public void An_address_leading_outside_the_templates_is_an_error_at_the_address(string address, string why)
    {
        Write("theme.css", $".band {{\n  background: url('{address}');\n}}\n");

        var (booklet, bookletDiagnostics) = Booklet();
        var (deck, deckDiagnostics) = Deck();

        Assert.Null(booklet);
        Assert.Null(deck);
        foreach (var error in new[] { Assert.Single(bookletDiagnostics), Assert.Single(deckDiagnostics) })
        {
            Assert.Equal(("PSTM0521", "my-theme/theme.css", 2, 20), (error.Code, error.Span.File, error.Span.StartLine, error.Span.StartColumn));
            Assert.Contains($"the url '{address}' in my-theme/theme.css (of the layer my-theme", error.Message, StringComparison.Ordinal);
            Assert.Contains(why, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_symbolic_link_to_a_file_outside_is_no_file_of_the_templates()
    {
        Write("theme.css", ".band { background: url(images/band.svg); }\n");
        Directory.CreateDirectory(Path.Combine(Layer, "images"));
        var outside = Path.Combine(_folder.Path, "outside.svg");
        File.WriteAllText(outside, Band);
        File.CreateSymbolicLink(Path.Combine(Layer, "images", "band.svg"), outside);

        var error = Assert.Single(Deck().Diagnostics);

        Assert.Equal("PSTM0521", error.Code);
    }

    [Fact]
    public void Data_urls_fragments_and_urls_in_comments_or_strings_are_left_as_written()
    {
        var css = ".a { background: url(data:image/gif;base64,R0lGODlhAQABAAAAACw=); filter: url(#shadow); }\n"
            + "/* url(images/commented.svg) */ .b::after { content: \"url(images/quoted.svg)\"; }\n";
        Write("theme.css", css);

        var (deck, diagnostics) = Deck();
        var (booklet, bookletDiagnostics) = Booklet();

        NoErrors(diagnostics.Concat(bookletDiagnostics));
        Assert.Contains(css, deck, StringComparison.Ordinal);
        Assert.Equal(["assets/theme.css"], booklet!.Assets.Keys.Where(k => k.EndsWith("theme.css", StringComparison.Ordinal) || k.EndsWith(".svg", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_partial_names_a_template_file_with_asset_copied_beside_the_booklet_and_inlined_in_the_deck()
    {
        var band = Write("images/band.svg", Band);
        Write("booklet/colophon.sbn-html", "<section class=\"colophon\" id=\"colophon\"><img src=\"{{ asset 'images/band.svg' }}\" alt=\"\"></section>");
        Write("slides/slide-closing.sbn-html", "<div class=\"slide-inner\"><h2 id=\"{{ slide.anchor }}-title\">{{ slide.title }}</h2><img src=\"{{ asset 'images/band.svg' }}\" alt=\"\"></div>");

        var (booklet, bookletDiagnostics) = Booklet();
        var (deck, deckDiagnostics) = Deck();

        NoErrors(bookletDiagnostics.Concat(deckDiagnostics));
        Assert.Contains("<img src=\"assets/images/band.svg\" alt=\"\">", booklet!.Html, StringComparison.Ordinal);
        Assert.Equal(band, booklet.Assets["assets/images/band.svg"]);
        Assert.Contains($"<img src=\"{DataUrl("image/svg+xml", Band)}\" alt=\"\">", deck, StringComparison.Ordinal);
        Assert.DoesNotContain("band.svg", deck, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stylesheet_a_template_names_with_asset_is_copied_with_what_it_refers_to()
    {
        Write("booklet/extra.css", ".x { background: url(../images/band.svg); }");
        Write("images/band.svg", Band);
        Write("booklet/colophon.sbn-html", "<section class=\"colophon\" id=\"colophon\"><link rel=\"stylesheet\" href=\"{{ asset 'booklet/extra.css' }}\"></section>");

        var (booklet, diagnostics) = Booklet();

        NoErrors(diagnostics);
        Assert.Contains("assets/booklet/extra.css", booklet!.Assets.Keys);
        Assert.Contains("assets/images/band.svg", booklet.Assets.Keys);
    }

    [Theory]
    [InlineData("images/missing.svg", "PSTM0520")]
    [InlineData("../outside.svg", "PSTM0521")]
    [InlineData("https://example.org/logo.svg", "PSTM0521")]
    public void An_asset_that_is_no_file_of_the_templates_is_an_error_at_the_template(string path, string code)
    {
        Write("booklet/colophon.sbn-html", $"<section class=\"colophon\" id=\"colophon\">\n  <img src=\"{{{{ asset '{path}' }}}}\" alt=\"\"></section>");

        var (booklet, diagnostics) = Booklet();

        Assert.Null(booklet);
        var error = Assert.Single(diagnostics);
        Assert.Equal((code, "my-theme/booklet/colophon.sbn-html", 2, 16), (error.Code, error.Span.File, error.Span.StartLine, error.Span.StartColumn));
        Assert.Contains($"the asset '{path}' in my-theme/booklet/colophon.sbn-html (of the layer my-theme", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("images/")]
    [InlineData("#top")]
    [InlineData("data:image/gif;base64,R0lGODlhAQABAAAAACw=")]
    public void An_asset_that_names_no_file_is_an_error_at_the_template(string path)
    {
        Directory.CreateDirectory(Path.Combine(Layer, "images"));
        Write("booklet/colophon.sbn-html", $"<img src=\"{{{{ asset '{path}' }}}}\" alt=\"\">");

        var (booklet, diagnostics) = Booklet();

        Assert.Null(booklet);
        var error = Assert.Single(diagnostics);
        Assert.Equal(("PSTM0520", "my-theme/booklet/colophon.sbn-html", 1, 14), (error.Code, error.Span.File, error.Span.StartLine, error.Span.StartColumn));
        Assert.Contains("names no file of the templates", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_asset_that_is_no_file_stops_the_template()
    {
        Write("booklet/colophon.sbn-html", "{{ for i in 1..3 }}<img src=\"{{ asset 'images/missing' + i + '.svg' }}\" alt=\"\">{{ end }}");

        var (booklet, diagnostics) = Booklet();

        Assert.Null(booklet);
        Assert.Contains("'images/missing1.svg'", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_stylesheet_function_inlines_a_stylesheet_and_fails_at_the_template_for_a_missing_one()
    {
        Write("slides/identity.css", "@import 'more.css';\n.closing { background: url(../images/band.svg); }");
        Write("slides/more.css", ".more { color: red; }");
        Write("images/band.svg", Band);

        var (deck, diagnostics) = Deck();

        NoErrors(diagnostics);
        Assert.Contains($".more {{ color: red; }}\n\n.closing {{ background: url({DataUrl("image/svg+xml", Band)}); }}", deck, StringComparison.Ordinal);

        Write("slides/layout.sbn-html", "<style>\n{{ stylesheet 'slides/none.css' }}</style>");
        var error = Assert.Single(Deck().Diagnostics);
        Assert.Equal(("PSTM0520", "my-theme/slides/layout.sbn-html", 2, 4), (error.Code, error.Span.File, error.Span.StartLine, error.Span.StartColumn));
    }

    [Fact]
    public void A_missing_file_that_a_stylesheet_named_by_asset_refers_to_is_an_error_in_that_stylesheet()
    {
        Write("booklet/extra.css", "\n.x { background: url(gone.png); }");
        Write("booklet/colophon.sbn-html", "<link rel=\"stylesheet\" href=\"{{ asset 'booklet/extra.css' }}\">");

        var (booklet, diagnostics) = Booklet();

        Assert.Null(booklet);
        var error = Assert.Single(diagnostics, d => d.IsError);
        Assert.Equal(("PSTM0520", "my-theme/booklet/extra.css", 2, 22), (error.Code, error.Span.File, error.Span.StartLine, error.Span.StartColumn));
    }

    private static void NoErrors(IEnumerable<Diagnostic> diagnostics) =>
        Assert.Equal("", string.Join("\n", diagnostics.Where(d => d.IsError).Select(d => $"{d.Span} {d.Code} {d.Message}")));

    private static int Count(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
