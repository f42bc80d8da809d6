using System.Text.RegularExpressions;

namespace Pstm.Rendering.Slides;

/// <summary>
/// The Content-Security-Policy written into the deck, for readers who open slides.html from disk: the
/// deck may run its inline script and use its inline styles and data-URL fonts and images, and reach
/// nothing else. pstm puts it first in the head whatever the layout template, so that no script of
/// the template runs before it.
/// </summary>
public static partial class DeckPolicy
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; font-src data:; img-src data:; media-src data:; " +
        "connect-src 'none'; frame-src 'none'; child-src 'none'; worker-src 'none'; object-src 'none'; manifest-src 'none'; " +
        "form-action 'none'; base-uri 'none'";

    private const string Meta = $"<meta http-equiv=\"Content-Security-Policy\" content=\"{ContentSecurityPolicy}\">";

    /// <summary>
    /// <paramref name="html"/> with the policy's meta element just after its head start tag; a page
    /// without one gets it after the doctype, where the parser opens the head for it.
    /// </summary>
    public static string Apply(string html)
    {
        var head = HeadStartTag().Match(html);
        if (head.Success)
        {
            return html.Insert(head.Index + head.Length, "\n" + Meta);
        }

        var doctype = Doctype().Match(html);
        return html.Insert(doctype.Success ? doctype.Index + doctype.Length : 0, Meta);
    }

    // Before any script or comment: a head tag after a script would leave that script out of the
    // policy, and one in a comment is no tag.
    [GeneratedRegex(@"\A(?:(?!<script|<!--)[\s\S])*?<head(?:\s[^>]*)?>", RegexOptions.IgnoreCase)]
    private static partial Regex HeadStartTag();

    [GeneratedRegex(@"\A\s*<!DOCTYPE[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Doctype();
}
