using System.Collections.Concurrent;
using Pstm.Diagnostics;

namespace Pstm.Pdf;

/// <summary>
/// Pages kept loaded between the builds of a session (<c>pstm build --watch</c>), one per key. An
/// edit changes a part or two of a document: the kept page takes in the parts of its <c>main</c> that
/// changed (see <c>page-patch.js</c>) instead of loading the whole document, its stylesheet and fonts
/// again. When more changed, the files it reads changed, or the page failed or asked for something
/// outside the build, the document is loaded anew, as in a single build. A page's own script is not
/// run again: what it drew at load from a part that changed stays as it was (in the shipped deck, the
/// presenter view's title of the next slide, which print does not show).
/// </summary>
public sealed class KeptPages : IAsyncDisposable
{
    private static readonly string PatchScript = ReadScript();

    private readonly ConcurrentDictionary<string, Kept> _kept = new(StringComparer.Ordinal);

    /// <summary>Whether pages stay loaded after a build, for the next one; when not, each is loaded anew and closed after use.</summary>
    public bool Keeps { get; init; }

    /// <summary>Whether a page is kept for <paramref name="key"/>.</summary>
    public bool Holds(string key) => _kept.ContainsKey(key);

    /// <summary>
    /// The document <paramref name="html"/>, already written to <paramref name="htmlPath"/>: the page kept
    /// for <paramref name="key"/> made that HTML's in place, or the file loaded anew in <paramref name="view"/>;
    /// null after reporting why it could not be loaded. <paramref name="resources"/> stands for the other
    /// files the page reads (images): when it differs from the kept page's, the page is loaded anew.
    /// </summary>
    public async Task<KeptPage?> OpenAsync(
        ChromiumBrowser browser, string key, string htmlPath, string html, string resources, PageView view, DiagnosticBag diagnostics, CancellationToken cancellation)
    {
        if (_kept.TryRemove(key, out var kept))
        {
            var patched = false;
            try
            {
                patched = kept.Browser == browser && !browser.HasEnded && kept.HtmlPath == htmlPath && kept.Resources == resources
                    && await PatchAsync(kept, html, view, cancellation);
            }
            finally
            {
                // Not patched, or cancelled while patching: its tab goes back to the browser.
                if (!patched)
                {
                    await kept.Document.DisposeAsync();
                }
            }

            if (patched)
            {
                return new KeptPage(this, key, kept with { Html = html }, wasKept: true);
            }
        }

        var document = await browser.OpenAsync(htmlPath, Path.GetDirectoryName(htmlPath)!, diagnostics, cancellation, view);
        return document is null ? null : new KeptPage(this, key, new Kept(browser, document, htmlPath, html, resources), wasKept: false);
    }

    // What the kept page reported when it could not be patched does not count: the page is loaded anew.
    private static async Task<bool> PatchAsync(Kept kept, string html, PageView view, CancellationToken cancellation)
    {
        var ignored = new DiagnosticBag();
        if (kept.Html != html)
        {
            // Only <main> may differ; the page compares its children (the head, with its fonts, is not sent).
            if (Main(kept.Html) is not var (oldStart, old, oldEnd) || Main(html) is not var (start, now, end)
                || oldStart != start || oldEnd != end
                || await kept.Document.EvaluateAsync(PatchScript, new { old, html = now }, ignored, cancellation) != "patched")
            {
                return false;
            }
        }

        return await kept.Document.ShowAsync(view, "showing the page", ignored, cancellation);
    }

    /// <summary>The HTML split around the content of its first <c>main</c> element; null without one.</summary>
    private static (string Start, string Content, string End)? Main(string html)
    {
        var open = html.IndexOf("<main", StringComparison.Ordinal);
        var content = open < 0 ? -1 : html.IndexOf('>', open) + 1;
        var close = html.LastIndexOf("</main>", StringComparison.Ordinal);
        return content <= 0 || close < content ? null : (html[..content], html[content..close], html[close..]);
    }

    /// <summary>Takes a page back after a build: kept for the next one when it can be, closed otherwise.</summary>
    internal async ValueTask ReturnAsync(string key, Kept page, bool keep)
    {
        if (keep && Keeps && !page.Document.Failed && !page.Document.AskedOutside && !page.Browser.HasEnded)
        {
            _kept[key] = page;
            return;
        }

        await page.Document.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var key in _kept.Keys)
        {
            if (_kept.TryRemove(key, out var kept))
            {
                await kept.Document.DisposeAsync();
            }
        }
    }

    private static string ReadScript()
    {
        using var stream = typeof(KeptPages).Assembly.GetManifestResourceStream("Pstm.Pdf.page-patch.js")
            ?? throw new InvalidOperationException("the script page-patch.js is not embedded in Pstm.Pdf");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>A page, the HTML it shows now and a fingerprint of the other files it read.</summary>
    internal sealed record Kept(ChromiumBrowser Browser, LoadedDocument Document, string HtmlPath, string Html, string Resources);
}
