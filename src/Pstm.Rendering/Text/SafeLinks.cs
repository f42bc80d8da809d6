using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Pstm.Rendering.Text;

/// <summary>
/// Keeps the links and images of Markdown texts to web, mail and in-document addresses. Any other
/// scheme (<c>javascript:</c>, <c>vbscript:</c>, <c>data:</c>, <c>file:</c>…) would run code or reach
/// outside the build when a reader clicks, so such a link becomes its text and such an image its
/// description.
/// </summary>
internal static class SafeLinks
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    public static void Apply(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>().Where(l => !IsSafe(l.Url)).ToList())
        {
            Unwrap(link);
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().Where(l => !IsSafe(l.Url)).ToList())
        {
            autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }
    }

    /// <summary>
    /// True for a relative address, a fragment, or an allowed scheme. Markdig has already decoded
    /// entities (<c>jav&amp;#x61;script:</c>); browsers also ignore tabs, newlines and control
    /// characters inside a scheme, so they are dropped before it is read.
    /// </summary>
    public static bool IsSafe(string? url)
    {
        var compact = new string((url ?? "").Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon < 0 ? "" : compact[..colon];
        var hasScheme = scheme.Length > 0 && char.IsAsciiLetter(scheme[0]) && scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');
        return !hasScheme
            ? colon < 0 || compact.IndexOfAny(['/', '?', '#']) is var slash && slash >= 0 && slash < colon
            : AllowedSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase);
    }

    // The link's text (an image's description) takes the link's place.
    private static void Unwrap(LinkInline link)
    {
        if (link.IsImage)
        {
            link.ReplaceBy(new LiteralInline(string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()))));
            return;
        }

        Inline anchor = link;
        foreach (var child in link.ToList())
        {
            child.Remove();
            anchor.InsertAfter(child);
            anchor = child;
        }

        link.Remove();
    }
}
