using System.Text.Json;
using Pstm.Diagnostics;

namespace Pstm.Pdf.Layout;

/// <summary>
/// Measures a loaded document for content that does not fit its box (overflow-probe.js), in the tab
/// that prints it: no page is loaded again. The booklet is measured with the print stylesheet in a
/// window as wide as the page's text; the deck on its canvas (16:9, or the size its theme sets). Each
/// document is best loaded in the view it is measured in (<see cref="BookletView"/>,
/// <see cref="DeckView"/>), so that measuring lays nothing out again; the view is left as measured,
/// and the next document sets its own.
/// </summary>
public static class OverflowProbe
{
    /// <summary>
    /// The view a deck is measured in: the default 16:9 canvas, at its own size. The shipped deck scales
    /// the canvas to any window, so a larger one lays out the same (the tests measure it at 1920×1080
    /// too), and a 4:3 canvas (960×720) is shown in it whole, at its own size.
    /// </summary>
    public static PageView DeckView { get; } = new(1280, 720);

    /// <summary>The view a booklet is loaded in: its print stylesheet; the probe then narrows the window to the page's text.</summary>
    public static PageView BookletView { get; } = PageView.Default with { Print = true };

    /// <summary>
    /// The view a booklet with page box <paramref name="box"/> is measured in: print media, in a window
    /// as wide as the page's text. A booklet loaded in it (its box known from the last build) is measured
    /// without being laid out again; its print is the same in any view.
    /// </summary>
    public static PageView BookletViewOf(PageBox? box) => box is null
        ? BookletView
        : new PageView(Math.Max(1, (int)Math.Floor(box.TextWidth)), Math.Max(1, (int)Math.Floor(box.Height)), Print: true);

    /// <summary>What does not fit in the booklet, its page box and its headings; null after reporting why the page could not be measured.</summary>
    public static async Task<BookletLayout?> MeasureBookletAsync(LoadedDocument document, DiagnosticBag diagnostics, CancellationToken cancellation)
    {
        const string doing = "measuring the booklet's layout";
        var (done, page) = await document.RunAsync(p => p.EvaluateFunctionAsync<JsonElement>(LayoutScripts.PageBox), doing, diagnostics, cancellation);
        if (!done)
        {
            return null;
        }

        var box = page.ValueKind == JsonValueKind.Object
            ? new PageBox(page.GetProperty("width").GetDouble(), page.GetProperty("height").GetDouble(), page.GetProperty("top").GetDouble(), page.GetProperty("bottom").GetDouble(), page.GetProperty("textWidth").GetDouble())
            : null;
        if (!await document.ShowAsync(BookletViewOf(box), doing, diagnostics, cancellation))
        {
            return null;
        }

        var (measured, findings) = await document.RunAsync(
            p => p.EvaluateFunctionAsync<JsonElement>(LayoutScripts.OverflowProbe, new { scope = "body", checkPage = box is not null }), doing, diagnostics, cancellation);
        if (!measured)
        {
            return null;
        }

        var (read, headings) = await document.RunAsync(p => p.EvaluateFunctionAsync<JsonElement>(LayoutScripts.PageHeadings), doing, diagnostics, cancellation);
        if (!read)
        {
            return null;
        }

        return new BookletLayout(Findings(findings, ""), box, Headings(headings));
    }

    /// <summary>What does not fit on the deck's slides in <see cref="DeckView"/>; null after reporting why not.</summary>
    public static async Task<IReadOnlyList<LayoutFinding>?> MeasureDeckAsync(LoadedDocument document, DiagnosticBag diagnostics, CancellationToken cancellation)
    {
        const string doing = "measuring the slides";
        if (!await document.ShowAsync(DeckView, doing, diagnostics, cancellation))
        {
            return null;
        }

        var (done, findings) = await document.RunAsync(
            p => p.EvaluateFunctionAsync<JsonElement>(LayoutScripts.OverflowProbe, new { scope = ".slide", checkPage = false }), doing, diagnostics, cancellation);
        if (!done)
        {
            return null;
        }

        // Named by the slide's own box, which a theme may make other than the window (960×720 for 4:3).
        var (read, size) = await document.RunAsync(p => p.EvaluateExpressionAsync<string>(SlideSize), doing, diagnostics, cancellation);
        return read ? Findings(findings, $"at {(string.IsNullOrEmpty(size) ? $"{DeckView.Width}×{DeckView.Height}" : size)}") : null;
    }

    private const string SlideSize =
        "(() => { const slide = document.querySelector('.slide'); return slide ? slide.offsetWidth + '×' + slide.offsetHeight : ''; })()";

    private static List<LayoutFinding> Findings(JsonElement found, string where) =>
        found.ValueKind != JsonValueKind.Array
            ? []
            : found.EnumerateArray().Select(f => new LayoutFinding(
                f.GetProperty("kind").GetString() ?? "",
                f.GetProperty("key").ValueKind == JsonValueKind.String ? f.GetProperty("key").GetString() : null,
                f.GetProperty("element").GetString() ?? "",
                f.GetProperty("text").GetString() ?? "",
                f.GetProperty("amount").GetInt32(),
                f.GetProperty("frame").GetString() ?? "",
                where)).ToList();

    private static List<PageHeading> Headings(JsonElement found) =>
        found.ValueKind != JsonValueKind.Array
            ? []
            : found.EnumerateArray().Select(h => new PageHeading(
                h.GetProperty("id").GetString() ?? "",
                h.GetProperty("key").ValueKind == JsonValueKind.String ? h.GetProperty("key").GetString() : null,
                h.GetProperty("text").GetString() ?? "",
                h.GetProperty("ends").GetBoolean())).ToList();
}

/// <summary>A booklet's layout as measured before it is printed: what does not fit, its page, its headings.</summary>
/// <param name="Page">The page box its stylesheet asks for; null when it sets none.</param>
public sealed record BookletLayout(IReadOnlyList<LayoutFinding> Overflows, PageBox? Page, IReadOnlyList<PageHeading> Headings);

/// <summary>A heading of the booklet with an id (a destination in the PDF).</summary>
/// <param name="Ends">Whether it ends its page on purpose (a forced break after it) or ends the document.</param>
public sealed record PageHeading(string Id, string? Key, string Text, bool Ends);
