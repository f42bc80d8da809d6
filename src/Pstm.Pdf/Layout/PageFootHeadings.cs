using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Pstm.Pdf.Layout;

/// <summary>
/// Finds, in a printed booklet, the headings left alone at the foot of a page: the text of the
/// heading's page, between its top and bottom margins (where the running header and footer are),
/// ends with the heading's own text, although the heading does not end its page on purpose.
/// </summary>
public static class PageFootHeadings
{
    /// <summary>
    /// The headings of <paramref name="layout"/> printed alone at a page's foot in <paramref name="pdf"/>,
    /// with their page; <paramref name="pages"/> are the PDF's destinations when they have been read already.
    /// </summary>
    public static IReadOnlyList<(PageHeading Heading, int Page)> Find(byte[] pdf, BookletLayout layout, IReadOnlyDictionary<string, int>? pages = null)
    {
        if (layout.Page is null)
        {
            return [];
        }

        pages ??= PdfDestinations.PagesByName(pdf);
        using var document = PdfDocument.Open(pdf);
        var texts = new Dictionary<int, string>();
        var found = new List<(PageHeading, int)>();
        foreach (var heading in layout.Headings.Where(h => !h.Ends))
        {
            if (!pages.TryGetValue(heading.Id, out var number) || number > document.NumberOfPages)
            {
                continue;
            }

            if (!texts.TryGetValue(number, out var text))
            {
                texts[number] = text = BodyText(document.GetPage(number), layout.Page);
            }

            var own = Letters(heading.Text);
            if (own.Length > 0 && text.EndsWith(own, StringComparison.Ordinal))
            {
                found.Add((heading, number));
            }
        }

        return found;
    }

    /// <summary>
    /// The page's text between its top and bottom margins, line by line from the top, as letters only
    /// (PdfPig and the browser may split words and lines differently, never letters). Read letter by
    /// letter, ordered by their baseline, which every letter of a line shares: grouping them into
    /// words first took as long again as reading the page.
    /// </summary>
    private static string BodyText(Page page, PageBox box)
    {
        var top = page.Height - (box.Top * PageBox.PointsPerPixel);
        var foot = box.Bottom * PageBox.PointsPerPixel;
        var letters = page.Letters
            .Where(l => l.BoundingBox.Bottom >= foot - 1 && l.BoundingBox.Top <= top + 1)
            .OrderByDescending(l => Math.Round(l.StartBaseLine.Y / 2))
            .ThenBy(l => l.StartBaseLine.X);
        var text = new StringBuilder();
        foreach (var letter in letters)
        {
            text.Append(Letters(letter.Value));
        }

        return text.ToString();
    }

    private static string Letters(string text) =>
        new(text.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
}
