using System.Globalization;
using System.Text;
using System.Text.Json;
using PuppeteerSharp;

namespace Pstm.Editions.Tests;

/// <summary>
/// What a reader checks on a built deck, measured in the browser: whether a slide's content overflows
/// its box (scrollHeight over clientHeight, or an element past its edges) and how full it is (the fill:
/// how far down the slide's body, its box less its padding, the content ends; 1 is full). <see cref="Report"/>
/// gives the figures the lead compares before and after a change: slide count, the share of slides
/// whose content ends above 60% of the body, and the least fill of a slide other than title and closing
/// (a slide whose section the measure set larger is marked so).
/// Rerun with <c>dotnet test tests/Pstm.Editions.Tests --filter FullyQualifiedName~DeckPaginationTests.The_shipped_decks_fill</c>
/// (writes artifacts/deck-fill.txt; set PSTM_DECK_FILL_EXTRA to other slides.html files, ';'-separated, to compare).
/// </summary>
public static class DeckFill
{
    public sealed record SlideFill(string Id, bool Overflows, double Fill, string Kind = "", bool Larger = false)
    {
        /// <summary>Whether a fill is asked of the slide: the title and closing slides stand alone.</summary>
        public bool Content => Kind is not ("title" or "closing");
    }

    private const string Script = """
        () => Array.from(document.querySelectorAll('.deck > .slide')).map(slide => {
          location.hash = '#' + slide.id;
          const box = slide.getBoundingClientRect();
          const style = getComputedStyle(slide);
          const scale = box.height / slide.offsetHeight;
          const top = box.top + parseFloat(style.paddingTop) * scale;
          const body = (slide.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)) * scale;
          const inner = Array.from(slide.querySelectorAll('.slide-inner *')).filter(e => !e.closest('.notes'))
            .map(e => e.getBoundingClientRect()).filter(r => r.width > 0 && r.height > 0);
          const clipped = inner.some(r => r.bottom > box.bottom + 1 || r.right > box.right + 1 || r.left < box.left - 1 || r.top < box.top - 1);
          const bottom = inner.reduce((b, r) => Math.max(b, r.bottom), top);
          const kind = (slide.className.match(/slide-([a-z-]+)/) || ['', ''])[1];
          return { id: slide.id, overflows: clipped || slide.scrollHeight > slide.clientHeight, fill: (bottom - top) / body, kind, larger: slide.classList.contains('larger') };
        })
        """;

    public static async Task<IReadOnlyList<SlideFill>> MeasureAsync(IPage page)
    {
        var slides = await page.EvaluateFunctionAsync<JsonElement>(Script);
        return slides.EnumerateArray()
            .Select(s => new SlideFill(s.GetProperty("id").GetString()!, s.GetProperty("overflows").GetBoolean(), s.GetProperty("fill").GetDouble(), s.GetProperty("kind").GetString()!, s.GetProperty("larger").GetBoolean()))
            .ToList();
    }

    /// <summary>Loads <paramref name="htmlPath"/> in a new page at the given size and measures it.</summary>
    public static async Task<IReadOnlyList<SlideFill>> MeasureAsync(IBrowser browser, string htmlPath, int width = 1280, int height = 720)
    {
        var page = await browser.NewPageAsync();
        try
        {
            await page.SetViewportAsync(new ViewPortOptions { Width = width, Height = height });
            await page.GoToAsync(new Uri(htmlPath).AbsoluteUri, WaitUntilNavigation.Load);
            await page.EvaluateExpressionAsync("document.fonts.ready");
            return await MeasureAsync(page);
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    /// <summary>The slide count, the share of slides ending above 60% of their height, and each slide's fill.</summary>
    public static string Report(string name, IReadOnlyList<SlideFill> slides)
    {
        var text = new StringBuilder();
        var low = slides.Count(s => s.Fill < 0.6);
        var least = slides.Where(s => s.Content).Select(s => s.Fill).DefaultIfEmpty(1).Min();
        text.AppendLine(CultureInfo.InvariantCulture, $"{name}: {slides.Count} slides, {low} ({100.0 * low / Math.Max(1, slides.Count):0}%) end above 60% of the body, the least full {least * 100:0}%, {slides.Count(s => s.Overflows)} overflow");
        foreach (var slide in slides)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {slide.Id,-9} {slide.Kind,-9} {slide.Fill * 100,4:0}%{(slide.Larger ? "  larger" : "")}{(slide.Overflows ? "  OVERFLOWS" : "")}");
        }

        return text.ToString();
    }
}
