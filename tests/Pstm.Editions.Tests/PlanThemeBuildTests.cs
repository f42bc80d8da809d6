using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Pstm.Editions.Tests;

/// <summary>
/// An entity's identity given through the plan only (issue 18): the shipped plan with the test theme of
/// tests/Fixtures/Themes/lago (PNG logo, white SVG logo for the dark bands, colours, palette, Source
/// Serif 4 from the plan folder, A5 pages, a 4:3 deck) included from its plan.yaml, no template touched.
/// </summary>
public sealed class PlanThemeBuildTests(PlanThemeBuildTests.Build build) : IClassFixture<PlanThemeBuildTests.Build>
{
    [Fact]
    public void The_booklet_is_printed_on_a5_pages()
    {
        using var pdf = PdfDocument.Open(build.BookletPdf);

        Assert.All(pdf.GetPages(), page => Assert.Equal((420, 595), ((int)Math.Round(page.Width), (int)Math.Round(page.Height))));
    }

    [Fact]
    public void The_pdf_holds_the_logo_on_the_colophon_and_names_it()
    {
        using var pdf = PdfDocument.Open(build.BookletPdf);
        // The PNG logo (720×240) is drawn as an image, on the colophon; the dark bands draw the SVG logo as shapes.
        var colophon = Assert.Single(pdf.GetPages(), p => p.GetImages().Any());
        Assert.Contains("ColophonEnte", colophon.Text, StringComparison.Ordinal);
        Assert.Contains(colophon.GetImages(), image => (image.WidthInSamples, image.HeightInSamples) == (720, 240));
        var html = File.ReadAllText(build.BookletHtml);
        Assert.Contains("<img class=\"colophon-logo\" src=\"assets/images/", html, StringComparison.Ordinal);
        Assert.Contains("alt=\"Rete dei Comuni del Lago\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_browser_drew_the_text_in_the_themes_colour_and_typeface()
    {
        using var pdf = PdfDocument.Open(build.BookletPdf);
        var letters = pdf.GetPages().SelectMany(p => p.Letters).ToList();
        static (int, int, int) Rgb(Letter letter) => letter.Color.ToRGBValues() is var (r, g, b) ? (Byte(r), Byte(g), Byte(b)) : default;

        // Headings are in the primary colour, the shipped accent is nowhere.
        Assert.Contains(letters, l => Rgb(l) == (0x0d, 0x5c, 0x63));
        Assert.DoesNotContain(letters, l => Rgb(l) == (0x0b, 0x4f, 0x8a));

        // The text face is the plan's, embedded; the shipped text face is not used.
        Assert.Contains(letters, l => (l.FontName ?? "").Contains("SourceSerif4", StringComparison.Ordinal));
        Assert.DoesNotContain(letters, l => (l.FontName ?? "").Contains("Titillium", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_theme_files_are_copied_beside_the_booklet_and_inlined_in_the_deck()
    {
        var assets = Path.Combine(Path.GetDirectoryName(build.BookletHtml)!, "assets");
        var html = File.ReadAllText(build.BookletHtml);
        var deck = File.ReadAllText(build.DeckHtml);

        Assert.Contains("--accent: #0d5c63", html, StringComparison.Ordinal);
        Assert.Contains("@page { size: A5 portrait;", html, StringComparison.Ordinal);
        foreach (var font in new[] { "400-normal", "700-normal" })
        {
            var bytes = File.ReadAllBytes(Path.Combine(build.Plan, "fonts", $"source-serif-4-latin-{font}.woff2"));
            Assert.Contains(Directory.GetFiles(Path.Combine(assets, "fonts")), f => File.ReadAllBytes(f).AsSpan().SequenceEqual(bytes));
            Assert.Contains(Convert.ToBase64String(bytes), deck, StringComparison.Ordinal);
        }

        Assert.Contains("--slide-width: 960px", deck, StringComparison.Ordinal);
        Assert.Contains("data:image/svg+xml;base64," + Convert.ToBase64String(File.ReadAllBytes(Path.Combine(build.Plan, "identity", "logo-white.svg"))), deck, StringComparison.Ordinal);
        Assert.DoesNotContain("fonts/source-serif", deck, StringComparison.Ordinal);
    }

    [Fact]
    public void The_deck_is_printed_4_by_3_and_the_build_reports_no_problem_of_the_theme()
    {
        using var pdf = PdfDocument.Open(build.DeckPdf);

        Assert.All(pdf.GetPages(), page => Assert.Equal((720, 540), ((int)Math.Round(page.Width), (int)Math.Round(page.Height))));
        Assert.DoesNotContain(build.Result.Diagnostics, d => d.IsError || d.Code is "PSTM0511" or "PSTM0625" or "PSTM0626" || d.Code.StartsWith("PSTM043", StringComparison.Ordinal));
    }

    private static int Byte(double component) => (int)Math.Round(component * 255);

    public sealed class Build : IAsyncLifetime, IDisposable
    {
        private readonly TemporaryPlan _plan = TemporaryPlan.Shipped()
            .Add(Path.Combine(BuiltBooklet.RepositoryRoot, "tests", "Fixtures", "Themes", "lago"))
            .Edit("plan.yaml", "  - drivers.yaml\n", "  - drivers.yaml\n  - theme.yaml\n");

        private readonly TemporaryFolder _output = new("pstm-plan-theme-");

        public string Plan => _plan.Path;

        public BuildResult Result { get; private set; } = null!;

        public string BookletPdf => Path.Combine(_output.Path, "it", "booklet.pdf");

        public string BookletHtml => Path.Combine(_output.Path, "it", "booklet.html");

        public string DeckPdf => Path.Combine(_output.Path, "it", "slides.pdf");

        public string DeckHtml => Path.Combine(_output.Path, "it", "slides.html");

        public async Task InitializeAsync()
        {
            Result = await EditionBuilder.BuildAsync(
                BuiltBooklet.Request(_output.Path, Plan) with { Targets = [BuildTarget.Booklet, BuildTarget.Slides] }, CancellationToken.None);
            Assert.True(Result.Succeeded, string.Join("\n", Result.Diagnostics.Where(d => d.IsError).Select(d => $"{d.Span} {d.Code} {d.Message}")));
        }

        // xunit disposes the fixture through IDisposable: the folders are deleted there, once.
        public Task DisposeAsync() => Task.CompletedTask;

        public void Dispose()
        {
            _plan.Dispose();
            _output.Dispose();
        }
    }
}
