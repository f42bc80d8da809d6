using Pstm.Diagnostics;
using Pstm.Pdf;
using Pstm.Pdf.Layout;

namespace Pstm.Editions;

/// <summary>
/// Prints a booklet whose table of contents shows page numbers. The numbers come from a guess (the
/// last build's numbers) or from a layout pass over the loaded page that paints nothing (a fraction
/// of a print's time); they are written into the page and the booklet is printed. The print's own
/// pages are checked against the numbers, and when they differ (a wrong guess, or numbers that moved
/// the headings) they are written in and the booklet printed again, until they agree.
/// </summary>
public static class BookletPrinter
{
    private const int MaximumPrints = 5;

    /// <summary>The HTML to load first: with the guessed page numbers, if any.</summary>
    public static string FirstHtml(string html, IReadOnlyDictionary<string, int>? guess) =>
        guess is null ? html : TocPageNumbers.Fill(PageSides.WithBlanks(html, PageSides.BlanksOf(guess)).Html, guess);

    /// <summary>
    /// Prints <paramref name="html"/> in <paramref name="document"/>, loaded from its
    /// <see cref="FirstHtml"/> written to <paramref name="htmlPath"/> (with its print stylesheet, so that
    /// the fonts the print needs load with the page, and the probe measures it as it is), leaving there
    /// the HTML with its page numbers; returns the PDF and the page of each heading, or null after
    /// reporting why not.
    /// </summary>
    /// <param name="guess">Where the headings were last time, if known: printed without a layout pass first.</param>
    /// <param name="finish">What makes the printed PDF final (<see cref="PdfFinisher"/>): it runs while the page is measured.</param>
    public static async Task<PrintedBooklet?> PrintAsync(
        LoadedDocument document,
        string htmlPath,
        string html,
        IReadOnlyDictionary<string, int>? guess,
        DiagnosticBag diagnostics,
        CancellationToken cancellation,
        Func<byte[], byte[]>? finish = null)
    {
        // The blank pages the last build put in come back with its page numbers (PageSides).
        var (withBlanks, guessedBlanks) = PageSides.WithBlanks(html, PageSides.BlanksOf(guess));
        html = withBlanks;
        var current = guess is null ? html : TocPageNumbers.Fill(html, guess);
        var layouts = 0;
        if (guess is null)
        {
            layouts++;
            if (await document.LayOutAsync(diagnostics, cancellation) is not { } pages)
            {
                return null;
            }

            current = TocPageNumbers.Fill(html, pages);
            await File.WriteAllTextAsync(htmlPath, current, cancellation);
            if (!await document.SetPageNumbersAsync(pages, diagnostics, cancellation))
            {
                return null;
            }
        }

        // The elements that ask to start on a side, and those given a blank page before them so far.
        IReadOnlyList<SidedElement>? sided = null;
        var blanks = new HashSet<string>(guessedBlanks, StringComparer.Ordinal);
        for (var prints = 1; prints <= MaximumPrints; prints++)
        {
            var pdf = await document.PrintAsync(diagnostics, cancellation);
            if (pdf is null)
            {
                return null;
            }

            var pages = PdfDestinations.PagesByName(pdf);
            sided ??= await PageSides.FindAsync(document, diagnostics, cancellation);
            if (sided is null)
            {
                return null;
            }

            var sides = PageSides.Plan(sided, pages, PdfDestinations.PageCount(pdf), blanks);
            if (prints == 1)
            {
                ReportUnplaced(sides.Unplaced, htmlPath, diagnostics);
            }

            if (sides.Any)
            {
                // The pages after a blank move: the print that follows says where they are now.
                html = PageSides.Apply(html, sides);
                blanks.UnionWith(sides.Add);
                blanks.ExceptWith(sides.Remove);
                if (!await PageSides.ApplyAsync(document, sides, diagnostics, cancellation))
                {
                    return null;
                }
            }

            var filled = TocPageNumbers.Fill(html, pages);
            if (filled == current)
            {
                // Measured in the tab that printed, after the last print: what does not fit, and the headings;
                // the browser measures while this process finishes the PDF.
                var finishing = Task.Run(() => finish?.Invoke(pdf), cancellation);
                var measured = await OverflowProbe.MeasureBookletAsync(document, diagnostics, cancellation);
                var finished = await finishing;
                return measured is null ? null : new PrintedBooklet(pdf, PageSides.Recorded(pages, blanks), prints, layouts) { Layout = measured, Finished = finished, Html = current };
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
            $"the table of contents' page numbers still changed after {MaximumPrints} prints",
            "a template seems to make the table of contents' length depend on its page numbers; give the numbers a fixed width"));
        return null;
    }

    private static void ReportUnplaced(IEnumerable<SidedElement> unplaced, string htmlPath, DiagnosticBag diagnostics)
    {
        foreach (var element in unplaced)
        {
            var side = element.Side == PageSide.Right ? "right" : "left";
            diagnostics.Add(PdfDiagnostics.SideUnplaced.Create(
                SourceSpan.ForFile(htmlPath),
                element.Id is null
                    ? $"the stylesheet asks the element {element.Name} to start on a {side}-hand page, but it has no id to put a blank page before it"
                    : $"the stylesheet asks the element {element.Name} (id \"{element.Id}\") to start on a {side}-hand page, but its page cannot be read: it holds no heading that a link points to",
                "give the element an id and a heading the table of contents links to, or make it the last page; or let it start on any page (break-before: page)"));
        }
    }
}

/// <summary>
/// A printed booklet, the page of each heading its table of contents points to (with the blank pages
/// put in, as <see cref="PageSides.Recorded"/> keeps them for the next build's guess), and what it took:
/// how many prints and how many layout passes.
/// </summary>
public sealed record PrintedBooklet(byte[] Pdf, IReadOnlyDictionary<string, int> Pages, int Prints, int Layouts)
{
    /// <summary>The booklet's layout as measured in the tab that printed it.</summary>
    public BookletLayout? Layout { get; init; }

    /// <summary>The PDF as the caller's <c>finish</c> made it final, if it gave one.</summary>
    public byte[]? Finished { get; init; }

    /// <summary>The HTML printed, with its page numbers: what the page shows now.</summary>
    public string Html { get; init; } = "";
}
