using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Pstm.Diagnostics;
using Pstm.Editions.Explain;
using Pstm.Pdf;
using Pstm.Plan;
using PuppeteerSharp;
using UglyToad.PdfPig;

namespace Pstm.Editions.Tests;

/// <summary>
/// The deck cut into slides by measured size: a plan with an objective of 190 words followed by
/// another, eight short objectives, and an objective longer than a slide, built and read back as a
/// reader would (every word on a slide and in the PDF, nothing overflowing at two window sizes).
/// </summary>
public sealed partial class DeckPaginationTests : IAsyncLifetime
{
    private static readonly string LongObjective = Sentences("lungo", 190);
    private static readonly string LongerThanASlide = Sentences("vasto", 420);
    private static readonly string[] Short = Enumerable.Range(1, 8).Select(i => $"Obiettivo breve numero {i} della seconda missione").ToArray();

    private readonly DirectoryInfo _plan = Directory.CreateTempSubdirectory("pstm-deck-plan-");
    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("pstm-deck-out-");
    private IBrowser _browser = null!;
    private BuildResult _result = null!;

    private string HtmlPath => Path.Combine(_output.FullName, "it", "slides.html");

    /// <summary>Words stem1, stem2, … in sentences of fourteen words.</summary>
    internal static string Sentences(string stem, int words) =>
        string.Concat(Enumerable.Range(1, words).Select(i => $"{stem}{i}" + (i % 14 == 0 || i == words ? ". " : " "))).Trim();

    public async Task InitializeAsync()
    {
        var objectives = string.Join("\n", Short.Select((text, i) => $"      - {{ id: M2.{i + 1}, text: \"{text}\" }}"));
        File.WriteAllText(Path.Combine(_plan.FullName, "plan.yaml"), $"""
            id: p
            title: Piano di prova
            entity: Ente
            period: {"{"} from: 2025, to: 2027 {"}"}
            language: it
            missions:
              - id: M1
                number: 1
                title: Lunga
                objectives:
                  - {"{"} id: M1.1, text: "{LongObjective}" {"}"}
                  - {"{"} id: M1.2, text: "Il secondo obiettivo, dopo quello lungo" {"}"}
              - id: M2
                number: 2
                title: Brevi
                objectives:
            {objectives}
              - id: M3
                number: 3
                title: Vasta
                objectives:
                  - {"{"} id: M3.1, text: "{LongerThanASlide}" {"}"}
            """);
        _result = await EditionBuilder.BuildAsync(
            BuiltBooklet.Request(_output.FullName, _plan.FullName) with { Targets = [BuildTarget.Slides] }, CancellationToken.None);
        Assert.True(_result.Succeeded, string.Join("\n", _result.Diagnostics.Select(d => d.Message)));
        _browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = BrowserLocator.Locate(null, new DiagnosticBag())!,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.CloseAsync();
        await _browser.DisposeAsync();
        _plan.Delete(recursive: true);
        _output.Delete(recursive: true);
    }

    private Dictionary<int, string> Slides() =>
        SlideSection().Matches(File.ReadAllText(HtmlPath)).ToDictionary(m => int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture), m => m.Value);

    private List<int> SlidesListing(string objective) =>
        Slides().Where(s => s.Value.Contains($"data-item=\"objectives.{objective}\"", StringComparison.Ordinal)).Select(s => s.Key).ToList();

    private static string Words(string html) => WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]*>", " "));

    [Fact]
    public void Every_word_of_every_objective_is_on_a_slide_in_order_in_the_html_and_in_the_pdf()
    {
        var html = Words(string.Join(" ", Slides().OrderBy(s => s.Key).Select(s => s.Value)));
        using var pdf = PdfDocument.Open(Path.Combine(_output.FullName, "it", "slides.pdf"));
        var pdfLetters = string.Concat(pdf.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);

        foreach (var objective in Short.Append(LongObjective).Append(LongerThanASlide).Append("Il secondo obiettivo, dopo quello lungo"))
        {
            var htmlAt = 0;
            var pdfAt = 0;
            foreach (var word in objective.Split(' '))
            {
                htmlAt = html.IndexOf(word, htmlAt, StringComparison.Ordinal);
                Assert.True(htmlAt >= 0, $"'{word}' is on no slide after the words before it");
                pdfAt = pdfLetters.IndexOf(word, pdfAt, StringComparison.Ordinal);
                Assert.True(pdfAt >= 0, $"'{word}' is not in slides.pdf after the words before it");
            }
        }
    }

    [Theory]
    [InlineData(1280, 720)]
    [InlineData(1920, 1080)]
    public async Task No_slide_overflows(int width, int height)
    {
        var slides = await DeckFill.MeasureAsync(_browser, HtmlPath, width, height);

        Assert.Equal(Slides().Count, slides.Count);
        Assert.All(slides, s => Assert.False(s.Overflows, $"{s.Id} overflows"));
    }

    [Fact]
    public void The_objective_after_a_long_one_is_on_a_slide_and_eight_short_ones_share_one()
    {
        Assert.Single(SlidesListing("M1.2"));
        var shortSlides = Enumerable.Range(1, 8).SelectMany(i => SlidesListing($"M2.{i}")).Distinct().ToList();
        Assert.Single(shortSlides);
        Assert.DoesNotContain("2/2", Slides()[shortSlides[0]], StringComparison.Ordinal);
    }

    [Fact]
    public void An_objective_longer_than_a_slide_is_cut_with_continuation_marks_and_its_slides_numbered()
    {
        var parts = SlidesListing("M3.1");

        Assert.True(parts.Count >= 2, $"M3.1 is on {parts.Count} slide(s)");
        Assert.Equal(Enumerable.Range(parts[0], parts.Count), parts);
        var slides = Slides();
        Assert.Contains($"1/{parts.Count}", slides[parts[0]], StringComparison.Ordinal);
        Assert.Contains("vasto1 ", Words(slides[parts[0]]), StringComparison.Ordinal);
        Assert.EndsWith("…", Words(Regex.Match(slides[parts[0]], "<li data-item=\"objectives.M3.1\">.*?</li>", RegexOptions.Singleline).Value).Trim(), StringComparison.Ordinal);
        Assert.StartsWith("…", Words(Regex.Match(slides[parts[1]], "<li data-item=\"objectives.M3.1\">.*?</li>", RegexOptions.Singleline).Value).Trim(), StringComparison.Ordinal);

        // A part ends where a sentence does when one is near.
        Assert.Matches(@"\. …$", Words(Regex.Match(slides[parts[0]], "<li data-item=\"objectives.M3.1\">.*?</li>", RegexOptions.Singleline).Value).Trim());
        Assert.DoesNotContain(_result.Diagnostics, d => d.Code == "PSTM0620");
    }

    [Fact]
    public void Explain_names_the_slides_of_the_built_deck_that_list_an_objective()
    {
        var check = PlanCheck.Run(_plan.FullName);

        foreach (var id in new[] { "M1.1", "M1.2", "M2.8", "M3.1" })
        {
            var report = ItemExplainer.Explain(check, id, _output.FullName)!;
            Assert.Equal(SlidesListing(id), report.Decks.Single().Slides.Select(s => s.Number));
        }
    }

    [Fact]
    public async Task An_item_that_cannot_be_cut_and_is_taller_than_a_slide_is_a_warning_at_its_line()
    {
        // A pillar is never cut: its definition, longer than a slide, is reported where the plan writes it.
        using var plan = TemporaryPlan.Of(("plan.yaml", $"""
            id: p
            title: Piano di prova
            entity: Ente
            period: {"{"} from: 2025, to: 2027 {"}"}
            language: it
            vision:
              - id: ampia
                name: Ampiezza
                definition: "{Sentences("ampio", 320)}"
            missions:
              - {"{"} id: M1, number: 1, title: Una, objectives: [{"{"} id: M1.1, text: Uno {"}"}] {"}"}
            """));
        using var output = new TemporaryFolder();

        var result = await EditionBuilder.BuildAsync(
            BuiltBooklet.Request(output.Path, plan.Path) with { Targets = [BuildTarget.Slides] }, CancellationToken.None);

        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Diagnostics, d => d.Code == "PSTM0620");
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.EndsWith("plan.yaml", warning.Span.File, StringComparison.Ordinal);
        Assert.Equal(7, warning.Span.StartLine);
        Assert.Contains("vision.ampia", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_part_of_a_section_cut_between_slides_is_under_half_full()
    {
        // Given drivers whose descriptions, and missions whose long objective after a short one, run to
        // about a slide: some a few words past it, some just too long to go below the short objective
        var lengths = new[] { 120, 135, 150, 165, 180, 195 };
        var missions = string.Join("\n", lengths.Select((n, i) =>
            $"  - {{ id: M{i + 1}, number: {i + 1}, title: Missione {i + 1}, objectives: [{{ id: M{i + 1}.1, text: Breve }}, {{ id: M{i + 1}.2, text: \"{Sentences("obiettivo", n - 20)}\" }}] }}"));
        var drivers = string.Join("\n", lengths.Select((n, i) =>
            $"  - {{ id: D{i + 1}, number: {i + 1}, name: Driver {i + 1}, subtitle: Il sottotitolo del driver su una riga, description: \"{Sentences("testo", n)}\", missions: [M1], objectives: [M1.1] }}"));
        using var plan = TemporaryPlan.Of(("plan.yaml", $"""
            id: p
            title: Piano di prova
            entity: Ente
            period: {"{"} from: 2025, to: 2027 {"}"}
            language: it
            missions:
            {missions}
            drivers:
            {drivers}
            """));
        using var output = new TemporaryFolder();
        var result = await EditionBuilder.BuildAsync(
            BuiltBooklet.Request(output.Path, plan.Path) with { Targets = [BuildTarget.Slides] }, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Select(d => d.Message)));

        // When the deck is measured as a reader sees it
        var html = Path.Combine(output.Path, "it", "slides.html");
        var slides = await DeckFill.MeasureAsync(_browser, html);
        var parts = SlideSection().Matches(File.ReadAllText(html))
            .Where(m => m.Value.Contains("<span class=\"part\">", StringComparison.Ordinal))
            .Select(m => $"slide-{m.Groups["n"].Value}").ToHashSet();

        // Then missions and drivers were cut, and every part is at least half full
        Assert.Contains(slides, s => s.Kind == "mission" && parts.Contains(s.Id));
        Assert.Contains(slides, s => s.Kind == "driver" && parts.Contains(s.Id));
        Assert.All(slides.Where(s => parts.Contains(s.Id)), s => Assert.True(s.Fill >= 0.5, $"{s.Id} ({s.Kind}) is {s.Fill:P0} full"));

        // And nothing overflows as pstm measures and prints it (its browser sets text without hinting, as
        // this one does not: a slide filled to its last line may wrap one line longer here)
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is "PSTM0620" or "PSTM0625");
    }

    [Fact]
    public async Task The_shipped_decks_fill_is_reported_and_no_slide_of_it_overflows_or_is_under_half_full()
    {
        using var output = new TemporaryFolder();
        var result = await EditionBuilder.BuildAsync(
            BuiltBooklet.Request(output.Path) with { Locales = ["it", "en"], Targets = [BuildTarget.Slides] }, CancellationToken.None);
        Assert.True(result.Succeeded);

        var report = "";
        var problems = new List<string>();
        foreach (var locale in new[] { "it", "en" })
        {
            var slides = await DeckFill.MeasureAsync(_browser, Path.Combine(output.Path, locale, "slides.html"));
            report += DeckFill.Report($"{locale}/slides.html", slides);
            Assert.All(slides, s => Assert.False(s.Overflows, $"{locale} {s.Id} overflows"));
            problems.AddRange(slides.Where(s => s.Content && s.Fill < 0.5).Select(s => $"{locale} {s.Id} ({s.Kind}) is {s.Fill:P0} full"));
        }

        // Other decks to compare with (a build of another branch): PSTM_DECK_FILL_EXTRA=path/slides.html;…
        foreach (var extra in (Environment.GetEnvironmentVariable("PSTM_DECK_FILL_EXTRA") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            report += DeckFill.Report(extra, await DeckFill.MeasureAsync(_browser, Path.GetFullPath(extra)));
        }

        var folder = Path.Combine(BuiltBooklet.RepositoryRoot, "artifacts");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "deck-fill.txt"), report);

        // The issue's bar for the shipped deck: no slide under half full but the title and the closing.
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Every_slide_of_the_shipped_and_fixture_decks_is_half_full_unless_it_fits_with_no_neighbour()
    {
        // Given the shipped plan in both languages, the real plans beside it and the generated stress plans
        using var work = new TemporaryFolder();
        var plans = new List<(string Name, string Folder)>
        {
            ("psttm", Path.Combine(BuiltBooklet.RepositoryRoot, "plan")),
            ("torino", Path.Combine(BuiltBooklet.RepositoryRoot, "tests", "Fixtures", "Plans", "torino")),
            ("bologna", Path.Combine(BuiltBooklet.RepositoryRoot, "tests", "Fixtures", "Plans", "bologna")),
        };
        foreach (var shape in new[] { Plans.StressPlan.NoDrivers, Plans.StressPlan.FortyDrivers })
        {
            var folder = Directory.CreateDirectory(Path.Combine(work.Path, "plans", shape.Name)).FullName;
            Plans.StressPlan.Write(folder, shape);
            plans.Add((shape.Name, folder));
        }

        var report = "";
        var problems = new List<string>();
        foreach (var (name, folder) in plans)
        {
            var output = Path.Combine(work.Path, "out", name);
            var result = await EditionBuilder.BuildAsync(
                BuiltBooklet.Request(output, folder) with { Locales = [], Targets = [BuildTarget.Slides] }, CancellationToken.None);
            Assert.True(result.Succeeded, $"{name}: " + string.Join("\n", result.Diagnostics.Where(d => d.IsError).Select(d => d.Message)));
            foreach (var html in Directory.GetFiles(output, "slides.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var deck = $"{name} {Path.GetFileName(Path.GetDirectoryName(html))}";
                var page = await _browser.NewPageAsync();
                try
                {
                    await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 720 });
                    await page.GoToAsync(new Uri(html).AbsoluteUri, WaitUntilNavigation.Load);
                    await page.EvaluateExpressionAsync("document.fonts.ready");
                    var slides = await DeckFill.MeasureAsync(page);
                    report += DeckFill.Report(deck, slides);

                    // When
                    // Then nothing overflows, and a slide under half full is one that the next or the
                    // previous slide's content would not fit with: there was nothing to join it to.
                    problems.AddRange(slides.Where(s => s.Overflows).Select(s => $"{deck} {s.Id} overflows"));
                    foreach (var slide in slides.Where(s => s.Content && s.Fill < 0.5))
                    {
                        var fitsWith = await page.EvaluateFunctionAsync<string[]>(FitsWithNeighbour, slide.Id);
                        problems.AddRange(fitsWith.Select(n => $"{deck} {slide.Id} is {slide.Fill:P0} full and fits with {n}"));
                    }
                }
                finally
                {
                    await page.CloseAsync();
                }
            }
        }

        var folderOut = Path.Combine(BuiltBooklet.RepositoryRoot, "artifacts");
        Directory.CreateDirectory(folderOut);
        await File.WriteAllTextAsync(Path.Combine(folderOut, "deck-fill-plans.txt"), report);
        Assert.Empty(problems);
    }

    // Which neighbours of a slide its content would fit with on one slide, below the other, at the
    // deck's text size (a slide set larger is measured without it): the title, the closing and a part
    // of a longer section (marked "2/3") stand alone.
    private const string FitsWithNeighbour = """
        (id) => {
          const all = Array.from(document.querySelectorAll('.deck > .slide'));
          const index = all.findIndex(s => s.id === id);
          const alone = (s) => !s || /slide-(title|closing)/.test(s.className) || s.querySelector('.part') !== null;
          const fitsWith = (a, b) => {
            const larger = [a, b].filter(s => s.classList.contains('larger'));
            larger.forEach(s => s.classList.remove('larger'));
            const moved = Array.from(b.querySelectorAll(':scope > .slide-inner'));
            moved.forEach(m => a.insertBefore(m, a.querySelector(':scope > .notes')));
            const fits = a.scrollHeight <= a.clientHeight;
            moved.forEach(m => b.insertBefore(m, b.querySelector(':scope > .notes')));
            larger.forEach(s => s.classList.add('larger'));
            return fits;
          };
          const slide = all[index];
          if (alone(slide)) { return []; }
          return [[all[index - 1], true], [all[index + 1], false]]
            .filter(([n]) => !alone(n))
            .filter(([n, before]) => before ? fitsWith(n, slide) : fitsWith(slide, n))
            .map(([n]) => n.id);
        }
        """;

    [GeneratedRegex("<section class=\"slide [^\"]*\" id=\"slide-(?<n>\\d+)\".*?(?=<section class=\"slide |</main>)", RegexOptions.Singleline)]
    private static partial Regex SlideSection();
}
