using System.Collections.Concurrent;
using Pstm.Diagnostics;
using Pstm.Pdf;
using Pstm.Pdf.Layout;
using Pstm.Rendering.Slides;

namespace Pstm.Editions;

/// <summary>
/// Measures each deck in a tab of its own. <c>pstm build --watch</c> keeps these tabs between
/// rebuilds (<see cref="Keeps"/>): an edit changes a slide or two of a deck, so the page already
/// loaded takes in the slides that changed and measures only those (see <c>DeckMeasure.js</c>),
/// instead of loading the whole deck, its fonts and stylesheet again. When more than the slides
/// changed, or the kept page fails, the deck is loaded again and measured whole, as in a single build.
/// </summary>
internal sealed class DeckMeasuringPages : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (ChromiumBrowser Browser, LoadedDocument Page)> _kept = new(StringComparer.Ordinal);

    /// <summary>Whether the pages stay loaded after measuring, for the next build of the session.</summary>
    public bool Keeps { get; init; }

    /// <summary>
    /// The layout of <paramref name="draft"/>, measured in the page kept for <paramref name="key"/>
    /// (<c>Kept</c>) or in <paramref name="htmlPath"/> loaded anew; null after reporting why it could not be measured.
    /// </summary>
    public async Task<(DeckLayout Layout, bool Kept)?> MeasureAsync(
        ChromiumBrowser browser, string key, string htmlPath, DeckDraft draft, DiagnosticBag diagnostics, CancellationToken cancellation)
    {
        if (_kept.TryRemove(key, out var kept))
        {
            if (kept.Browser == browser && !browser.HasEnded)
            {
                // A kept page that fails or cannot take the new HTML is replaced; what it reported does not count.
                var answer = await kept.Page.EvaluateAsync(
                    DeckMeasure.Script, DeckMeasure.Argument(draft.Sections, draft.MeasuringHtml, fresh: false), new DiagnosticBag(), cancellation);
                if (answer is not null && answer != DeckMeasure.Reload)
                {
                    _kept[key] = kept;
                    return (DeckMeasure.Read(answer, draft.Sections), true);
                }
            }

            await kept.Page.DisposeAsync();
        }

        await File.WriteAllTextAsync(htmlPath, draft.MeasuringHtml, cancellation);
        var page = await browser.OpenAsync(htmlPath, Path.GetDirectoryName(htmlPath)!, diagnostics, cancellation, OverflowProbe.DeckView);
        if (page is null)
        {
            return null;
        }

        var measured = await page.EvaluateAsync(
            DeckMeasure.Script, DeckMeasure.Argument(draft.Sections, Keeps ? draft.MeasuringHtml : null), diagnostics, cancellation);
        if (measured is not null && Keeps)
        {
            _kept[key] = (browser, page);
        }
        else
        {
            await page.DisposeAsync();
        }

        return measured is null ? null : (DeckMeasure.Read(measured, draft.Sections), false);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var key in _kept.Keys)
        {
            if (_kept.TryRemove(key, out var kept))
            {
                await kept.Page.DisposeAsync();
            }
        }
    }
}
