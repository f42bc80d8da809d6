using System.CommandLine;
using Pstm.Cli.Console;
using Pstm.Diagnostics;
using Pstm.Editions;
using Pstm.Plan.Comparison;
using Pstm.Plan.Loading;
using Pstm.Rendering.Changes;
using Pstm.Rendering.Text;

namespace Pstm.Cli.Commands;

/// <summary>
/// <c>pstm diff OLD NEW</c>: what changed between two editions of a plan, item by item (missions,
/// objectives, drivers, chapters), by stable id and through the new edition's <c>renamed:</c> map.
/// </summary>
internal sealed class DiffCommand : Command
{
    public static readonly string[] Examples =
    [
        "pstm diff HEAD~3:plan plan             # what changed in the last three commits",
        "pstm diff v2025.1:plan plan --format json",
        "pstm diff old-plan new-plan            # two plan folders",
        "pstm diff v2025.1:plan plan --format html --locale en > changes.html",
        "pstm diff v2025.1:plan plan --booklet-appendix   # and build the booklets with a \"changes since\" appendix",
    ];

    private static readonly Argument<string> Old = new("OLD") { Description = "The earlier edition: a plan folder, or REVISION:FOLDER of this git repository (HEAD~3:plan, v2025.1:plan)." };

    private static readonly Argument<string> New = new("NEW") { Description = "The later edition, in the same forms." };

    private static readonly Option<DiffFormat> Format = new("--format")
    {
        Description = "text (a line per change, reworded texts as a word diff), json (every change, its words, and a summary) or html (a page that stands on its own, for readers); default: text.",
        HelpName = "text|json|html",
    };

    private static readonly Option<string?> Locale = new("--locale", "-l")
    {
        Description = "The language to compare in: both editions are read in it through their translations (default: the plan's language).",
        HelpName = "L",
    };

    private static readonly Option<bool> BookletAppendix = new("--booklet-appendix")
    {
        Description = "Also build NEW's booklets (every locale) with an appendix listing these changes, in each booklet's language, into --out.",
    };

    private static readonly Option<string> Output = new("--out", "-o")
    {
        Description = "With --booklet-appendix: the folder to write the booklets into.",
        DefaultValueFactory = _ => "dist",
        HelpName = "DIR",
    };

    private readonly ICliConsole _console;

    public DiffCommand(ICliConsole console)
        : base("diff", "What changed between two editions of a plan: items added, removed, reworded (word by word), moved, relinked, renamed.")
    {
        _console = console;
        Format.AcceptOnlyFromAmong("text", "json", "html");
        Arguments.Add(Old);
        Arguments.Add(New);
        Options.Add(Format);
        Options.Add(Locale);
        Options.Add(PlanOptions.SinceName);
        Options.Add(BookletAppendix);
        Options.Add(Output);
        DiagnosticOptions.AddTo(this, makesOwnFormat: true);
        SetAction(ExecuteAsync);
    }

    private async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellation)
    {
        var (oldSpec, newSpec) = (parse.GetValue(Old)!, parse.GetValue(New)!);
        var format = parse.GetValue(Format);
        var reporter = new DiagnosticReporter(_console, "diff", DiagnosticOptions.Read(parse, makesJson: format == DiffFormat.Json));
        var refusal = new Refusal(reporter, _console, $"{oldSpec} {newSpec}");
        if (parse.GetResult(Output) is { Implicit: false } && !parse.GetValue(BookletAppendix))
        {
            _console.Error.WriteLine("pstm diff: --out is where --booklet-appendix writes the booklets; add --booklet-appendix, or leave --out out");
            return ExitCodes.Usage;
        }

        if ((PlanRevision.IsInGit(oldSpec) || PlanRevision.IsInGit(newSpec)) && SystemTempFolder.Check() is { } noTempFolder)
        {
            return refusal.Refuse("an edition in git is taken out into a temporary folder, and there is none", [noTempFolder]);
        }

        var (before, beforeProblem) = PlanRevision.Open(oldSpec);
        using var oldSide = before;
        var (after, afterProblem) = beforeProblem is null ? PlanRevision.Open(newSpec) : default;
        using var newSide = after;
        if ((beforeProblem ?? afterProblem) is { } problem)
        {
            return refusal.Refuse($"{(beforeProblem is null ? newSpec : oldSpec)} cannot be compared", [problem], exitCode: PlanRevision.ExitCodeOf(problem));
        }

        var (oldCheck, oldLines) = before!.Check();
        var (newCheck, newLines) = after!.Check();
        var broken = new[] { (Spec: oldSpec, Check: oldCheck, Lines: oldLines), (Spec: newSpec, Check: newCheck, Lines: newLines) }
            .Where(side => side.Check.Plan is null || reporter.Fails(side.Check.Diagnostics)).ToList();
        if (broken.Count > 0 || oldCheck.Plan is not { } oldPlan || newCheck.Plan is not { } newPlan)
        {
            // What stops each side, shown with that side's source lines.
            return refusal.Refuse($"{string.Join(" and ", broken.Select(side => side.Spec))} has errors; fix them to compare",
                [.. broken.SelectMany(side => reporter.Stopping(side.Check.Diagnostics))],
                new StackedSourceLines(broken.Select(side => side.Lines).ToList()));
        }

        var locale = parse.GetValue(Locale) ?? newPlan.Language;
        if (locale != newPlan.Language && !newPlan.Locales.Contains(locale))
        {
            return refusal.Refuse($"the plan has no locale '{locale}'; it declares {string.Join(", ", newPlan.Locales)}", []);
        }

        var since = new ChangesSince(parse.GetValue(PlanOptions.SinceName) ?? before.Name, before.Folder) { Display = oldSpec };
        var changes = locale == newPlan.Language
            ? new EditionChanges(since.Name, PlanDiff.Compare(oldPlan, newPlan, newPlan.Renamed))
            : since.Changes(oldPlan, newPlan, after.Folder, locale);
        var written = WriteChanges(reporter, format, oldSpec, newSpec, changes, HtmlText.PlainText(newPlan.ShortTitle ?? newPlan.Title), locale, refusal);
        return written == ExitCodes.Success && parse.GetValue(BookletAppendix)
            ? await BuildBookletsAsync(reporter, since, after, parse.GetValue(Output)!, cancellation)
            : written;
    }

    /// <summary>The changes on standard output, in the format asked for.</summary>
    private int WriteChanges(DiagnosticReporter reporter, DiffFormat format, string oldSpec, string newSpec, EditionChanges changes, string planTitle, string locale, Refusal refusal)
    {
        switch (format)
        {
            case DiffFormat.Json:
                WriteJson(reporter, oldSpec, newSpec, changes.Changes);
                return ExitCodes.Success;
            case DiffFormat.Html:
                var diagnostics = new DiagnosticBag();
                if (ChangesPage.Render(changes, oldSpec, newSpec, planTitle, locale, diagnostics) is not { } page)
                {
                    return refusal.Refuse("the changes page cannot be made from the templates", diagnostics.ToSortedList());
                }

                _console.Out.Write(page);
                return ExitCodes.Success;
            default:
                WriteText(oldSpec, newSpec, changes.Changes);
                return ExitCodes.Success;
        }
    }

    /// <summary>Says why the editions cannot be compared: the diagnostics as asked, and the reason on standard error or in the JSON document.</summary>
    private sealed class Refusal(DiagnosticReporter reporter, ICliConsole console, string subject)
    {

        public int Refuse(string reason, IReadOnlyCollection<Diagnostic> diagnostics, ISourceLines? sources = null, int exitCode = ExitCodes.InputErrors)
        {
            var result = reporter.Report(new CommandReport(subject, diagnostics, sources ?? new NoSourceLines())
            {
                Succeeded = false,
                FailureExitCode = exitCode,
                Json = json => json.WriteString("error", reason),
            });
            if (reporter.Settings.Format is DiagnosticFormat.Text or DiagnosticFormat.GitHub)
            {
                console.Error.WriteLine($"pstm diff: {PrintableText.Escape(reason)}");
            }

            return result;
        }
    }

    /// <summary>--booklet-appendix: NEW's booklets, each with the changes since OLD in its appendix.</summary>
    private async Task<int> BuildBookletsAsync(DiagnosticReporter reporter, ChangesSince since, PlanRevision after, string output, CancellationToken cancellation)
    {
        var request = new BuildRequest(
            after.Folder, output, [], [BuildTarget.Booklet], null, null, TimeSpan.FromSeconds(120),
            Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), ChangesSince: since);
        var result = await EditionBuilder.BuildAsync(request, cancellation);
        reporter.WriteText(reporter.Stopping(result.Diagnostics), result.Sources);
        foreach (var written in result.Outputs.Concat(result.Unchanged).Where(o => o.EndsWith(".pdf", StringComparison.Ordinal)))
        {
            _console.Error.WriteLine($"booklet with the changes: {PlanLoader.DisplayPath(Directory.GetCurrentDirectory(), written)}");
        }

        return reporter.Fails(result.Diagnostics, result.Succeeded) ? ExitCodes.InputErrors : ExitCodes.Success;
    }

    private void WriteText(string oldSpec, string newSpec, IReadOnlyList<PlanChange> changes)
    {
        _console.Out.WriteLine(PrintableText.Escape($"pstm diff {oldSpec} → {newSpec}"));
        foreach (var change in changes)
        {
            _console.Out.WriteLine(ChangeText.Line(change));
        }

        _console.Out.WriteLine(ChangeText.Summary(changes));
    }

    private static void WriteJson(DiagnosticReporter reporter, string oldSpec, string newSpec, IReadOnlyList<PlanChange> changes) =>
        reporter.WriteDocument(json =>
        {
            json.WriteStartObject();
            json.WriteString("tool", "pstm");
            json.WriteString("command", "diff");
            json.WriteString("old", oldSpec);
            json.WriteString("new", newSpec);
            ChangeJson.Write(json, changes);
            json.WriteEndObject();
        });
}
