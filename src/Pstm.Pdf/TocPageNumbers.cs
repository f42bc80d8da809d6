using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Pstm.Pdf;

/// <summary>
/// The template contract for page numbers: an element with <c>data-toc-target="ID"</c> gets, as its
/// text, the number of the page where the element with that id is printed.
/// </summary>
public static partial class TocPageNumbers
{
    /// <summary>The ids that the HTML asks page numbers for, in order.</summary>
    public static IReadOnlyList<string> Targets(string html) =>
        Target().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["id"].Value)).ToList();

    /// <summary>The HTML with every page-number element filled in from <paramref name="pages"/> ("?" when unknown).</summary>
    public static string Fill(string html, IReadOnlyDictionary<string, int> pages) =>
        Target().Replace(html, match =>
        {
            var id = WebUtility.HtmlDecode(match.Groups["id"].Value);
            var number = pages.TryGetValue(id, out var page) ? page.ToString(CultureInfo.InvariantCulture) : "?";
            return match.Groups["open"].Value + number + "<";
        });

    [GeneratedRegex("""(?<open>data-toc-target="(?<id>[^"]*)"[^>]*>)[^<]*<""")]
    private static partial Regex Target();
}
