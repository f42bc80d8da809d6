using System.Reflection;
using Pstm.Diagnostics;
using Pstm.Pdf;
using Pstm.Plan.Model;
using Pstm.Rendering;

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

    /// <summary>pstm's version, as <c>pstm --version</c> prints it.</summary>
    public static string Version { get; } =
        typeof(EditionBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public static string Generator { get; } = "pstm " + Version;

    // How long a print that failed as the browser went away waits to see the browser's end before it is told as a failure.
    private static readonly TimeSpan BrowserEndGrace = TimeSpan.FromSeconds(2);

    public static async Task<BuildResult> BuildAsync(BuildRequest request, CancellationToken cancellation)
    {
        // One browser for this build, ended when it is done, also on failure or cancellation.
        await using var session = new BuildSession();
        return await BuildAsync(request, session, cancellation);
    }

    /// <summary>A build in a session: check, skip if unchanged, render, keep what did not change, print, commit.</summary>
    internal static async Task<BuildResult> BuildAsync(BuildRequest request, BuildSession session, CancellationToken cancellation)
    {
        // What validate checks, the build checks the same way: the plan, its translations, the templates, the date.
        var input = BuildInputCheck.Run(request.PlanDirectory, request.Locales, request.TemplatesDirectory, request.SourceDateEpoch, request.Strict);
        var build = new BuildOutcome(request, input.Check.Sources) { Inputs = BuildInputs.Files(request, input) };
        if (!Check(request, input, build, out var earlier))
        {
            return build.Done();
        }

        // The output folder is this build's until it is done: another build into it waits its turn.
        using var output = await OutputFolder.OpenAsync(request.OutputDirectory, build.Diagnostics, build.Report, cancellation);
        if (output is null)
        {
            return build.Done();
        }

        var outputs = BuildOutputs.Of(request.Targets, input.Locales);
        var fingerprints = new BuildFingerprints(request.OutputDirectory);
        var inputs = BuildInputs.Fingerprint(request, input.Check, input.Locales, outputs.Fingerprint, input.Templates!, input.Shown);
        if (SkipIfUnchanged(request, outputs, fingerprints, inputs, build))
        {
            return build.Done();
        }

        StartBrowserEarly(request, session, outputs, fingerprints, cancellation);
        var editions = await RenderAsync(request, input, outputs, earlier, build, cancellation);
        if (build.Diagnostics.HasErrors)
        {
            return build.Done();
        }

        editions = KeepUnchanged(request, editions, fingerprints, build);
        return await PrintAndCommitAsync(request, session, input, editions, fingerprints, inputs, build, cancellation);
    }

    /// <summary>Check: the input as validate checks it, the earlier edition of --changes-since, and the temporary folder.</summary>
    /// <param name="earlier">The earlier edition's plan, when the build has one.</param>
    /// <returns>Whether the build can go on to render.</returns>
    private static bool Check(BuildRequest request, BuildInputCheck input, BuildOutcome build, out StrategicPlan? earlier)
    {
        earlier = null;
        build.Diagnostics.AddRange(input.Diagnostics);
        if (input.Check.HasErrors || input.Check.Plan is null)
        {
            return false;
        }

        // A release's version and source commit are checked before anything is printed.
        if (request.Release is { } release)
        {
            build.Diagnostics.AddRange(release.Check(request.PlanDirectory, input.Check.Plan, request.SourceDateEpoch));
        }

        earlier = request.ChangesSince?.Load(build.Diagnostics);
        if (SystemTempFolder.Check() is { } noTempFolder)
        {
            build.Diagnostics.Add(noTempFolder);
        }

        return !build.Diagnostics.HasErrors && input.CanRender && input.Templates is not null && input.Moment is not null;
    }

    /// <summary>Skip if unchanged: nothing read has changed since the last build, so its outputs stand, and so does what it reported.</summary>
    private static bool SkipIfUnchanged(BuildRequest request, BuildOutputs outputs, BuildFingerprints fingerprints, string inputs, BuildOutcome build)
    {
        var files = outputs.Files;
        var written = outputs.Booklets ? files.Concat(outputs.Locales.SelectMany(locale => fingerprints.WrittenUnder($"{locale}/assets/"))) : files;
        if (request.Force || request.Manifest || !fingerprints.HasSameInputs(inputs, written))
        {
            return false;
        }

        build.Diagnostics.AddRange(fingerprints.PreviousDiagnostics);
        build.Report("nothing changed since the last build");
        build.Unchanged.AddRange(files.Select(f => Path.Combine(request.OutputDirectory, f)));
        return true;
    }

    /// <summary>A first or forced build prints: the browser starts now and comes up while the editions render.</summary>
    private static void StartBrowserEarly(BuildRequest request, BuildSession session, BuildOutputs outputs, BuildFingerprints fingerprints, CancellationToken cancellation)
    {
        if ((!fingerprints.Exists || request.Force || request.Manifest)
            && BrowserLocator.Locate(request.BrowserPath, new DiagnosticBag()) is { } early)
        {
            session.StartBrowser(early, request.Timeout, cancellation, Math.Min(outputs.Documents, EditionPrinter.PrintsAtOnce));
        }
    }

    /// <summary>Render: the locales side by side; their diagnostics gathered in locale order.</summary>
    private static async Task<List<EditionToPrint>> RenderAsync(
        BuildRequest request, BuildInputCheck input, BuildOutputs outputs, StrategicPlan? earlier, BuildOutcome build, CancellationToken cancellation)
    {
        var plan = input.Check.Plan!;
        var rendered = await Task.WhenAll(input.Check.Editions.Select(edition => Task.Run(() =>
        {
            var diagnostics = new DiagnosticBag();
            var changes = earlier is null ? null : request.ChangesSince!.Changes(earlier, plan, edition.Plan, edition.Locale);
            var (booklet, deck) = input.Render(edition, outputs.Booklets, outputs.Decks, changes, diagnostics, cancellation);
            return (Edition: new EditionToPrint(edition.Locale, booklet, deck, Metadata(edition.Plan, input.Moment!.Value)), Diagnostics: diagnostics);
        }, cancellation)));
        foreach (var (_, diagnostics) in rendered)
        {
            build.Diagnostics.AddRange(diagnostics.ToSortedList());
        }

        var editions = rendered.Select(r => r.Edition).ToList();
        if (!build.Diagnostics.HasErrors)
        {
            build.Report($"rendered {string.Join(", ", editions.Select(e => e.Locale))}");
        }

        return editions;
    }

    /// <summary>Keep what did not change: outputs made from the same inputs as last time are not printed, nor rewritten.</summary>
    private static List<EditionToPrint> KeepUnchanged(BuildRequest request, List<EditionToPrint> editions, BuildFingerprints fingerprints, BuildOutcome build)
    {
        return editions.Select(edition => edition with
        {
            Booklet = Changed(edition.Locale, BookletName, edition.Booklet?.Html, edition.Booklet?.Assets, BuildOutputs.BookletFiles) ? edition.Booklet : null,
            Slides = Changed(edition.Locale, SlidesName, edition.Slides?.MeasuringHtml, null, BuildOutputs.DeckFiles) ? edition.Slides : null,
        }).ToList();

        // Assets map their names in the output to the templates' files.
        bool Changed(string locale, string target, string? html, IReadOnlyDictionary<string, string>? assets, string[] files)
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
            if (request.Force || request.Manifest || !fingerprints.IsUnchanged(key, fingerprint, made))
            {
                return true;
            }

            build.Unchanged.AddRange(paths.Select(p => Path.Combine(request.OutputDirectory, p)));

            // Not measured again: what its check found last time still holds, as an error with --strict.
            build.Diagnostics.AddRange(LayoutCheck.Again(fingerprints.PreviousDiagnostics, paths[0], request.Strict));
            return false;
        }
    }

    /// <summary>Print, then commit: the PDFs and assets go into a staging folder, moved into place only when all are complete.</summary>
    private static async Task<BuildResult> PrintAndCommitAsync(
        BuildRequest request, BuildSession session, BuildInputCheck input, List<EditionToPrint> editions, BuildFingerprints fingerprints, string inputs, BuildOutcome build, CancellationToken cancellation)
    {
        var diagnostics = build.Diagnostics;

        // No browser is started when nothing needs printing.
        var anythingToPrint = editions.Any(e => e.PrintsAnything);
        string? executable = null;
        if (anythingToPrint && (executable = BrowserLocator.Locate(request.BrowserPath, diagnostics)) is null)
        {
            return build.Done();
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

            if (anythingToPrint)
            {
                if (await session.BrowserAsync(executable!, request.Timeout, diagnostics, cancellation) is not { } browser)
                {
                    return build.Done();
                }

                var locations = ItemLocations.Of(input.Check.Plan!);
                var printed = await new EditionPrinter(browser, session, request.OutputDirectory, staging, fingerprints, locations, request.Strict, build.Report)
                    .PrintAsync(editions, cancellation);

                // A browser that died between two builds of a session (--watch keeps it), or while this one
                // printed, fails the prints it was given: once, a new browser prints them all again.
                if (printed.Any(d => d.Code == PdfDiagnostics.BrowserFailed.Code) && await browser.HasEndedWithinAsync(BrowserEndGrace))
                {
                    build.Report("the browser ended; printing again in a new one");
                    if (await session.BrowserAsync(executable!, request.Timeout, diagnostics, cancellation) is not { } again)
                    {
                        return build.Done();
                    }

                    printed = await new EditionPrinter(again, session, request.OutputDirectory, staging, fingerprints, locations, request.Strict, build.Report)
                        .PrintAsync(editions, cancellation);
                }

                diagnostics.AddRange(printed);
            }

            if (diagnostics.HasErrors)
            {
                return build.Done();
            }

            // Stopped after the last print, but before anything is in place: still nothing is written.
            cancellation.ThrowIfCancellationRequested();
            return build.Done(Commit(request, input, staging, fingerprints, inputs, diagnostics));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A full disk, a folder made read-only during the build: the previous outputs stay as they were.
            diagnostics.Add(PdfDiagnostics.OutputNotWritten.Create(
                SourceSpan.ForFile(request.OutputDirectory),
                $"the outputs cannot be written: {exception.Message}",
                "check that the output folder is writable and that the disk has room"));
            return build.Done();
        }
    }

    /// <summary>Commit: the manifest and the fingerprints join the outputs, and all move into place at once.</summary>
    private static IReadOnlyList<string> Commit(
        BuildRequest request, BuildInputCheck input, OutputStaging staging, BuildFingerprints fingerprints, string inputs, DiagnosticBag diagnostics)
    {
        if (request.Manifest)
        {
            // A release's files carry the plan's id, their locale and the version (ReleaseLayout); the manifest describes them as named.
            var plan = input.Check.Plan!;
            if (request.Release?.Version is { } version)
            {
                ReleaseLayout.Rename(staging, plan.Id.Value, version, input.Locales);
            }

            ReleaseManifest.Write(staging, ReleaseHeader.Of(plan, input.Locales, request.SourceDateEpoch, request.Release));
        }

        // What the build found beyond the check of its inputs (the plan, its publication, the templates' identity)
        // is reported again by a build that skips; the check itself runs again anyway.
        var checkedInputs = input.Diagnostics.ToHashSet();
        fingerprints.RecordInputs(inputs, diagnostics.ToSortedList().Where(d => !checkedInputs.Contains(d)));
        fingerprints.RecordFiles(staging.Root);
        staging.WriteAllText(BuildFingerprints.FileName, fingerprints.Serialize());
        return staging.Commit(diagnostics);
    }

    private static PdfMetadata Metadata(StrategicPlan plan, DateTimeOffset moment) => new(
        Title: Rendering.Text.HtmlText.PlainText(plan.Title),
        Author: plan.Entity,
        Subject: Rendering.Text.HtmlText.PlainText(plan.Subtitle ?? plan.ShortTitle ?? plan.Title),
        Keywords: string.Join(", ", plan.Keywords),
        Creator: Generator,
        Language: plan.Language,
        Date: moment);
}
