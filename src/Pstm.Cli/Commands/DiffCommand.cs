using System.CommandLine;
using System.Text.Json;
using Pstm.Cli.Console;
using Pstm.Diagnostics;
using Pstm.Editions;
using Pstm.Plan;
using Pstm.Plan.Comparison;
using Pstm.Plan.Loading;
using Pstm.Plan.Model;
using Pstm.Rendering.Changes;
using Pstm.Rendering.Templates;
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

    private const string Html = "html";

    private static readonly Argument<string> Old = new("OLD") { Description = "The earlier edition: a plan folder, or REVISION:FOLDER of this git repository (HEAD~3:plan, v2025.1:plan)." };

    private static readonly Argument<string> New = new("NEW") { Description = "The later edition, in the same forms." };

    private static readonly Option<string> Format = new("--format")
    {
        Description = "text (a line per change, reworded texts as a word diff), json (every change, its words, and a summary) or html (a page that stands on its own, for readers).",
        DefaultValueFactory = _ => DiagnosticOptions.Text,
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
        Format.AcceptOnlyFromAmong(DiagnosticOptions.Text, DiagnosticOptions.Json, Html);
        Arguments.Add(Old);
        Arguments.Add(New);
        Options.Add(Format);
        Options.Add(Locale);
        Options.Add(PlanOptions.SinceName);
        Options.Add(BookletAppendix);
        Options.Add(Output);
        SetAction(ExecuteAsync);
    }

    private async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellation)
    {
        var (oldSpec, newSpec) = (parse.GetValue(Old)!, parse.GetValue(New)!);
        var format = parse.GetValue(Format)!;
        if (parse.GetResult(Output) is { Implicit: false } && !parse.GetValue(BookletAppendix))
        {
            _console.Error.WriteLine("pstm diff: --out is where --booklet-appendix writes the booklets; add --booklet-appendix, or leave --out out");
            return ExitCodes.Usage;
        }

        if ((PlanRevision.IsInGit(oldSpec) || PlanRevision.IsInGit(newSpec)) && SystemTempFolder.Check() is { } noTempFolder)
        {
            if (format != DiagnosticOptions.Json)
            {
                new DiagnosticReporter(_console).WriteText([noTempFolder], new NoSourceLines(), DiagnosticOptions.Quiet);
            }

            return Refuse(format, oldSpec, newSpec, "an edition in git is taken out into a temporary folder, and there is none", [noTempFolder]);
        }

        var (before, beforeProblem) = PlanRevision.Open(oldSpec);
        using var oldSide = before;
        var (after, afterProblem) = beforeProblem is null ? PlanRevision.Open(newSpec) : default;
        using var newSide = after;
        if ((beforeProblem ?? afterProblem) is { } problem)
        {
            if (format != DiagnosticOptions.Json)
            {
                new DiagnosticReporter(_console).WriteText([problem], new NoSourceLines(), DiagnosticOptions.Quiet);
            }

            Refuse(format, oldSpec, newSpec, $"{(beforeProblem is null ? newSpec : oldSpec)} cannot be compared", [problem]);
            return PlanRevision.ExitCodeOf(problem);
        }

        var (oldCheck, oldLines) = before!.Check();
        var (newCheck, newLines) = after!.Check();
        var broken = new[] { (Spec: oldSpec, Check: oldCheck, Lines: oldLines), (Spec: newSpec, Check: newCheck, Lines: newLines) }
            .Where(side => side.Check.Plan is null || side.Check.HasErrors).ToList();
        if (broken.Count > 0 || oldCheck.Plan is not { } oldPlan || newCheck.Plan is not { } newPlan)
        {
            if (format != DiagnosticOptions.Json)
            {
                foreach (var side in broken)
                {
                    new DiagnosticReporter(_console).WriteText(side.Check.Diagnostics.Where(d => d.IsError), side.Lines, DiagnosticOptions.Quiet);
                }
            }

            return Refuse(format, oldSpec, newSpec, $"{string.Join(" and ", broken.Select(side => side.Spec))} has errors; fix them to compare",
                [.. broken.SelectMany(side => side.Check.Diagnostics.Where(d => d.IsError))]);
        }

        var locale = parse.GetValue(Locale) ?? newPlan.Language;
        if (locale != newPlan.Language && !newPlan.Locales.Contains(locale))
        {
            return Refuse(format, oldSpec, newSpec, $"the plan has no locale '{locale}'; it declares {string.Join(", ", newPlan.Locales)}", []);
        }

        var since = new ChangesSince(parse.GetValue(PlanOptions.SinceName) ?? before.Name, before.Folder) { Display = oldSpec };
        var changes = locale == newPlan.Language
            ? new EditionChanges(since.Name, PlanDiff.Compare(oldPlan, newPlan, newPlan.Renamed))
            : since.Changes(oldPlan, newPlan, after.Folder, locale);
        if (format == DiagnosticOptions.Json)
        {
            WriteJson(oldSpec, newSpec, changes.Changes);
        }
        else if (format == Html)
        {
            if (!WriteHtml(oldSpec, newSpec, HtmlText.PlainText(newPlan.ShortTitle ?? newPlan.Title), changes, locale))
            {
                return ExitCodes.InputErrors;
            }
        }
        else
        {
            WriteText(oldSpec, newSpec, changes.Changes);
        }

        return parse.GetValue(BookletAppendix)
            ? await BuildBookletsAsync(since, after, parse.GetValue(Output)!, cancellation)
            : ExitCodes.Success;
    }

    /// <summary>Says why the editions cannot be compared: on standard error, or as the JSON document asked for.</summary>
    private int Refuse(string format, string oldSpec, string newSpec, string reason, IReadOnlyCollection<Diagnostic> diagnostics)
    {
        if (format == DiagnosticOptions.Json)
        {
            new DiagnosticReporter(_console).WriteJson("diff", $"{oldSpec} {newSpec}", false, diagnostics, json => json.WriteString("error", reason));
        }
        else
        {
            _console.Error.WriteLine($"pstm diff: {PrintableText.Escape(reason)}");
        }

        return ExitCodes.InputErrors;
    }

    /// <summary>The changes as one HTML page on standard output, in <paramref name="locale"/>'s words.</summary>
    private bool WriteHtml(string oldSpec, string newSpec, string planTitle, EditionChanges changes, string locale)
    {
        var diagnostics = new DiagnosticBag();
        var templates = TemplateFolder.Open(BuildRequest.ShippedTemplates, Directory.GetCurrentDirectory(), diagnostics);
        var page = templates is null ? null : ChangesPageRenderer.Render(changes, oldSpec, newSpec, planTitle, locale, EditionBuilder.Generator, templates, diagnostics);
        if (page is null)
        {
            new DiagnosticReporter(_console).WriteText(diagnostics.ToSortedList(), new NoSourceLines(), DiagnosticOptions.Quiet);
            return false;
        }

        _console.Out.Write(page);
        return true;
    }

    /// <summary>--booklet-appendix: NEW's booklets, each with the changes since OLD in its appendix.</summary>
    private async Task<int> BuildBookletsAsync(ChangesSince since, PlanRevision after, string output, CancellationToken cancellation)
    {
        var request = new BuildRequest(
            after.Folder, output, [], [EditionBuilder.Booklet], null, null, TimeSpan.FromSeconds(120),
            Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), ChangesSince: since);
        var result = await EditionBuilder.BuildAsync(request, cancellation);
        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        new DiagnosticReporter(_console).WriteText(errors, result.Sources, DiagnosticOptions.Quiet);
        foreach (var written in result.Outputs.Concat(result.Unchanged).Where(o => o.EndsWith(".pdf", StringComparison.Ordinal)))
        {
            _console.Error.WriteLine($"booklet with the changes: {PlanLoader.DisplayPath(Directory.GetCurrentDirectory(), written)}");
        }

        return result.Succeeded ? ExitCodes.Success : ExitCodes.InputErrors;
    }

    private void WriteText(string oldSpec, string newSpec, IReadOnlyList<PlanChange> changes)
    {
        _console.Out.WriteLine(PrintableText.Escape($"pstm diff {oldSpec} → {newSpec}"));
        foreach (var change in changes)
        {
            _console.Out.WriteLine(Line(change));
        }

        _console.Out.WriteLine(Summary(changes));
    }

    /// <summary>One change as a line: what, which, and how; a body's line breaks, and any control character, shown as escapes.</summary>
    public static string Line(PlanChange change) => PrintableText.Escape(change.Kind switch
    {
        ChangeKind.Added => $"{change.Item} {change.Id} added: {change.After}",
        ChangeKind.Removed => $"{change.Item} {change.Id} removed: {change.Before}",
        ChangeKind.Renamed => $"{change.Item} {change.Id} renamed from {change.Before}",
        ChangeKind.Renumbered => $"{change.Item} {change.Id} renumbered: {change.Before} → {change.After}",
        ChangeKind.Moved => $"{change.Item} {change.Id} moved: from {change.Before} to {change.After}",
        ChangeKind.Relinked => $"{change.Item} {change.Id} relinked {change.Field}: {string.Join(", ", change.Linked.Select(id => "+" + id).Concat(change.Unlinked.Select(id => "-" + id)))}",
        _ => $"{change.Item} {change.Id} reworded {change.Field}: {WordDiff.Format(change.Words ?? [])}",
    });

    public static string Summary(IReadOnlyList<PlanChange> changes) =>
        changes.Count == 0
            ? "no changes"
            : $"{changes.Count} change{(changes.Count == 1 ? "" : "s")}: " + string.Join(", ", changes.GroupBy(c => c.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));

    private void WriteJson(string oldSpec, string newSpec, IReadOnlyList<PlanChange> changes)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("tool", "pstm");
            json.WriteString("command", "diff");
            json.WriteString("old", oldSpec);
            json.WriteString("new", newSpec);
            json.WriteStartArray("changes");
            foreach (var change in changes)
            {
                json.WriteStartObject();
                json.WriteString("item", change.Item);
                json.WriteString("id", change.Id);
                json.WriteString("kind", change.Kind.ToString().ToLowerInvariant());
                json.WriteString("field", change.Field);
                json.WriteString("before", change.Before);
                json.WriteString("after", change.After);
                if (change.Words is { } words)
                {
                    json.WriteStartArray("words");
                    foreach (var run in words)
                    {
                        json.WriteStartObject();
                        json.WriteString("kind", run.Kind.ToString().ToLowerInvariant());
                        json.WriteString("text", run.Text);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("summary", Summary(changes));
            json.WriteEndObject();
        }

        _console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
