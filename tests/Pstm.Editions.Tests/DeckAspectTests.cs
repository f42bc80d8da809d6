using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pstm.Diagnostics;
using Pstm.Editions.Tests.Plans;
using Pstm.Pdf;
using Pstm.Plan;
using PuppeteerSharp;
using UglyToad.PdfPig;

namespace Pstm.Editions.Tests;

/// <summary>
/// A 4:3 deck (issue 18): a plan's theme: { slides: "4:3" } sets --slide-width and --slide-height after
/// slides.css, with its own @page. The shipped plan built so prints 720×540 pt pages (960×720
/// px) at the deck's text size, fits every slide, keeps every objective, and shows a 4:3 canvas on
/// screen and in the presenter's preview; a text longer than a slide is cut into more slides than at 16:9.
/// </summary>
public sealed partial class DeckAspectTests(DeckAspectTests.Builds builds) : IClassFixture<DeckAspectTests.Builds>
{
    /// <summary>What a plan.yaml says for a 4:3 deck.</summary>
    public const string FourThreeTheme = "\ntheme:\n  slides: \"4:3\"\n";

    // The deck's least text, 24px (--deck-min-text), is 18 pt in print unless the page shrinks the slide.
    private const double LeastPoints = 18 * 0.98;

    private static readonly string[] LayoutCodes = ["PSTM0625", "PSTM0626"];

    [Fact]
    public void The_pdf_has_one_page_of_720_by_540_points_per_slide_with_text_at_the_decks_size()
    {
        using var pdf = PdfDocument.Open(builds.Shipped.PdfPath);

        Assert.Equal(File.ReadAllText(builds.Shipped.HtmlPath).Split("<section class=\"slide ").Length - 1, pdf.NumberOfPages);
        Assert.All(pdf.GetPages(), page => Assert.Equal((720.0, 540.0), (Math.Round(page.Width, 1), Math.Round(page.Height, 1))));
        // A slide wider than its page would be printed shrunk to fit it: its text smaller than the deck's least.
        var least = pdf.GetPages().SelectMany(p => p.Letters).Where(l => !string.IsNullOrWhiteSpace(l.Value)).Min(l => l.PointSize);
        Assert.True(least >= LeastPoints, $"the smallest letter is {least:0.0} pt");
    }

    [Fact]
    public void Every_slide_fits_the_build_reports_no_clipping()
    {
        Assert.Empty(builds.Shipped.Result.Diagnostics.Where(d => LayoutCodes.Contains(d.Code)).Select(d => $"{d.Code} {d.Message}"));
    }

    [Fact]
    public void Every_objective_of_the_plan_is_in_the_deck_html_and_pdf()
    {
        var plan = PlanCheck.Run(Builds.PlanFolder, Builds.PlanFolder).Plan!;
        using var pdf = PdfDocument.Open(builds.Shipped.PdfPath);
        var printed = Unmarked(string.Join("\n", pdf.GetPages().Select(p => p.Text)));
        var shown = Unmarked(Tag().Replace(File.ReadAllText(builds.Shipped.HtmlPath).Split("<main", 2)[1], " "));

        Assert.NotEmpty(plan.Objectives);
        Assert.Empty(plan.Objectives.Where(o => !shown.Contains(ReaderText.Normalize(o.Text), StringComparison.Ordinal)).Select(o => $"slides.html lacks {o.Id.Value}"));
        Assert.Empty(plan.Objectives.Where(o => !printed.Contains(ReaderText.Normalize(o.Text), StringComparison.Ordinal)).Select(o => $"slides.pdf lacks {o.Id.Value}"));
    }

    [Theory]
    [InlineData(1024, 768)]
    [InlineData(1280, 720)]
    [InlineData(1920, 1080)]
    public async Task On_screen_the_canvas_is_4_by_3_as_large_as_the_window_allows_and_no_slide_overflows_or_is_covered(int width, int height)
    {
        var page = await builds.Browser.NewPageAsync();
        try
        {
            await page.SetViewportAsync(new ViewPortOptions { Width = width, Height = height });
            await page.GoToAsync(new Uri(builds.Shipped.HtmlPath).AbsoluteUri + "#slide-5", WaitUntilNavigation.Load);
            var deck = await page.EvaluateFunctionAsync<JsonElement>(
                "() => { const r = document.querySelector('.deck').getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; }");
            double Side(string name) => deck.GetProperty(name).GetDouble();

            Assert.Equal(4.0 / 3, (Side("right") - Side("left")) / (Side("bottom") - Side("top")), 2);
            Assert.True(Side("left") >= -0.5 && Side("top") >= -0.5 && Side("right") <= width + 0.5 && Side("bottom") <= height + 0.5, deck.ToString());
            // Scaled to the window by its own size, less at most what keeps its body clear of the controls.
            Assert.True(Math.Max((Side("right") - Side("left")) / width, (Side("bottom") - Side("top")) / height) >= 0.9, deck.ToString());
            Assert.Empty(await page.EvaluateFunctionAsync<string[]>(Covered));
            var slides = await DeckFill.MeasureAsync(page);
            Assert.NotEmpty(slides);
            Assert.All(slides, s => Assert.False(s.Overflows, $"{s.Id} overflows at {width}×{height}"));
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    // Each slide's lines of text under the controls' box, as SlidesDeckTests checks the 16:9 deck.
    private const string Covered = """
        () => Array.from(document.querySelectorAll('.deck > .slide')).flatMap(slide => {
          location.hash = '#' + slide.id;
          const bar = document.querySelector('.controls').getBoundingClientRect();
          const boxes = [];
          const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (!node.data.trim() || node.parentElement.closest('.notes')) { continue; }
            const range = document.createRange();
            range.selectNodeContents(node);
            boxes.push(...Array.from(range.getClientRects()).map(r => [r, node.data.trim().slice(0, 30)]));
          }
          return boxes.filter(([r]) => r.width > 0 && r.left < bar.right && r.right > bar.left && r.top < bar.bottom && r.bottom > bar.top)
            .map(([, what]) => slide.id + ': ' + what);
        })
        """;

    [Fact]
    public async Task The_presenters_preview_of_the_next_slide_is_4_by_3_and_shows_it_whole()
    {
        var page = await builds.Browser.NewPageAsync();
        try
        {
            await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 800 });
            await page.GoToAsync(new Uri(builds.Shipped.HtmlPath).AbsoluteUri + "?presenter#slide-5", WaitUntilNavigation.Load);
            var preview = await page.EvaluateFunctionAsync<double[]>(
                """
                () => {
                  const box = document.querySelector('.presenter-next-slide').getBoundingClientRect();
                  const slide = document.querySelector('.presenter-next-slide .slide').getBoundingClientRect();
                  // The next slide's text in its own ink, as on the deck (not the notes column's white).
                  const ink = (scope) => getComputedStyle(document.querySelector(scope + ' .objective-text')).color;
                  return [box.width, box.height, slide.width, slide.height, ink('.presenter-next-slide') === ink('#slide-5') ? 1 : 0];
                }
                """);

            Assert.True(preview[0] > 100, $"the preview is {preview[0]} px wide");
            Assert.Equal(4.0 / 3, preview[0] / preview[1], 2);
            Assert.Equal(preview[0], preview[2], 0);
            Assert.Equal(preview[1], preview[3], 0);
            Assert.Equal(1, preview[4]);
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    [Fact]
    public void A_text_longer_than_a_slide_is_cut_into_more_slides_at_4_by_3_than_at_16_by_9_and_no_word_is_lost()
    {
        var wide = SlidesListing(builds.LongWide.HtmlPath, "M1.1");
        var square = SlidesListing(builds.LongFourThree.HtmlPath, "M1.1");

        Assert.True(wide >= 2, $"at 16:9 the objective is on {wide} slides");
        Assert.True(square > wide, $"at 4:3 the objective is on {square} slides, at 16:9 on {wide}");
        Assert.Empty(builds.LongFourThree.Result.Diagnostics.Where(d => LayoutCodes.Contains(d.Code)).Select(d => $"{d.Code} {d.Message}"));
        using var pdf = PdfDocument.Open(builds.LongFourThree.PdfPath);
        var printed = string.Concat(pdf.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
        var at = 0;
        foreach (var word in Builds.LongObjective.Split(' '))
        {
            at = printed.IndexOf(word, at, StringComparison.Ordinal);
            Assert.True(at >= 0, $"'{word}' is not in the 4:3 slides.pdf after the words before it");
        }
    }

    [Fact]
    public void What_does_not_fit_a_4_by_3_slide_is_reported_at_the_slides_size()
    {
        var found = Assert.Single(builds.Unbreakable.Result.Diagnostics, d => d.Code == "PSTM0625" && d.Message.StartsWith("in it/slides.pdf", StringComparison.Ordinal));

        Assert.Contains("at 960×720", found.Message, StringComparison.Ordinal);
    }

    private static int SlidesListing(string htmlPath, string objective) =>
        File.ReadAllText(htmlPath).Split("<section class=\"slide ").Count(s => s.Contains($"data-item=\"objectives.{objective}\"", StringComparison.Ordinal));

    // A continuation mark is the deck's, not the plan's.
    private static string Unmarked(string text) => ReaderText.Normalize(WebUtility.HtmlDecode(text).Replace("…", "", StringComparison.Ordinal));

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    /// <summary>A built deck: what the build reported and its files.</summary>
    public sealed record BuiltDeckFiles(BuildResult Result, string HtmlPath, string PdfPath);

    /// <summary>
    /// The decks the tests read, built once: the shipped plan at 4:3, and a plan with an objective longer
    /// than a slide at 16:9 and at 4:3; and a browser to show them in.
    /// </summary>
    public sealed class Builds : IAsyncLifetime
    {
        /// <summary>An objective of 420 words, longer than a slide at either size.</summary>
        public static readonly string LongObjective = DeckPaginationTests.Sentences("vasto", 420);

        private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("pstm-deck-aspect-");

        private readonly List<TemporaryPlan> _plans = [];

        public static string PlanFolder => Path.Combine(BuiltBooklet.RepositoryRoot, "plan");

        public BuiltDeckFiles Shipped { get; private set; } = null!;

        public BuiltDeckFiles LongWide { get; private set; } = null!;

        public BuiltDeckFiles LongFourThree { get; private set; } = null!;

        /// <summary>A plan whose objective holds a word of 300 letters and digits, wider than any slide, at 4:3.</summary>
        public BuiltDeckFiles Unbreakable { get; private set; } = null!;

        public IBrowser Browser { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var longPlan = Directory.CreateDirectory(Path.Combine(_work.FullName, "long")).FullName;
            await File.WriteAllTextAsync(Path.Combine(longPlan, "plan.yaml"), $$"""
                id: p
                title: Piano di prova
                entity: Ente
                period: { from: 2025, to: 2027 }
                language: it
                missions:
                  - id: M1
                    number: 1
                    title: Vasta
                    objectives:
                      - { id: M1.1, text: "{{LongObjective}}" }
                """);

            var unbreakablePlan = Directory.CreateDirectory(Path.Combine(_work.FullName, "unbreakable")).FullName;
            await File.WriteAllTextAsync(Path.Combine(unbreakablePlan, "plan.yaml"), (await File.ReadAllTextAsync(Path.Combine(longPlan, "plan.yaml")))
                .Replace(LongObjective, "Promuovere " + string.Concat(Enumerable.Repeat("x9", 150)), StringComparison.Ordinal));

            Shipped = await BuildAsync("shipped", FourThree(PlanFolder));
            LongWide = await BuildAsync("long-16-9", longPlan);
            LongFourThree = await BuildAsync("long-4-3", FourThree(longPlan));
            Unbreakable = await BuildAsync("unbreakable-4-3", FourThree(unbreakablePlan));
            Browser = await Puppeteer.LaunchAsync(new LaunchOptions
            {
                ExecutablePath = BrowserLocator.Locate(null, new DiagnosticBag())!,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
            });
        }

        public async Task DisposeAsync()
        {
            if (Browser is not null)
            {
                await Browser.CloseAsync();
                await Browser.DisposeAsync();
            }

            _work.Delete(recursive: true);
            _plans.ForEach(plan => plan.Dispose());
        }

        /// <summary>A copy of the plan folder whose plan.yaml asks for a 4:3 deck, deleted with the others.</summary>
        private string FourThree(string plan)
        {
            var copy = TemporaryPlan.CopyOf(plan);
            _plans.Add(copy);
            File.AppendAllText(copy.FileOf("plan.yaml"), FourThreeTheme);
            return copy.Path;
        }

        private async Task<BuiltDeckFiles> BuildAsync(string name, string plan)
        {
            var output = Path.Combine(_work.FullName, "out", name);
            var result = await EditionBuilder.BuildAsync(
                BuiltBooklet.Request(output, plan, null) with { Targets = [BuildTarget.Slides] }, CancellationToken.None);
            Assert.True(result.Succeeded, $"{name}: " + string.Join("\n", result.Diagnostics.Where(d => d.IsError).Select(d => $"{d.Code} {d.Message}")));
            return new BuiltDeckFiles(result, Path.Combine(output, "it", "slides.html"), Path.Combine(output, "it", "slides.pdf"));
        }
    }
}
