using System.CommandLine;
using Pstm.Cli.Console;
using Pstm.Diagnostics;
using Pstm.Editions;
using Pstm.Plan;
using Pstm.Plan.Translation;

namespace Pstm.Cli.Commands;

/// <summary>
/// <c>pstm validate</c>: reads and checks everything a build of every locale reads (the plan, its
/// translations, the templates) and renders each edition without printing it, through the build's own
/// <see cref="BuildInputCheck"/>: "valid" means the build will not fail on its input.
/// </summary>
internal sealed class ValidateCommand : Command
{
    public static readonly string[] Examples =
    [
        "pstm validate                          # check ./plan",
        "pstm validate path/to/plan             # check another plan folder",
        "pstm validate --format json > d.json   # every diagnostic as JSON, for CI",
        "pstm validate --warnings-as-errors     # fail on warnings too",
        "pstm validate -v detailed              # also list infos, such as objectives no driver cites",
        "pstm validate --strict                 # missing and stale translations are errors, as in build --strict",
        "pstm validate --templates my-templates # with the templates the build will use",
    ];

    private readonly ICliConsole _console;

    public ValidateCommand(ICliConsole console)
        : base("validate", "Check everything a build reads (plan, translations, templates) and report every problem, with file, line and column.")
    {
        _console = console;
        Arguments.Add(PlanOptions.PlanDirectory);
        Options.Add(PlanOptions.Templates);
        Options.Add(PlanOptions.Strict);
        DiagnosticOptions.AddTo(this);
        SetAction(Execute);
    }

    private int Execute(ParseResult parse)
    {
        var planDirectory = parse.GetValue(PlanOptions.PlanDirectory)!;
        var reporter = new DiagnosticReporter(_console, "validate", DiagnosticOptions.Read(parse));

        // The build's own input stage, for every locale the plan declares, and the SOURCE_DATE_EPOCH a build would see.
        var input = BuildInputCheck.Run(
            planDirectory, [], parse.GetValue(PlanOptions.Templates), Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), parse.GetValue(PlanOptions.Strict));
        var diagnostics = DiagnosticBag.Sort(input.Diagnostics.Concat(input.RenderAll()));
        var check = input.Check with { Diagnostics = diagnostics };
        return reporter.Report(new CommandReport(planDirectory, check.Diagnostics, check.Sources)
        {
            Text = output => WriteSummaries(output, check, reporter.Settings.Verbosity),
            Verdict = failed => Verdict(check, failed),
            Json = json => WriteJson(json, check),
        });
    }

    private static void WriteSummaries(TextWriter output, PlanCheck check, Verbosity verbosity)
    {
        if (verbosity == Verbosity.Quiet)
        {
            return;
        }

        if (check.Coverage is { PlanHasDrivers: true } coverage)
        {
            output.WriteLine(
                $"coverage: {coverage.ServedMissionCount} of {coverage.Missions.Count} missions served by a driver, " +
                $"{coverage.CitedObjectiveCount} of {coverage.ObjectiveCount} objectives cited by a driver");
            var uncited = coverage.UncitedObjectives.Select(o => o.Id.Value).ToList();
            if (uncited.Count > 0)
            {
                output.WriteLine("  objectives no driver cites: " + PrintableText.Escape(string.Join(", ", uncited)));
            }
        }

        var statuses = Statuses(check);
        if (statuses.Count > 0)
        {
            output.WriteLine($"translations of the {PrintableText.Escape(check.Plan!.Language)} texts:");
            TranslationStatusTable.WriteText(output, statuses);
        }
    }

    private static string Verdict(PlanCheck check, bool failed)
    {
        var verdict = !failed ? "valid" : check.HasErrors ? "invalid" : "failed (warnings are treated as errors)";
        var name = check.Plan?.Id.Value is { Length: > 0 } id ? $"plan '{PrintableText.Escape(id)}'" : "plan";
        var files = check.Sources.Files.Count;
        return $"{name} {verdict}: {DiagnosticReporter.Counts(check.Diagnostics.ToList())} ({files} {(files == 1 ? "file" : "files")} read)";
    }

    private static void WriteJson(System.Text.Json.Utf8JsonWriter json, PlanCheck check)
    {
        if (check.Editions.Count > 0)
        {
            json.WriteStartObject("translations");
            json.WriteString("source", check.Plan!.Language);
            TranslationStatusTable.WriteJson(json, Statuses(check));
            json.WriteEndObject();
        }

        if (check.Coverage is not { } coverage)
        {
            return;
        }

        json.WriteStartObject("coverage");
        json.WriteNumber("missions", coverage.Missions.Count);
        json.WriteNumber("missionsServed", coverage.ServedMissionCount);
        json.WriteNumber("objectives", coverage.ObjectiveCount);
        json.WriteNumber("objectivesCited", coverage.CitedObjectiveCount);
        json.WriteStartArray("unservedMissions");
        foreach (var mission in coverage.UnservedMissions)
        {
            json.WriteStringValue(mission.Id.Value);
        }

        json.WriteEndArray();
        json.WriteStartArray("uncitedObjectives");
        foreach (var objective in coverage.UncitedObjectives)
        {
            json.WriteStringValue(objective.Id.Value);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static List<TranslationStatus> Statuses(PlanCheck check) =>
        check.Editions.Select(e => e.Status).OfType<TranslationStatus>().ToList();
}
