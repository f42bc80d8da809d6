namespace Pstm.Pdf;

/// <summary>
/// A page from <see cref="KeptPages"/> for one build. Disposing it gives it back: kept for the next build
/// if <see cref="KeepAs"/> said what it shows, closed otherwise.
/// </summary>
public sealed class KeptPage : IAsyncDisposable
{
    private readonly KeptPages _pages;
    private readonly string _key;
    private KeptPages.Kept _page;
    private bool _keep;

    internal KeptPage(KeptPages pages, string key, KeptPages.Kept page, bool wasKept)
    {
        _pages = pages;
        _key = key;
        _page = page;
        WasKept = wasKept;
    }

    public LoadedDocument Document => _page.Document;

    /// <summary>Whether the page was kept from the last build (patched, not loaded).</summary>
    public bool WasKept { get; }

    /// <summary>The page shows <paramref name="html"/> now (the HTML it was opened with, or what the caller changed in it to match): it may be kept.</summary>
    public void KeepAs(string html)
    {
        _page = _page with { Html = html };
        _keep = true;
    }

    public ValueTask DisposeAsync() => _pages.ReturnAsync(_key, _page, _keep);
}
