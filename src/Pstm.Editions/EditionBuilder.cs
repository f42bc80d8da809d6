using System.Reflection;
using Pstm.Diagnostics;
using Pstm.Pdf;
using Pstm.Pdf.Layout;
using Pstm.Plan;
using Pstm.Plan.Coverage;
using Pstm.Plan.Labels;
using Pstm.Plan.Model;
using Pstm.Plan.Translation;
using Pstm.Rendering;
using Pstm.Rendering.Booklet;
using Pstm.Rendering.Slides;
using Pstm.Rendering.Templates;

namespace Pstm.Editions;

/// <summary>
/// Builds a plan's editions: validates the plan, renders every requested locale, prints the PDFs with
/// one browser (editions in parallel, up to the processor count), and moves the outputs into place
/// only when all of them are complete.
/// </summary>
public static class EditionBuilder
{
    // The names of an edition's two outputs in the fingerprints and among the kept pages.
    internal const string BookletName = "booklet";
    internal const string SlidesName = "slides";

    private static readonly string[] BookletFiles = ["booklet.pdf", "booklet.html"];
    private static readonly string[] DeckFiles = ["slides.pdf", "slides.html"];

    public static string Generator { get; } =
        "pstm " + (typeof(EditionBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0");

    public static async Task<BuildResult> BuildAsync(BuildRequest request, CancellationToken cancellation)
    {
        // One browser for this build, ended when it is done, also on failure or cancellation.
        await using var session = new BuildSession();
        return await BuildAsync(request, session, cancellation);
    }

    internal static async Task<BuildResult> BuildAsync(BuildRequest request, BuildSession session, CancellationToken cancellation)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        void Report(string step) => request.Progress?.Invoke($"{step} ({started.Elapsed.TotalSeconds:0.0} s)");
        var diagnostics = new DiagnosticBag();

        // What validate checks, the build checks the same way: the plan, its translations, the templates, the date.
        var input = BuildInputCheck.Run(request.PlanDirectory, request.Locales, request.TemplatesDirectory, request.SourceDateEpoch, request.Strict);
        var check = input.Check;
        diagnostics.AddRange(input.Diagnostics);
        var unchanged = new List<string>();
        BuildResult Done(IReadOnlyList<string>? outputs = null) => new(diagnostics.ToSortedList(), outputs ?? [], check.Sources) { Unchanged = unchanged };

        if (check.HasErrors || check.Plan is not { } plan)
        {
            return Done();
        }

        var earlier = request.ChangesSince?.Load(diagnostics);
        var locales = input.Locales;
        var booklets = request.Targets.Count == 0 || request.Targets.Contains(BuildTarget.All) || request.Targets.Contains(BuildTarget.Booklet);
        var decks = request.Targets.Count == 0 || request.Targets.Contains(BuildTarget.All) || request.Targets.Contains(BuildTarget.Slides);
        if (SystemTempFolder.Check() is { } noTempFolder)
        {
            diagnostics.Add(noTempFolder);
        }

        if (diagnostics.HasErrors || !input.CanRender || input.Templates is not { } templates || input.Moment is not { } moment)
        {
            return Done();
        }

        // The output folder is this build's until it is done: another build into it waits its turn.
        using var output = await OutputFolder.OpenAsync(request.OutputDirectory, diagnostics, Report, cancellation);
        if (output is null)
        {
            return Done();
        }

        // Nothing read has changed since the last build: its outputs stand, and so does what it reported.
        var fingerprints = new BuildFingerprints(request.OutputDirectory);
        var expected = locales.SelectMany(locale => (booklets ? BookletFiles : []).Concat(decks ? DeckFiles : []).Select(f => $"{locale}/{f}")).ToList();
        var inputs = BuildInputs.Fingerprint(request, check, locales, $"{booklets}/{decks}", templates, input.Shown);
        var written = booklets ? expected.Concat(locales.SelectMany(locale => fingerprints.WrittenUnder($"{locale}/assets/"))) : expected;
        if (!request.Force && !request.Manifest && fingerprints.HasSameInputs(inputs, written))
        {
            diagnostics.AddRange(fingerprints.PreviousDiagnostics);
            Report("nothing changed since the last build");
            unchanged.AddRange(expected.Select(f => Path.Combine(request.OutputDirectory, f)));
            return Done();
        }

        // A first or forced build prints: the browser starts now and comes up while the editions render.
        if ((!fingerprints.Exists || request.Force || request.Manifest)
            && BrowserLocator.Locate(request.BrowserPath, new DiagnosticBag()) is { } early)
        {
            var documents = locales.Count * ((booklets ? 1 : 0) + (decks ? 1 : 0));
            session.StartBrowser(early, request.Timeout, cancellation, Math.Min(documents, PrintsAtOnce));
        }

        // Locales render side by side; their diagnostics are gathered in locale order.
        var rendered = await Task.WhenAll(check.Editions.Select(edition => Task.Run(() =>
        {
            var editionDiagnostics = new DiagnosticBag();
            var changes = earlier is null ? null : request.ChangesSince!.Changes(earlier, plan, edition.Plan, edition.Locale);
            var (booklet, deck) = input.Render(edition, booklets, decks, changes, editionDiagnostics, cancellation);
            return (Edition: new Edition(edition.Locale, booklet, deck, Metadata(edition.Plan, moment)), Diagnostics: editionDiagnostics);
        }, cancellation)));
        foreach (var (_, editionDiagnostics) in rendered)
        {
            diagnostics.AddRange(editionDiagnostics.ToSortedList());
        }

        var editions = rendered.Select(r => r.Edition).ToList();
        if (diagnostics.HasErrors)
        {
            return Done();
        }

        Report($"rendered {string.Join(", ", editions.Select(e => e.Locale))}");

        // Outputs made from the same inputs as last time are kept as they are: not printed, not rewritten.
        editions = editions.Select(edition => edition with
        {
            Booklet = Keep(edition.Locale, BookletName, edition.Booklet?.Html, edition.Booklet?.Assets, BookletFiles) ? edition.Booklet : null,
            Slides = Keep(edition.Locale, SlidesName, edition.Slides?.MeasuringHtml, null, DeckFiles) ? edition.Slides : null,
        }).ToList();

        // Assets map their names in the output to the templates' files.
        bool Keep(string locale, string target, string? html, IReadOnlyDictionary<string, string>? assets, string[] files)
        {
            if (html is null)
            {
                return false;
            }

            var key = $"{locale}/{target}";
            var fingerprint = BuildFingerprints.Of(html, assets?.Values ?? [], request.SourceDateEpoch);
            fingerprints.Record(key, fingerprint);
            var paths = files.Select(f => $"{locale}/{f}").ToList();
            var made = paths.Concat(assets?.Keys.Select(a => $"{locale}/{a}") ?? []);
            if (!request.Force && !request.Manifest && fingerprints.IsUnchanged(key, fingerprint, made))
            {
                unchanged.AddRange(paths.Select(p => Path.Combine(request.OutputDirectory, p)));

                // Not measured again: what its check found last time still holds, as an error with --strict.
                diagnostics.AddRange(LayoutCheck.Again(fingerprints.PreviousDiagnostics, paths[0], request.Strict));
                return false;
            }

            return true;
        }

        var anythingToPrint = editions.Any(e => e.Booklet is not null || e.Slides is not null);
        string? executable = null;
        if (anythingToPrint && (executable = BrowserLocator.Locate(request.BrowserPath, diagnostics)) is null)
        {
            return Done();
        }

        try
        {
            using var staging = new OutputStaging(request.OutputDirectory, session.StagingName);
            foreach (var edition in editions)
            {
                foreach (var (target, source) in edition.Booklet?.Assets ?? new Dictionary<string, string>())
                {
                    staging.Copy(source, Path.Combine(edition.Locale, target));
                }
            }

            // No browser is started when nothing needs printing.
            {
                var browser = anythingToPrint ? await session.BrowserAsync(executable!, request.Timeout, diagnostics, cancellation) : null;
                if (anythingToPrint && browser is null)
                {
                    return Done();
                }

                if (browser is not null)
                {
                    // A tab for each document printed at once; tabs go back to the browser after use, so a
                    // rebuild in --watch finds them open.
                    // Pages kept from the last build of a --watch session need none.
                    bool Loads(string locale, string page) => !session.Pages.Holds(PageKey(request.OutputDirectory, locale, page));
                    var documents = editions.Count(e => e.Booklet is not null && Loads(e.Locale, BookletName))
                        + editions.Count(e => e.Slides is not null && (Loads(e.Locale, MeasuringSlides) || Loads(e.Locale, SlidesName)));
                    browser.OpenSpareTabs(Math.Min(documents, PrintsAtOnce) - browser.SpareTabs);
                    Report("ready to print");
                }

                // One job per PDF, the long ones (booklets, printed until their page numbers settle) first.
                var locations = ItemLocations.Of(plan);
                var jobs = editions.Where(e => e.Booklet is not null)
                    .Select(e => (Func<Task<DiagnosticBag>>)(() => PrintBookletAsync(browser!, session, request.OutputDirectory, staging, e, fingerprints, locations, request.Strict, Report, cancellation)))
                    .Concat(editions.Where(e => e.Slides is not null)
                        .Select(e => (Func<Task<DiagnosticBag>>)(() => PrintDeckAsync(browser!, session, request.OutputDirectory, staging, e, locations, request.Strict, Report, cancellation))))
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
                foreach (var job in printed)
                {
                    diagnostics.AddRange(job.ToSortedList().Select(staging.AsFinal));
                }
            }

            if (diagnostics.HasErrors)
            {
                return Done();
            }

            // Stopped after the last print, but before anything is in place: still nothing is written.
            cancellation.ThrowIfCancellationRequested();
            if (request.Manifest)
            {
                ReleaseManifest.Write(staging);
            }

            var checkedPlan = check.Diagnostics.ToHashSet();
            fingerprints.RecordInputs(inputs, diagnostics.ToSortedList().Where(d => !checkedPlan.Contains(d)));
            fingerprints.RecordFiles(staging.Root);
            staging.WriteAllText(BuildFingerprints.FileName, fingerprints.Serialize());
            return Done(staging.Commit(diagnostics));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A full disk, a folder made read-only during the build: the previous outputs stay as they were.
            diagnostics.Add(PdfDiagnostics.OutputNotWritten.Create(
                SourceSpan.ForFile(request.OutputDirectory),
                $"the outputs cannot be written: {exception.Message}",
                "check that the output folder is writable and that the disk has room"));
            return Done();
        }
    }

    /// <summary>What one locale's edition holds before printing.</summary>
    private sealed record Edition(string Locale, RenderedBooklet? Booklet, DeckDraft? Slides, PdfMetadata Metadata);

    // Chromium lays out and paints a page on one core per tab: one print per core, plus one to keep
    // the cores busy while another print waits for its PDF to travel back.
    private static int PrintsAtOnce => Environment.ProcessorCount + 1;

    private static async Task<DiagnosticBag> PrintBookletAsync(
        ChromiumBrowser browser, BuildSession session, string outputDirectory, OutputStaging staging, Edition edition, BuildFingerprints fingerprints, ItemLocations locations, bool strict, Action<string> report, CancellationToken cancellation)
    {
        var diagnostics = new DiagnosticBag();
        var folder = staging.PathOf(edition.Locale);
        Directory.CreateDirectory(folder);
        var key = $"{edition.Locale}/{BookletName}";
        var pageKey = PageKey(outputDirectory, edition.Locale, BookletName);
        var path = Path.Combine(folder, "booklet.html");
        var guess = fingerprints.PagesOf(key);
        var first = BookletPrinter.FirstHtml(edition.Booklet!.Html, guess);
        await File.WriteAllTextAsync(path, first, cancellation);
        await using var page = await session.Pages.OpenAsync(
            browser, pageKey, path, first, ResourcesOf(session, edition), session.BookletViews.GetValueOrDefault(pageKey) ?? OverflowProbe.BookletView, diagnostics, cancellation);
        var printed = page is null ? null : await BookletPrinter.PrintAsync(
            page.Document, path, edition.Booklet.Html, guess, diagnostics, cancellation, pdf => PdfFinisher.Finish(pdf, edition.Metadata with { Language = edition.Locale }));
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
    private static async Task<DiagnosticBag> PrintDeckAsync(
        ChromiumBrowser browser, BuildSession session, string outputDirectory, OutputStaging staging, Edition edition, ItemLocations locations, bool strict, Action<string> report, CancellationToken cancellation)
    {
        var diagnostics = new DiagnosticBag();
        var folder = staging.PathOf(edition.Locale);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "slides.html");
        var draft = edition.Slides!;
        var resources = ResourcesOf(session, edition);
        DeckLayout? layout;
        bool kept;
        await File.WriteAllTextAsync(path, draft.MeasuringHtml, cancellation);
        await using (var measuring = await session.Pages.OpenAsync(
            browser, PageKey(outputDirectory, edition.Locale, MeasuringSlides), path, draft.MeasuringHtml, resources, OverflowProbe.DeckView, diagnostics, cancellation))
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

        // Printed with its print stylesheet (one 16:9 page per slide), then checked on its canvas in the
        // same tab while this process finishes the PDF.
        staging.WriteAllText(Path.Combine(edition.Locale, "slides.html"), html);
        await using var page = await session.Pages.OpenAsync(
            browser, PageKey(outputDirectory, edition.Locale, SlidesName), path, html, resources, OverflowProbe.DeckView, diagnostics, cancellation);
        var pdf = page is null ? null : await page.Document.PrintAsync(diagnostics, cancellation);
        if (pdf is not null)
        {
            var finishing = Task.Run(() => PdfFinisher.Finish(pdf, edition.Metadata with { Language = edition.Locale }), cancellation);
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
    private static string PageKey(string outputDirectory, string locale, string page) => $"{outputDirectory}|{locale}/{page}";

    /// <summary>
    /// The files an edition's pages read beside their HTML (the booklet's assets, copied beside it), as
    /// a fingerprint: a page kept from the last build is loaded anew when one of them changed.
    /// </summary>
    private static string ResourcesOf(BuildSession session, Edition edition) => session.Pages.Keeps
        ? BuildFingerprints.Of("", edition.Booklet?.Assets?.Values ?? [], null)
        : "";

    private static PdfMetadata Metadata(StrategicPlan plan, DateTimeOffset moment) => new(
        Title: Rendering.Text.HtmlText.PlainText(plan.Title),
        Author: plan.Entity,
        Subject: Rendering.Text.HtmlText.PlainText(plan.Subtitle ?? plan.ShortTitle ?? plan.Title),
        Keywords: string.Join(", ", plan.Keywords),
        Creator: Generator,
        Language: plan.Language,
        Date: moment);
}
