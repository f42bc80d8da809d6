namespace Pstm.Pdf;

/// <summary>
/// The Content-Security-Policy of every page pstm loads to print: the page may use its own files and
/// inline styles and scripts, and nothing else. It holds whatever the templates are, because pstm puts
/// it on the page as the page's own response header, not the template.
/// </summary>
public static class PagePolicy
{
    /// <summary>
    /// The policy: files (which the browser's request filter limits to the build's folder), inline
    /// styles and scripts (the deck's runtime), data URLs for fonts and images (the deck inlines its
    /// fonts); no connections (fetch, WebSocket, EventSource, beacons), frames, workers, objects or forms.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src file: 'unsafe-inline'; style-src file: 'unsafe-inline'; " +
        "font-src file: data:; img-src file: data:; media-src file: data:; " +
        "connect-src 'none'; frame-src 'none'; child-src 'none'; worker-src 'none'; object-src 'none'; " +
        "manifest-src 'none'; prefetch-src 'none'; form-action 'none'; base-uri 'none'";
}
