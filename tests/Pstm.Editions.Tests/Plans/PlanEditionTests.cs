using System.Text.Json;
using PuppeteerSharp;
using UglyToad.PdfPig;

namespace Pstm.Editions.Tests.Plans;

/// <summary>
/// Any plan, nothing lost: for the shipped plan, the real plans of Torino and Bologna and the generated
/// stress plans, the booklet and the deck carry every objective, fill every label, agree on what they
/// show, and no slide overflows or clips at 1280×720 or 1920×1080.
/// </summary>
public class PlanEditionTests(BuiltPlans plans) : IClassFixture<BuiltPlans>
{
    // The output check's codes: print's overflow warning (PSTM0625) and deck's pagination codes (PSTM0620-0624).
    private static readonly string[] OverflowCodes = ["PSTM0620", "PSTM0621", "PSTM0622", "PSTM0623", "PSTM0624", "PSTM0625"];

    public static TheoryData<string> Names => BuiltPlans.Names;

    public static TheoryData<string, int, int> NamesAndCanvases => BuiltPlans.NamesAndCanvases;

    [Theory]
    [MemberData(nameof(Names))]
    public void The_build_reports_no_overflow(string name)
    {
        var overflows = plans[name].Result.Diagnostics.Where(d => OverflowCodes.Contains(d.Code)).Select(d => $"{d.Code} {d.Span.File}({d.Span.StartLine}): {d.Message}");

        Assert.Empty(overflows);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task No_label_placeholder_is_left_in_the_booklet_or_the_deck(string name)
    {
        foreach (var edition in plans[name].Editions)
        {
            var deck = string.Concat(await SlideTextsAsync(edition, withNotes: true));

            Assert.Empty(ReaderText.Placeholders(edition.BookletText).Select(p => $"{edition.Locale} booklet.pdf: {p}"));
            Assert.Empty(ReaderText.Placeholders(deck).Select(p => $"{edition.Locale} slides.html: {p}"));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_objective_is_in_the_booklet(string name)
    {
        foreach (var edition in plans[name].Editions)
        {
            var booklet = ReaderText.Normalize(edition.BookletText);

            Assert.Empty(Missing(edition, booklet).Select(id => $"{edition.Locale} booklet.pdf lacks objective {id}"));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_back_cover_is_the_last_page_an_even_one_whatever_the_length(string name)
    {
        foreach (var edition in plans[name].Editions)
        {
            using var document = PdfDocument.Open(edition.BookletPath);
            // Letters only: the entity's name is spaced out in capitals, which PdfPig may read as several words.
            static string Letters(string text) => string.Concat(ReaderText.Normalize(text).Where(char.IsLetter)).ToUpperInvariant();
            var back = Letters(PrintedText.Of(document.GetPage(document.NumberOfPages)));

            Assert.True(document.NumberOfPages % 2 == 0, $"{edition.Locale} booklet.pdf has {document.NumberOfPages} pages");
            Assert.Contains(Letters(edition.Plan.Entity), back, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Every_objective_is_in_the_deck_html_and_pdf(string name)
    {
        foreach (var edition in plans[name].Editions)
        {
            // An objective too long for one slide is cut over several, each part marked "…": its parts,
            // in slide order, must give back its whole text, and each part must be in the PDF.
            var parts = await ObjectivePartsAsync(edition);
            var pdf = ReaderText.Normalize(edition.SlidesPdfText);
            string Joined(string id) => string.Concat(parts.GetValueOrDefault(id, []).Select(Unmarked));

            Assert.Empty(edition.Plan.Objectives
                .Where(o => Joined(o.Id.Value) != ReaderText.Normalize(o.Text))
                .Select(o => $"{edition.Locale} slides.html lacks objective {o.Id.Value}"));
            Assert.Empty(edition.Plan.Objectives
                .Where(o => !parts.TryGetValue(o.Id.Value, out var own) || own.Any(part => !pdf.Contains(Unmarked(part), StringComparison.Ordinal)))
                .Select(o => $"{edition.Locale} slides.pdf lacks objective {o.Id.Value}"));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task The_booklet_and_the_deck_name_the_same_missions_and_drivers(string name)
    {
        foreach (var edition in plans[name].Editions)
        {
            var booklet = ReaderText.Normalize(edition.BookletText);
            var deck = ReaderText.Normalize(string.Concat(await SlideTextsAsync(edition, withNotes: false)));
            var items = edition.Plan.Missions.Select(m => ($"mission {m.Id.Value}", m.Title))
                .Concat(edition.Plan.Drivers.Select(d => ($"driver {d.Id.Value}", d.Name)));

            var apart = items
                .Select(item => (item.Item1, InBooklet: booklet.Contains(ReaderText.Normalize(item.Item2), StringComparison.Ordinal), InDeck: deck.Contains(ReaderText.Normalize(item.Item2), StringComparison.Ordinal)))
                .Where(item => !item.InBooklet || !item.InDeck)
                .Select(item => $"{edition.Locale} {item.Item1}: booklet {(item.InBooklet ? "names it" : "does not")}, deck {(item.InDeck ? "names it" : "does not")}");
            Assert.Empty(apart);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task The_traceability_matrix_is_in_both_or_in_neither(string name)
    {
        foreach (var edition in plans[name].Editions)
        {
            await using var page = await OpenAsync(edition, 1280, 720);
            var deckHasMatrix = await page.EvaluateExpressionAsync<bool>("document.querySelector('.slide table') !== null");
            var bookletHtml = await File.ReadAllTextAsync(Path.Combine(Path.GetDirectoryName(edition.SlidesHtmlPath)!, "booklet.html"));
            var bookletHasMatrix = bookletHtml.Contains("<table", StringComparison.Ordinal);

            Assert.True(deckHasMatrix == bookletHasMatrix, $"{edition.Locale}: the booklet {(bookletHasMatrix ? "has" : "has no")} matrix, the deck {(deckHasMatrix ? "has" : "has no")} matrix ({edition.Plan.Drivers.Count} drivers)");
        }
    }

    [Theory]
    [MemberData(nameof(NamesAndCanvases))]
    public async Task No_slide_overflows_or_clips_its_content(string name, int width, int height)
    {
        foreach (var edition in plans[name].Editions)
        {
            await using var page = await OpenAsync(edition, width, height);
            const string measure = """
                () => Array.from(document.querySelectorAll('.slide')).map(slide => {
                  location.hash = '#' + slide.id;
                  const box = slide.getBoundingClientRect();
                  const scale = box.height / slide.clientHeight;
                  const clipped = Array.from(slide.querySelectorAll('.slide-inner *'))
                    .filter(e => !e.closest('.notes'))
                    .map(e => e.getBoundingClientRect())
                    .filter(r => r.width > 0 && r.height > 0)
                    .map(r => Math.max(r.bottom - box.bottom, r.right - box.right, box.left - r.left, box.top - r.top))
                    .reduce((a, b) => Math.max(a, b), 0);
                  return { id: slide.id, over: slide.scrollHeight - slide.clientHeight, wide: slide.scrollWidth - slide.clientWidth, clipped: clipped / scale };
                })
                """;

            var slides = await page.EvaluateFunctionAsync<JsonElement>(measure);

            var bad = slides.EnumerateArray()
                .Where(s => s.GetProperty("over").GetDouble() > 0 || s.GetProperty("wide").GetDouble() > 0 || s.GetProperty("clipped").GetDouble() > 1)
                .Select(s => $"{edition.Locale} {s.GetProperty("id").GetString()}: {s.GetProperty("over").GetDouble():0} px over, {s.GetProperty("wide").GetDouble():0} px wide, {s.GetProperty("clipped").GetDouble():0} px clipped")
                .ToList();
            Assert.True(slides.GetArrayLength() > 0);
            Assert.True(bad.Count == 0, $"{bad.Count} of {slides.GetArrayLength()} slides at {width}×{height}:\n" + string.Join("\n", bad));
        }
    }

    private static IEnumerable<string> Missing(BuiltEdition edition, string normalizedText) =>
        edition.Plan.Objectives
            .Where(o => !normalizedText.Contains(ReaderText.Normalize(o.Text), StringComparison.Ordinal))
            .Select(o => o.Id.Value);

    // Every slide's text, shown or not (the deck shows one slide at a time); speaker notes only when asked.
    private async Task<IReadOnlyList<string>> SlideTextsAsync(BuiltEdition edition, bool withNotes)
    {
        await using var page = await OpenAsync(edition, 1280, 720);
        return await page.EvaluateFunctionAsync<string[]>(
            """
            withNotes => Array.from(document.querySelectorAll('.slide')).map(slide => {
              const copy = slide.cloneNode(true);
              if (!withNotes) copy.querySelectorAll('.notes').forEach(n => n.remove());
              return Array.from(copy.querySelectorAll('*')).length ? copy.textContent + ' ' : '';
            })
            """,
            withNotes);
    }

    /// <summary>The text of each objective on the slides, by id: one part per slide it is on, in order.</summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ObjectivePartsAsync(BuiltEdition edition)
    {
        await using var page = await OpenAsync(edition, 1280, 720);
        var found = await page.EvaluateFunctionAsync<string[][]>(
            """
            () => Array.from(document.querySelectorAll('.slide li[data-item^="objectives."]')).map(item =>
              [item.dataset.item.slice('objectives.'.length), (item.querySelector('.objective-text') || item).textContent])
            """);
        return found.GroupBy(f => f[0], f => f[1]).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.ToList());
    }

    // A continuation mark is the deck's, not the plan's.
    private static string Unmarked(string part) => ReaderText.Normalize(part.Replace("…", "", StringComparison.Ordinal));

    private async Task<OpenDeck> OpenAsync(BuiltEdition edition, int width, int height)
    {
        var page = await plans.Browser.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = width, Height = height });
        await page.EmulateMediaFeaturesAsync([new MediaFeatureValue { MediaFeature = MediaFeature.PrefersReducedMotion, Value = "reduce" }]);
        await page.GoToAsync(new Uri(edition.SlidesHtmlPath).AbsoluteUri, WaitUntilNavigation.Load);
        return new OpenDeck(page);
    }

    /// <summary>A deck open in a page of the class's browser, closed when the test is done with it.</summary>
    private sealed class OpenDeck(IPage page) : IAsyncDisposable
    {
        public Task<T> EvaluateExpressionAsync<T>(string script) => page.EvaluateExpressionAsync<T>(script);

        public Task<T> EvaluateFunctionAsync<T>(string script, params object[] args) => page.EvaluateFunctionAsync<T>(script, args);

        public ValueTask DisposeAsync() => new(page.CloseAsync());
    }
}
