using System.Text.Json;
using Pstm.Diagnostics;
using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace Pstm.Pdf.Layout;

/// <summary>
/// Measures a loaded document for content that does not fit its box (overflow-probe.js), in the tab
/// that prints it: no page is loaded again. The booklet is measured with the print stylesheet in a
/// window as wide as the page's text; the deck at each of its canvas sizes.
/// </summary>
public static class OverflowProbe
{
    /// <summary>The windows a deck is measured in: its 16:9 canvas, and the same on a full-HD screen.</summary>
    public static IReadOnlyList<(int Width, int Height)> DeckViewports { get; } = [(1280, 720), (1920, 1080)];

    // A tab that prints is otherwise left at the browser's default window.
    private static readonly ViewPortOptions DefaultViewport = new() { Width = 800, Height = 600 };

    /// <summary>
    /// What does not fit in the booklet, its page box and its headings; null after reporting why the
    /// page could not be measured. The tab is left as it was found (screen media, its window).
    /// </summary>
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
        var viewport = box is null ? DefaultViewport : new ViewPortOptions { Width = Math.Max(1, (int)Math.Floor(box.TextWidth)), Height = Math.Max(1, (int)Math.Floor(box.Height)) };
        var (measured, findings) = await document.RunAsync(async p =>
        {
            try
            {
                await p.SetViewportAsync(viewport);
                await p.EmulateMediaTypeAsync(MediaType.Print);
                return await p.EvaluateFunctionAsync<JsonElement>(LayoutScripts.OverflowProbe, new { scope = "body", checkPage = box is not null });
            }
            finally
            {
                await p.EmulateMediaTypeAsync(MediaType.None);
                await p.SetViewportAsync(DefaultViewport);
            }
        }, doing, diagnostics, cancellation);
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

    /// <summary>What does not fit on the deck's slides in each of <see cref="DeckViewports"/>; null after reporting why not.</summary>
    public static async Task<IReadOnlyList<LayoutFinding>?> MeasureDeckAsync(LoadedDocument document, DiagnosticBag diagnostics, CancellationToken cancellation)
    {
        var all = new List<LayoutFinding>();
        foreach (var (width, height) in DeckViewports)
        {
            var (done, findings) = await document.RunAsync(async p =>
            {
                await p.SetViewportAsync(new ViewPortOptions { Width = width, Height = height });
                return await p.EvaluateFunctionAsync<JsonElement>(LayoutScripts.OverflowProbe, new { scope = ".slide", checkPage = false });
            }, "measuring the slides", diagnostics, cancellation);
            if (!done)
            {
                return null;
            }

            all.AddRange(Findings(findings, $"at {width}×{height}"));
        }

        if (!(await document.RunAsync(async p => { await p.SetViewportAsync(DefaultViewport); return true; }, "measuring the slides", diagnostics, cancellation)).Done)
        {
            return null;
        }

        // The same problem in both windows is one finding, measured in both.
        return all.GroupBy(f => (f.Kind, f.Key, f.Element, f.Text, f.Frame))
            .Select(g => g.First() with { Where = string.Join(" and ", g.Select(f => f.Where).Distinct()) })
            .ToList();
    }

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
