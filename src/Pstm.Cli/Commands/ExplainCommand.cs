using System.CommandLine;
using System.Text.Json;
using Pstm.Cli.Console;
using Pstm.Diagnostics;
using Pstm.Editions.Explain;
using Pstm.Plan;
using Pstm.Plan.Explain;
using Pstm.Plan.Loading;

namespace Pstm.Cli.Commands;

/// <summary>
/// <c>pstm explain ID</c>: where an item of the plan is defined and everything that refers to it —
/// drivers, matrix cells, slides, booklet pages — with notes on its coverage.
/// </summary>
internal sealed class ExplainCommand : Command
{
    public static readonly string[] Examples =
    [
        "pstm explain M2                 # mission M2: drivers serving it, matrix cells, slides, pages",
        "pstm explain M1.4               # an objective: which drivers cite it, if any",
        "pstm explain D5 --out public    # booklet pages from the last build into ./public",
        "pstm explain D8 --format json   # the same as one JSON document",
    ];

    private static readonly Argument<string> Id = new("ID")
    {
        Description = "The id of a mission, objective, driver, chapter, phase, milestone or pillar (or of the plan).",
    };

    private static readonly Option<string> Output = new("--out", "-o")
    {
        Description = "The output folder of the last build, whose record gives the booklet pages.",
        DefaultValueFactory = _ => "dist",
        HelpName = "DIR",
    };

    private static readonly Option<ReportFormat> Format = DiagnosticOptions.CreateReportFormat("text (for people, the default) or json (one document, like validate's).");

    private readonly ICliConsole _console;

    public ExplainCommand(ICliConsole console)
        : base("explain", "Where an item is defined and everything that refers to it: drivers, matrix cells, slides, booklet pages.")
    {
        _console = console;
        Arguments.Add(Id);
        Arguments.Add(PlanOptions.PlanDirectory);
        Options.Add(Output);
        Options.Add(Format);
        DiagnosticOptions.AddTo(this, makesOwnFormat: true);
        SetAction(Execute);
    }

    private int Execute(ParseResult parse)
    {
        var id = parse.GetValue(Id)!;
        var planDirectory = parse.GetValue(PlanOptions.PlanDirectory)!;
        var output = parse.GetValue(Output)!;
        var json = parse.GetValue(Format) == ReportFormat.Json;
        var reporter = new DiagnosticReporter(_console, "explain", DiagnosticOptions.Read(parse, makesJson: json));

        // On a plan with errors, references and coverage are not to be trusted: they are fixed first.
        var check = PlanCheck.Run(planDirectory);
        if (check.HasErrors)
        {
            return Fail(reporter, planDirectory, check.Diagnostics.Where(d => d.IsError).ToList(), check.Sources,
                "the plan has errors: fix them first (pstm validate shows them all)");
        }

        if (ItemExplainer.Explain(check, id, output) is not { } report)
        {
            // An id renamed since an earlier edition is followed, as diff does, not guessed at.
            var suggestion = check.Plan!.Renamed.TryGetValue(id, out var renamed) ? null : PlanExplainer.Suggest(check.Plan!, id);
            var kinds = PlanExplainer.Items(check.Plan!).Where(i => i.Kind != PlanItemKind.Plan).GroupBy(i => i.KindName)
                .Select(g => g.Count() == 1 ? $"{g.Key} {g.First().Id}" : $"{g.Key}s {g.First().Id}…{g.Last().Id}");
            var unknown = PlanDiagnostics.UnknownItem.Create(
                SourceSpan.ForFile(PlanLoader.DisplayPath(Directory.GetCurrentDirectory(), Path.Combine(planDirectory, "plan.yaml"))),
                $"no item of the plan has the id '{id}'"
                    + (renamed is not null ? $": it was renamed {renamed} (renamed: in plan.yaml)" : suggestion is null ? "" : $". Did you mean '{suggestion}'?"),
                $"write the id as the plan does, case included: {string.Join("; ", kinds)}");
            return Fail(reporter, planDirectory, [unknown], check.Sources, null);
        }

        var diagnostics = report.Explanation.Diagnostics;
        if (json && reporter.Settings.Format == DiagnosticFormat.Json)
        {
            // One document: the item, and the plan's diagnostics as validate gives them.
            return reporter.Report(new CommandReport(planDirectory, diagnostics, check.Sources) { Json = ItemJson(report) });
        }

        if (json)
        {
            reporter.WriteDocument(document =>
            {
                document.WriteStartObject();
                ItemJson(report)(document);
                document.WriteEndObject();
            });
        }
        else
        {
            _console.Out.Write(ItemReportText.Format(report));
        }

        // The report shows the item's diagnostics already; under --warnings-as-errors its warnings fail the command.
        return reporter.Fails(diagnostics)
            ? reporter.Report(new CommandReport(planDirectory, [], check.Sources)
            {
                Succeeded = false,
                Verdict = _ => $"pstm explain: {id} has warnings, and they are treated as errors",
            })
            : ExitCodes.Success;
    }

    private static int Fail(DiagnosticReporter reporter, string planDirectory, IReadOnlyList<Diagnostic> diagnostics, ISourceLines sources, string? summary) =>
        reporter.Report(new CommandReport(planDirectory, diagnostics, sources)
        {
            Succeeded = false,
            Verdict = summary is null ? null : _ => $"pstm explain: {summary}",
        });

    /// <summary>The item, its references and places in the outputs, as members of a JSON document.</summary>
    private static Action<Utf8JsonWriter> ItemJson(ItemReport report)
    {
        var explanation = report.Explanation;
        return json =>
        {
            var item = explanation.Item;
            json.WriteStartObject("item");
            json.WriteString("kind", item.KindName);
            json.WriteString("id", item.Id);
            json.WriteString("title", item.Title);
            if (item.ParentId is not null)
            {
                json.WriteString("parent", item.ParentId);
            }

            WriteSpan(json, item.Definition);
            json.WriteEndObject();

            json.WriteStartArray("references");
            foreach (var reference in explanation.References)
            {
                json.WriteStartObject();
                json.WriteString("relation", reference.Relation);
                json.WriteString("kind", reference.Kind.ToString().ToLowerInvariant());
                json.WriteString("id", reference.Id);
                WriteSpan(json, reference.At);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("matrix");
            foreach (var cell in explanation.MatrixCells)
            {
                json.WriteStartObject();
                json.WriteString("driver", cell.Driver);
                json.WriteString("mission", cell.Mission);
                WriteStrings(json, "objectives", cell.Objectives);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("slides");
            foreach (var deck in report.Decks)
            {
                foreach (var slide in deck.Slides)
                {
                    json.WriteStartObject();
                    WriteStrings(json, "locales", deck.Locales);
                    json.WriteNumber("number", slide.Number);
                    json.WriteString("anchor", slide.Anchor);
                    json.WriteString("kind", slide.Kind);
                    json.WriteString("title", slide.Title);
                    json.WriteEndObject();
                }
            }

            json.WriteEndArray();
            json.WriteStartObject("booklet");
            json.WriteBoolean("buildRecorded", report.BuildRecorded);
            json.WriteBoolean("planChangedSinceBuild", report.PlanChangedSinceBuild);
            if (report.BookletHeading is not null)
            {
                json.WriteString("heading", report.BookletHeading);
                json.WriteBoolean("ownHeading", report.OwnHeading);
            }

            json.WriteStartArray("pages");
            foreach (var booklet in report.Booklets)
            {
                json.WriteStartObject();
                json.WriteString("locale", booklet.Locale);
                if (booklet.Page is { } page)
                {
                    json.WriteNumber("page", page);
                }

                if (booklet.AppendixPage is { } appendix)
                {
                    json.WriteNumber("appendixPage", appendix);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            WriteStrings(json, "notes", explanation.Notes);
        };
    }

    private static void WriteSpan(Utf8JsonWriter json, SourceSpan span)
    {
        json.WriteString("file", span.File);
        if (span.HasPosition)
        {
            json.WriteNumber("line", span.StartLine);
            json.WriteNumber("column", span.StartColumn);
        }
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
