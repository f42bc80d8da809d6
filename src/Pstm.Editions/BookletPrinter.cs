using Pstm.Diagnostics;
using Pstm.Pdf;

namespace Pstm.Editions;

/// <summary>
/// Prints a booklet whose table of contents shows page numbers: print, read where each heading landed,
/// write the numbers into the loaded page, print again, until the numbers no longer change. Unlike a
/// fixed two passes, this stays right when the numbers move the headings (a longer table of contents);
/// and a first guess (the numbers of the last build) that proves right makes it one print.
/// </summary>
public static class BookletPrinter
{
    private const int MaximumPasses = 5;

    /// <summary>
    /// Prints <paramref name="html"/> from <paramref name="htmlPath"/>, leaving there the HTML with its
    /// page numbers; returns the PDF and the page of each heading, or null after reporting why not.
    /// </summary>
    /// <param name="guess">Where the headings were last time, if known: printed in the first pass.</param>
    public static async Task<PrintedBooklet?> PrintAsync(
        ChromiumBrowser browser,
        string htmlPath,
        string html,
        IReadOnlyDictionary<string, int>? guess,
        DiagnosticBag diagnostics,
        CancellationToken cancellation)
    {
        var current = guess is null ? html : TocPageNumbers.Fill(html, guess);
        await File.WriteAllTextAsync(htmlPath, current, cancellation);
        await using var document = await browser.OpenAsync(htmlPath, Path.GetDirectoryName(htmlPath)!, diagnostics, cancellation);
        if (document is null)
        {
            return null;
        }

        for (var pass = 1; pass <= MaximumPasses; pass++)
        {
            var pdf = await document.PrintAsync(diagnostics, cancellation);
            if (pdf is null)
            {
                return null;
            }

            var pages = PdfDestinations.PagesByName(pdf);
            var filled = TocPageNumbers.Fill(html, pages);
            if (filled == current)
            {
                return new PrintedBooklet(pdf, pages, pass);
            }

            current = filled;
            await File.WriteAllTextAsync(htmlPath, current, cancellation);
            if (!await document.SetPageNumbersAsync(pages, diagnostics, cancellation))
            {
                return null;
            }
        }

        diagnostics.Add(PdfDiagnostics.PageNumbersUnstable.Create(
            SourceSpan.ForFile(htmlPath),
            $"the table of contents' page numbers still changed after {MaximumPasses} prints",
            "a template seems to make the table of contents' length depend on its page numbers; give the numbers a fixed width"));
        return null;
    }
}

/// <summary>A printed booklet, the page of each heading its table of contents points to, and how many prints it took.</summary>
public sealed record PrintedBooklet(byte[] Pdf, IReadOnlyDictionary<string, int> Pages, int Prints);
