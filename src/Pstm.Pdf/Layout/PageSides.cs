using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pstm.Diagnostics;

namespace Pstm.Pdf.Layout;

/// <summary>
/// Keeps the elements that the stylesheet asks to start on a left or a right page
/// (<c>break-before: left | right | verso | recto</c>, page-sides.js) on that side, as Chromium does not:
/// it prints them after a plain page break. After a print, each one found on the wrong side gets a
/// blank page before it (<see cref="BlankPage"/>, without running heads or folio where the stylesheet
/// styles the page <c>pstm-blank</c>), or loses the blank it was given when the pages before it changed.
/// The page an element starts on is that of the first destination inside it (a heading a link points
/// to) or, when nothing follows it, the last page.
/// </summary>
public static partial class PageSides
{
    /// <summary>What is put before an element on the wrong side: an empty block on a page of its own.</summary>
    public const string BlankPage = """<div class="pstm-blank-page" style="break-before: page; page: pstm-blank" aria-hidden="true"></div>""";

    // How a build records, among the pages of its headings, the blank pages it put in, for the next
    // build to start from: an id has no spaces, so no heading's id can take this form.
    private const string BlankKey = "blank page before ";

    /// <summary>The ids that had a blank page before them, from pages recorded with <see cref="Recorded"/>.</summary>
    public static IReadOnlyList<string> BlanksOf(IReadOnlyDictionary<string, int>? pages) =>
        pages is null ? [] : [.. pages.Keys.Where(k => k.StartsWith(BlankKey, StringComparison.Ordinal)).Select(k => k[BlankKey.Length..]).Order(StringComparer.Ordinal)];

    /// <summary>The pages of the headings with the ids that have a blank page before them, to record.</summary>
    public static IReadOnlyDictionary<string, int> Recorded(IReadOnlyDictionary<string, int> pages, IEnumerable<string> blanks)
    {
        var recorded = pages.Where(p => !p.Key.StartsWith(BlankKey, StringComparison.Ordinal)).ToDictionary(StringComparer.Ordinal);
        foreach (var id in blanks)
        {
            recorded[BlankKey + id] = 0;
        }

        return recorded;
    }

    /// <summary><paramref name="html"/> with a blank page before each element of <paramref name="ids"/> it has, and the ids of those.</summary>
    public static (string Html, IReadOnlyList<string> Ids) WithBlanks(string html, IEnumerable<string> ids)
    {
        var found = ids.Where(id => StartTagOf(html, id) >= 0).ToList();
        return (Apply(html, new SideChanges(found, [], [])), found);
    }

    /// <summary>The elements of the loaded page that ask for a side, in document order; null after reporting why not.</summary>
    public static async Task<IReadOnlyList<SidedElement>?> FindAsync(LoadedDocument document, DiagnosticBag diagnostics, CancellationToken cancellation)
    {
        var (done, found) = await document.RunAsync(
            p => p.EvaluateFunctionAsync<JsonElement>(LayoutScripts.PageSides), "finding the pages that start on a side", diagnostics, cancellation);
        if (!done)
        {
            return null;
        }

        return found.ValueKind != JsonValueKind.Array
            ? []
            : found.EnumerateArray().Select(e => new SidedElement(
                e.GetProperty("side").GetString() == "left" ? PageSide.Left : PageSide.Right,
                e.GetProperty("id").ValueKind == JsonValueKind.String ? e.GetProperty("id").GetString() : null,
                e.GetProperty("ids").EnumerateArray().Select(id => id.GetString() ?? "").ToList(),
                e.GetProperty("last").GetBoolean(),
                e.GetProperty("name").GetString() ?? "")).ToList();
    }

    /// <summary>
    /// Where blank pages go now that the elements print on <paramref name="pages"/> (destination → page)
    /// of <paramref name="pageCount"/>, given those that have one already: the ids of the elements that
    /// must get one, and of those that must lose theirs. Elements whose page cannot be read, or that
    /// have no id to put a blank page before, are <c>Unplaced</c>.
    /// </summary>
    public static SideChanges Plan(IReadOnlyList<SidedElement> elements, IReadOnlyDictionary<string, int> pages, int pageCount, IReadOnlySet<string> withBlank)
    {
        var add = new List<string>();
        var remove = new List<string>();
        var unplaced = new List<SidedElement>();

        // A blank page added or taken away before an element moves every element after it by one page.
        var moved = 0;
        foreach (var element in elements)
        {
            var printed = element.Ids.Where(pages.ContainsKey).Select(id => pages[id]).DefaultIfEmpty(element.Last ? pageCount : 0).Min();
            if (printed == 0 || element.Id is null)
            {
                unplaced.Add(element);
                continue;
            }

            var onRight = (printed + moved) % 2 == 1;
            if (onRight == (element.Side == PageSide.Right))
            {
                continue;
            }

            if (withBlank.Contains(element.Id))
            {
                remove.Add(element.Id);
                moved--;
            }
            else
            {
                add.Add(element.Id);
                moved++;
            }
        }

        return new SideChanges(add, remove, unplaced);
    }

    /// <summary><paramref name="html"/> with a blank page put before each element of <paramref name="changes"/> to add, and taken from before each to remove.</summary>
    public static string Apply(string html, SideChanges changes)
    {
        foreach (var id in changes.Add)
        {
            var tag = StartTagOf(html, id);
            html = tag < 0 ? html : html.Insert(tag, BlankPage);
        }

        foreach (var id in changes.Remove)
        {
            var tag = StartTagOf(html, id);
            if (tag >= BlankPage.Length && string.CompareOrdinal(html, tag - BlankPage.Length, BlankPage, 0, BlankPage.Length) == 0)
            {
                html = html.Remove(tag - BlankPage.Length, BlankPage.Length);
            }
        }

        return html;
    }

    /// <summary>Makes the same changes as <see cref="Apply"/> in the loaded page; false after reporting why not.</summary>
    public static async Task<bool> ApplyAsync(LoadedDocument document, SideChanges changes, DiagnosticBag diagnostics, CancellationToken cancellation)
    {
        const string script = """
            ({ add, remove, blank }) => {
              for (const id of add) { document.getElementById(id)?.insertAdjacentHTML('beforebegin', blank); }
              for (const id of remove) {
                const before = document.getElementById(id)?.previousElementSibling;
                if (before?.classList.contains('pstm-blank-page')) { before.remove(); }
              }
              return '';
            }
            """;
        var (done, _) = await document.RunAsync(
            p => p.EvaluateFunctionAsync<string>(script, new { add = changes.Add, remove = changes.Remove, blank = BlankPage }),
            "putting blank pages before the pages that start on a side", diagnostics, cancellation);
        return done;
    }

    /// <summary>Where the start tag of the element with id <paramref name="id"/> begins in <paramref name="html"/>; -1 if nowhere.</summary>
    private static int StartTagOf(string html, string id)
    {
        foreach (Match tag in StartTag().Matches(html))
        {
            if (IdAttribute().Match(tag.Value) is { Success: true } attribute && WebUtility.HtmlDecode(attribute.Groups["id"].Value) == id)
            {
                return tag.Index;
            }
        }

        return -1;
    }

    [GeneratedRegex("""<[A-Za-z][^>]*\sid\s*=\s*["'][^"']*["'][^>]*>""")]
    private static partial Regex StartTag();

    [GeneratedRegex("""\sid\s*=\s*["'](?<id>[^"']*)["']""")]
    private static partial Regex IdAttribute();
}

/// <summary>The side of the spread a page is on: right (odd page numbers) or left.</summary>
public enum PageSide
{
    Left,
    Right,
}

/// <summary>An element that asks to start on <paramref name="Side"/>.</summary>
/// <param name="Id">Its id, which says where to put a blank page before it; null when it has none.</param>
/// <param name="Ids">Its id and those inside it: the first that is a destination of the PDF gives its page.</param>
/// <param name="Last">Whether nothing shown follows it: then it starts the last page.</param>
/// <param name="Name">Its tag and classes, to name it in a diagnostic.</param>
public sealed record SidedElement(PageSide Side, string? Id, IReadOnlyList<string> Ids, bool Last, string Name);

/// <summary>The ids of the elements to put a blank page before, and of those to take it from; the elements that cannot be placed.</summary>
public sealed record SideChanges(IReadOnlyList<string> Add, IReadOnlyList<string> Remove, IReadOnlyList<SidedElement> Unplaced)
{
    /// <summary>Whether a blank page is to be added or taken away.</summary>
    public bool Any => Add.Count > 0 || Remove.Count > 0;
}
