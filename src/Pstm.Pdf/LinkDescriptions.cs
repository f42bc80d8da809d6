using System.Net;
using System.Text.RegularExpressions;

namespace Pstm.Pdf;

/// <summary>
/// What each link of a document says, by its target ("#chapter-C1" or an address): the text a
/// reader sees on it, which the finished PDF gives each link annotation as its /Contents (PDF/UA).
/// </summary>
public static partial class LinkDescriptions
{
    /// <summary>The links of <paramref name="html"/> by their href, each with its text as plain text; the first link to a target names it.</summary>
    public static IReadOnlyDictionary<string, string> FromHtml(string html)
    {
        var descriptions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match link in Link().Matches(html))
        {
            // A page number (filled in later) and what is hidden from assistive technology are no part of what the link says.
            var shown = Unsaid().Replace(link.Groups["text"].Value, " ");
            var text = Spaces().Replace(WebUtility.HtmlDecode(Tag().Replace(shown, " ")), " ").Trim();
            if (text.Length > 0)
            {
                descriptions.TryAdd(WebUtility.HtmlDecode(link.Groups["href"].Value), text);
            }
        }

        return descriptions;
    }

    [GeneratedRegex("""<a\b[^>]*?\bhref="(?<href>[^"]*)"[^>]*>(?<text>.*?)</a>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    [GeneratedRegex("""<span\b[^>]*\b(?:data-toc-target|aria-hidden="true")[^>]*>[^<]*</span>""", RegexOptions.IgnoreCase)]
    private static partial Regex Unsaid();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
