using System.Globalization;
using System.Net;
using System.Text.Json;
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

    /// <summary>
    /// A script that fills the page-number elements of the loaded page in place, with the same text
    /// <see cref="Fill"/> gives them in the file.
    /// </summary>
    public static string Script(IReadOnlyDictionary<string, int> pages) =>
        "(pages => { for (const e of document.querySelectorAll('[data-toc-target]')) "
        + "e.textContent = Object.hasOwn(pages, e.dataset.tocTarget) ? String(pages[e.dataset.tocTarget]) : '?'; })("
        + JsonSerializer.Serialize(pages) + ")";

    [GeneratedRegex("""(?<open>data-toc-target="(?<id>[^"]*)"[^>]*>)[^<]*<""")]
    private static partial Regex Target();
}
