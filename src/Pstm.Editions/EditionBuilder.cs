using System.Reflection;
using Pstm.Diagnostics;
using Pstm.Pdf;
using Pstm.Plan;
using Pstm.Plan.Coverage;
using Pstm.Plan.Labels;
using Pstm.Plan.Model;
using Pstm.Plan.Translation;
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
    public const string Booklet = "booklet";
    public const string Slides = "slides";
    public const string All = "all";

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
        // The plan's labels are checked against the keys of the templates it is built with.
        var labelKeys = request.TemplatesDirectory is null ? LabelKeys.Shipped : LabelKeys.InTemplates(request.TemplatesDirectory, Directory.GetCurrentDirectory(), diagnostics);
        var check = PlanCheck.Run(request.PlanDirectory, labelKeys: labelKeys);
        diagnostics.AddRange(check.Diagnostics);
        var unchanged = new List<string>();
        BuildResult Done(IReadOnlyList<string>? outputs = null) => new(diagnostics.ToSortedList(), outputs ?? [], check.Sources) { Unchanged = unchanged };

        if (check.HasErrors || check.Plan is not { } plan || check.Coverage is not { } coverage)
        {
            return Done();
        }

        var earlier = request.ChangesSince?.Load(diagnostics);
        var locales = Locales(plan, request.Locales, diagnostics);
        var booklets = request.Targets.Count == 0 || request.Targets.Contains(All) || request.Targets.Contains(Booklet);
        var decks = request.Targets.Count == 0 || request.Targets.Contains(All) || request.Targets.Contains(Slides);
        var moment = EditionDate.Resolve(plan, request.SourceDateEpoch, diagnostics);
        var templates = TemplateFolder.Open(request.TemplatesDirectory ?? BuildRequest.ShippedTemplates, Directory.GetCurrentDirectory(), diagnostics);
        if (SystemTempFolder.Check() is { } noTempFolder)
        {
            diagnostics.Add(noTempFolder);
        }

        if (diagnostics.HasErrors || templates is null || moment is null)
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
        var inputs = BuildInputs.Fingerprint(request, check, locales, $"{booklets}/{decks}", templates, EditionDate.Shown(plan, moment.Value));
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
            session.StartBrowser(early, request.Timeout, cancellation);
        }

        // Locales render side by side; their diagnostics are gathered in locale order.
        var rendered = await Task.WhenAll(locales.Select(locale => Task.Run(() =>
        {
            var editionDiagnostics = new DiagnosticBag();
            var edition = Translator.Edition(plan, request.PlanDirectory, locale, Directory.GetCurrentDirectory(), request.Strict, editionDiagnostics, labelKeys);
            var editionCoverage = ReferenceEquals(edition, plan) ? coverage : CoverageReport.Compute(edition);

            var options = new BookletOptions(locale, EditionDate.Shown(plan, moment.Value), Generator, FallbackLanguage: plan.Language)
            {
                Changes = earlier is null ? null : request.ChangesSince!.Changes(earlier, plan, edition, locale),
            };
            var booklet = booklets ? BookletRenderer.Render(edition, editionCoverage, templates, options, editionDiagnostics, cancellation) : null;
            var deck = decks ? SlidesRenderer.Render(edition, editionCoverage, templates, options, editionDiagnostics, cancellation) : null;
            return (Edition: new Edition(locale, booklet, deck, Metadata(edition, moment.Value)), Diagnostics: editionDiagnostics);
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
            Booklet = Keep(edition.Locale, Booklet, edition.Booklet?.Html, edition.Booklet?.Assets, BookletFiles) ? edition.Booklet : null,
            Slides = Keep(edition.Locale, Slides, edition.Slides, null, DeckFiles) ? edition.Slides : null,
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
            using var staging = new OutputStaging(request.OutputDirectory);
            foreach (var edition in editions)
            {
                foreach (var (target, source) in edition.Booklet?.Assets ?? new Dictionary<string, string>())
                {
                    staging.Copy(source, Path.Combine(edition.Locale, target));
                }

                if (edition.Slides is not null)
                {
                    staging.WriteAllText(Path.Combine(edition.Locale, "slides.html"), edition.Slides);
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
                    var documents = editions.Count(e => e.Booklet is not null) + editions.Count(e => e.Slides is not null);
                    browser.OpenSpareTabs(Math.Min(documents, PrintsAtOnce) - browser.SpareTabs);
                    Report("ready to print");
                }

                // One job per PDF, the long ones (booklets, printed until their page numbers settle) first.
                var jobs = editions.Where(e => e.Booklet is not null)
                    .Select(e => (Func<Task<DiagnosticBag>>)(() => PrintBookletAsync(browser!, staging, e, fingerprints, Report, cancellation)))
                    .Concat(editions.Where(e => e.Slides is not null)
                        .Select(e => (Func<Task<DiagnosticBag>>)(() => PrintDeckAsync(browser!, staging, e, Report, cancellation))))
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
    private sealed record Edition(string Locale, RenderedBooklet? Booklet, string? Slides, PdfMetadata Metadata);

    // Chromium lays out and paints a page on one core per tab: one print per core, plus one to keep
    // the cores busy while another print waits for its PDF to travel back.
    private static int PrintsAtOnce => Environment.ProcessorCount + 1;

    private static async Task<DiagnosticBag> PrintBookletAsync(
        ChromiumBrowser browser, OutputStaging staging, Edition edition, BuildFingerprints fingerprints, Action<string> report, CancellationToken cancellation)
    {
        var diagnostics = new DiagnosticBag();
        var folder = staging.PathOf(edition.Locale);
        Directory.CreateDirectory(folder);
        var key = $"{edition.Locale}/{Booklet}";
        var printed = await BookletPrinter.PrintAsync(
            browser, Path.Combine(folder, "booklet.html"), edition.Booklet!.Html, fingerprints.PagesOf(key), diagnostics, cancellation);
        if (printed is not null)
        {
            fingerprints.RecordPages(key, printed.Pages);
            staging.WriteAllBytes(Path.Combine(edition.Locale, "booklet.pdf"), PdfFinisher.Finish(printed.Pdf, edition.Metadata with { Language = edition.Locale }));
            var passes = printed.Layouts == 0 ? "" : $"{printed.Layouts} layout pass{(printed.Layouts == 1 ? "" : "es")} and ";
            report($"printed {edition.Locale}/booklet.pdf: {passes}{printed.Prints} print{(printed.Prints == 1 ? "" : "s")}");
        }

        return diagnostics;
    }

    private static async Task<DiagnosticBag> PrintDeckAsync(
        ChromiumBrowser browser, OutputStaging staging, Edition edition, Action<string> report, CancellationToken cancellation)
    {
        var diagnostics = new DiagnosticBag();
        var folder = staging.PathOf(edition.Locale);
        Directory.CreateDirectory(folder);

        // The deck prints with its print stylesheet: one 16:9 page per slide.
        var pdf = await browser.PrintAsync(Path.Combine(folder, "slides.html"), folder, diagnostics, cancellation);
        if (pdf is not null)
        {
            staging.WriteAllBytes(Path.Combine(edition.Locale, "slides.pdf"), PdfFinisher.Finish(pdf, edition.Metadata with { Language = edition.Locale }));
            report($"printed {edition.Locale}/slides.pdf");
        }

        return diagnostics;
    }

    private static PdfMetadata Metadata(StrategicPlan plan, DateTimeOffset moment) => new(
        Title: Rendering.Text.HtmlText.PlainText(plan.Title),
        Author: plan.Entity,
        Subject: Rendering.Text.HtmlText.PlainText(plan.Subtitle ?? plan.ShortTitle ?? plan.Title),
        Keywords: string.Join(", ", plan.Keywords),
        Creator: Generator,
        Language: plan.Language,
        Date: moment);

    private static IReadOnlyList<string> Locales(StrategicPlan plan, IReadOnlyList<string> requested, DiagnosticBag diagnostics)
    {
        if (requested.Count == 0)
        {
            return plan.Locales;
        }

        foreach (var locale in requested.Where(l => !plan.Locales.Contains(l)))
        {
            diagnostics.Add(EditionDiagnostics.LocaleNotDeclared.Create(
                plan.Span with { EndLine = plan.Span.StartLine, EndColumn = plan.Span.StartColumn + 1 },
                $"the plan declares no locale '{locale}' (its locales: {string.Join(", ", plan.Locales)})",
                $"add '{locale}' to 'locales' in plan.yaml, or build one of its locales"));
        }

        return requested.Distinct().ToList();
    }
}
