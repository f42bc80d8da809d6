using Pstm.Diagnostics;
using Pstm.Pdf;
using Pstm.Pdf.Layout;
using Pstm.Rendering;
using Pstm.Rendering.Slides;

namespace Pstm.Editions;

/// <summary>
/// The print stage of a build: prints each edition's booklet and deck in the session's browser (in its
/// kept pages when it has them), measures them, checks their layout, and writes the PDFs into the staging folder.
/// </summary>
internal sealed class EditionPrinter(
    ChromiumBrowser browser, BuildSession session, string outputDirectory, OutputStaging staging, BuildFingerprints fingerprints, ItemLocations locations, bool strict, Action<string> report)
{
    // Chromium lays out and paints a page on one core per tab: one print per core, plus one to keep
    // the cores busy while another print waits for its PDF to travel back.
    public static int PrintsAtOnce => Environment.ProcessorCount + 1;

    /// <summary>Prints every edition, the long jobs (booklets, printed until their page numbers settle) first; their diagnostics as they will read once in place.</summary>
    public async Task<IReadOnlyList<Diagnostic>> PrintAsync(IReadOnlyList<EditionToPrint> editions, CancellationToken cancellation)
    {
        // A tab for each document printed at once; tabs go back to the browser after use, so a rebuild in
        // --watch finds them open. Pages kept from the last build of a --watch session need none.
        bool Loads(string locale, string page) => !session.Pages.Holds(PageKey(locale, page));
        var documents = editions.Count(e => e.Booklet is not null && Loads(e.Locale, EditionBuilder.BookletName))
            + editions.Count(e => e.Slides is not null && (Loads(e.Locale, MeasuringSlides) || Loads(e.Locale, EditionBuilder.SlidesName)));
        browser.OpenSpareTabs(Math.Min(documents, PrintsAtOnce) - browser.SpareTabs);
        report("ready to print");

        var jobs = editions.Where(e => e.Booklet is not null).Select(e => (Func<Task<DiagnosticBag>>)(() => PrintBookletAsync(e, cancellation)))
            .Concat(editions.Where(e => e.Slides is not null).Select(e => (Func<Task<DiagnosticBag>>)(() => PrintDeckAsync(e, cancellation))))
            .ToList();
        using var gate = new SemaphoreSlim(PrintsAtOnce);
        var printed = await Task.WhenAll(jobs.Select(async job =>
        {
            await gate.WaitAsync(cancellation);
            try
            {
                return await job();
            }
            finally
            {
                gate.Release();
            }
        }));
        return [.. printed.SelectMany(job => job.ToSortedList()).Select(staging.AsFinal)];
    }

    private async Task<DiagnosticBag> PrintBookletAsync(EditionToPrint edition, CancellationToken cancellation)
    {
        var diagnostics = new DiagnosticBag();
        var folder = staging.PathOf(edition.Locale);
        Directory.CreateDirectory(folder);
        var key = $"{edition.Locale}/{EditionBuilder.BookletName}";
        var pageKey = PageKey(edition.Locale, EditionBuilder.BookletName);
        var path = Path.Combine(folder, "booklet.html");
        var guess = fingerprints.PagesOf(key);
        var first = BookletPrinter.FirstHtml(edition.Booklet!.Html, guess);
        await File.WriteAllTextAsync(path, first, cancellation);
        await using var page = await session.Pages.OpenAsync(
            browser, pageKey, path, first, ResourcesOf(edition), session.BookletViews.GetValueOrDefault(pageKey) ?? OverflowProbe.BookletView, diagnostics, cancellation);
        var printed = page is null ? null : await BookletPrinter.PrintAsync(
            page.Document, path, edition.Booklet.Html, guess, diagnostics, cancellation, pdf => PdfFinisher.Finish(pdf, edition.Metadata with { Language = edition.Locale }, LinkDescriptions.FromHtml(edition.Booklet.Html)));
        if (printed is not null)
        {
            fingerprints.RecordPages(key, printed.Pages);
            var output = $"{edition.Locale}/booklet.pdf";
            diagnostics.AddRange(LayoutCheck.Overflows(printed.Layout?.Overflows ?? [], locations, output, strict));
            if (printed.Layout is { } layout)
            {
                // The next build of the session finds the booklet in the view it is measured in.
                session.BookletViews[pageKey] = OverflowProbe.BookletViewOf(layout.Page);
                page!.KeepAs(printed.Html);
                diagnostics.AddRange(LayoutCheck.HeadingsAtPageFoot(PageFootHeadings.Find(printed.Pdf, layout, printed.Pages), locations, output, strict));
            }

            staging.WriteAllBytes(Path.Combine(edition.Locale, "booklet.pdf"), printed.Finished!);
            var passes = printed.Layouts == 0 ? "" : $"{printed.Layouts} layout pass{(printed.Layouts == 1 ? "" : "es")} and ";
            report($"printed {edition.Locale}/booklet.pdf: {passes}{printed.Prints} print{(printed.Prints == 1 ? "" : "s")}{(page!.WasKept ? " in the kept page" : "")}");
        }

        return diagnostics;
    }

    /// <summary>
    /// Measures the deck (its measuring version, every section on one slide), renders it cut as
    /// measured, writes it as slides.html and prints that.
    /// </summary>
    private async Task<DiagnosticBag> PrintDeckAsync(EditionToPrint edition, CancellationToken cancellation)
    {
        var diagnostics = new DiagnosticBag();
        var folder = staging.PathOf(edition.Locale);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "slides.html");
        var draft = edition.Slides!;
        var resources = ResourcesOf(edition);
        DeckLayout? layout;
        bool kept;
        await File.WriteAllTextAsync(path, draft.MeasuringHtml, cancellation);
        await using (var measuring = await session.Pages.OpenAsync(
            browser, PageKey(edition.Locale, MeasuringSlides), path, draft.MeasuringHtml, resources, OverflowProbe.DeckView, diagnostics, cancellation))
        {
            if (measuring is null
                || await measuring.Document.EvaluateAsync(DeckMeasure.Script, DeckMeasure.Argument(draft.Sections, session.Pages.Keeps), diagnostics, cancellation) is not { } answer)
            {
                return diagnostics;
            }

            // The measure puts each slide back as it was: the page still shows its HTML.
            measuring.KeepAs(draft.MeasuringHtml);
            layout = DeckMeasure.Read(answer, draft.Sections);
            kept = measuring.WasKept;
        }

        var (slides, html) = draft.Finish(layout, diagnostics, strict, cancellation);
        report($"measured {edition.Locale}/slides.html: {slides.Count} slides, {layout.Milliseconds:0} ms in the {(kept ? "kept " : "")}page");
        if (html is null)
        {
            return diagnostics;
        }

        // Printed with its print stylesheet (one page per slide, as large as its canvas), then checked on
        // its canvas in the same tab while this process finishes the PDF.
        staging.WriteAllText(Path.Combine(edition.Locale, "slides.html"), html);
        await using var page = await session.Pages.OpenAsync(
            browser, PageKey(edition.Locale, EditionBuilder.SlidesName), path, html, resources, OverflowProbe.DeckView, diagnostics, cancellation);
        var pdf = page is null ? null : await page.Document.PrintAsync(diagnostics, cancellation);
        if (pdf is not null)
        {
            var finishing = Task.Run(() => PdfFinisher.Finish(pdf, edition.Metadata with { Language = edition.Locale }, LinkDescriptions.FromHtml(html)), cancellation);
            var overflows = await OverflowProbe.MeasureDeckAsync(page!.Document, diagnostics, cancellation);
            diagnostics.AddRange(LayoutCheck.Overflows(overflows ?? [], locations, $"{edition.Locale}/slides.pdf", strict));
            staging.WriteAllBytes(Path.Combine(edition.Locale, "slides.pdf"), await finishing);
            if (overflows is not null)
            {
                page.KeepAs(html);
            }

            report($"printed {edition.Locale}/slides.pdf{(page.WasKept ? " in the kept page" : "")}");
        }

        return diagnostics;
    }

    // The deck's measuring version, loaded in a page of its own.
    private const string MeasuringSlides = "measuring slides";

    /// <summary>The key of an edition's page among the session's kept pages.</summary>
    private string PageKey(string locale, string page) => $"{outputDirectory}|{locale}/{page}";

    /// <summary>
    /// The files an edition's pages read beside their HTML (the booklet's assets, copied beside it), as
    /// a fingerprint: a page kept from the last build is loaded anew when one of them changed.
    /// </summary>
    private string ResourcesOf(EditionToPrint edition) => session.Pages.Keeps
        ? BuildFingerprints.Of("", edition.Booklet?.Assets?.Values ?? [], null)
        : "";
}
