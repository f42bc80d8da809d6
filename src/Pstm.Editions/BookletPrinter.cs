using Pstm.Diagnostics;
using Pstm.Pdf;

namespace Pstm.Editions;

/// <summary>
/// Prints a booklet whose table of contents shows page numbers: print, read where each heading landed,
/// fill the numbers in, print again, until the numbers no longer change. Unlike a fixed two passes,
/// this stays right when filling the numbers in moves the headings (a longer table of contents).
/// </summary>
public static class BookletPrinter
{
    private const int MaximumPasses = 5;

    /// <summary>
    /// Prints <paramref name="html"/> from <paramref name="htmlPath"/>, leaving there the HTML with its
    /// page numbers; returns the PDF, or null after reporting why not.
    /// </summary>
    public static async Task<byte[]?> PrintAsync(
        ChromiumBrowser browser, string htmlPath, string html, DiagnosticBag diagnostics, CancellationToken cancellation)
    {
        var current = html;
        var folder = Path.GetDirectoryName(htmlPath)!;
        for (var pass = 1; pass <= MaximumPasses; pass++)
        {
            await File.WriteAllTextAsync(htmlPath, current, cancellation);
            var pdf = await browser.PrintAsync(htmlPath, folder, pass == 1 ? diagnostics : new DiagnosticBag(), cancellation);
            if (pdf is null)
            {
                return null;
            }

            var filled = TocPageNumbers.Fill(html, PdfDestinations.PagesByName(pdf));
            if (filled == current)
            {
                return pdf;
            }

            current = filled;
        }

        diagnostics.Add(PdfDiagnostics.PageNumbersUnstable.Create(
            SourceSpan.ForFile(htmlPath),
            $"the table of contents' page numbers still changed after {MaximumPasses} prints",
            "a template seems to make the table of contents' length depend on its page numbers; give the numbers a fixed width"));
        return null;
    }
}
