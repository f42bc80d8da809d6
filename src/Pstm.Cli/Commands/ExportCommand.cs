using System.CommandLine;
using Pstm.Cli.Console;
using Pstm.Diagnostics;
using Pstm.Editions;
using Pstm.OpenData;
using Pstm.Plan;

namespace Pstm.Cli.Commands;

/// <summary>
/// <c>pstm export</c>: the plan as open data, JSON (with its JSON Schema) and CSV, one folder per locale.
/// As in diff and explain, <c>--format</c> is the format of what the command makes, here the data's;
/// the diagnostics' is <c>--diagnostics-format</c>.
/// </summary>
internal sealed class ExportCommand : Command
{
    public static readonly string[] Examples =
    [
        "pstm export                            # JSON, its schema and CSV of every locale into ./export/<locale>/",
        "pstm export --format csv --locale en   # the English CSV files only",
        "pstm export --schema                   # the JSON Schema of plan.json on standard output",
        "SOURCE_DATE_EPOCH=1750000000 pstm export   # the same bytes for the same plan",
    ];

    private static readonly Option<ExportFormat> DataFormat = CreateDataFormat();

    private static readonly Option<string[]> Locales = new("--locale", "-l")
    {
        Description = "Export this locale; repeat for several (default: every locale the plan declares).",
        HelpName = "L",
        AllowMultipleArgumentsPerToken = false,
    };

    private static readonly Option<string> Out = new("--out", "-o")
    {
        Description = "The folder to write into: one subfolder per locale.",
        HelpName = "DIR",
        DefaultValueFactory = _ => "export",
    };

    private static readonly Option<bool> SchemaOnly = new("--schema")
    {
        Description = "Print the JSON Schema (2020-12) of plan.json and do nothing else.",
    };

    private readonly ICliConsole _console;

    public ExportCommand(ICliConsole console)
        : base("export", "The plan as open data: JSON with its JSON Schema, and CSV files of missions, objectives, drivers and links.")
    {
        _console = console;
        Arguments.Add(PlanOptions.PlanDirectory);
        Options.Add(DataFormat);
        Options.Add(Locales);
        Options.Add(Out);
        Options.Add(SchemaOnly);
        DiagnosticOptions.AddTo(this, makesOwnFormat: true);
        SetAction(Execute);
    }

    private int Execute(ParseResult parse)
    {
        if (parse.GetValue(SchemaOnly))
        {
            _console.Out.Write(JsonExport.Schema);
            return ExitCodes.Success;
        }

        var planDirectory = parse.GetValue(PlanOptions.PlanDirectory)!;
        var output = parse.GetValue(Out)!;
        var kind = parse.GetValue(DataFormat);
        var reporter = new DiagnosticReporter(_console, "export", DiagnosticOptions.Read(parse));

        var check = PlanCheck.Run(planDirectory);
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(check.Diagnostics);
        var written = new List<string>();
        if (!check.HasErrors && check.Plan is { } plan)
        {
            var requested = parse.GetValue(Locales) is { Length: > 0 } asked ? asked.Distinct().ToList() : plan.Locales.ToList();
            foreach (var locale in requested.Where(l => !plan.Locales.Contains(l)))
            {
                diagnostics.Add(EditionDiagnostics.LocaleNotDeclared.Create(
                    plan.Span,
                    $"the plan declares no locale '{locale}' (its locales: {string.Join(", ", plan.Locales)})",
                    $"add it to 'locales' in plan.yaml and translate it (pstm i18n add {locale}), or export a declared one"));
            }

            var moment = EditionDate.Resolve(plan, Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), diagnostics);
            if (!diagnostics.HasErrors && moment is { } when)
            {
                var date = EditionDate.Shown(plan, when);
                var editions = requested.Select(l => OpenDataEdition.Of(plan, planDirectory, l, date, diagnostics)).ToList();
                if (!reporter.Fails(diagnostics.ToSortedList()))
                {
                    Write(editions, kind, output, diagnostics, written);
                }
            }
        }

        return reporter.Report(new CommandReport(planDirectory, diagnostics.ToSortedList(), check.Sources)
        {
            Text = text =>
            {
                foreach (var file in written)
                {
                    text.WriteLine($"wrote {file.Replace('\\', '/')}");
                }
            },
            Verdict = failed => $"export {(failed ? "failed" : "succeeded")}: {DiagnosticReporter.Counts(diagnostics.ToSortedList())}",
            Json = json =>
            {
                json.WriteStartArray("files");
                foreach (var file in written)
                {
                    json.WriteStringValue(file.Replace('\\', '/'));
                }

                json.WriteEndArray();
            },
        });
    }

    private static void Write(IReadOnlyList<OpenDataEdition> editions, ExportFormat kind, string output, DiagnosticBag diagnostics, List<string> written)
    {
        // --out '' would write into the working folder; the folder is made only when there is something to write.
        if (OutputFolder.Check(output) is { } unusable)
        {
            diagnostics.Add(unusable);
            return;
        }

        try
        {
            foreach (var edition in editions)
            {
                var files = new List<(string Name, string Text)>();
                if (kind is ExportFormat.Json or ExportFormat.All)
                {
                    files.Add((JsonExport.FileName, JsonExport.Write(edition)));
                    files.Add((JsonExport.SchemaFileName, JsonExport.Schema));
                }

                if (kind is ExportFormat.Csv or ExportFormat.All)
                {
                    files.AddRange(CsvExport.Write(edition));
                }

                written.AddRange(ExportFiles.Write(Path.Combine(output, edition.Edition.Locale), files));
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(EditionDiagnostics.OutputFolderUnusable.Create(
                SourceSpan.ForFile(output),
                $"cannot write the export into {output}: {exception.Message}",
                "give --out a folder you can write to (it is created if missing), not a file"));
        }
    }

    // --as is the name the option had first.
    private static Option<ExportFormat> CreateDataFormat()
    {
        var option = new Option<ExportFormat>("--format", "--as")
        {
            Description = "What to write: json (plan.json and plan-export.schema.json), csv (missions, objectives, drivers and links .csv) or all (the default).",
            HelpName = "json|csv|all",
        };
        option.AcceptOnlyFromAmong("json", "csv", "all");
        return option;
    }
}
