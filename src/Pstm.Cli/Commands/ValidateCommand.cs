using System.CommandLine;
using Pstm.Cli.Console;
using Pstm.Diagnostics;
using Pstm.Plan;
using Pstm.Plan.Labels;
using Pstm.Rendering.Templates;

namespace Pstm.Cli.Commands;

/// <summary><c>pstm validate</c>: loads and checks a plan folder and reports every problem found.</summary>
internal sealed class ValidateCommand : Command
{
    public static readonly string[] Examples =
    [
        "pstm validate                          # check ./plan",
        "pstm validate path/to/plan             # check another plan folder",
        "pstm validate --format json > d.json   # every diagnostic as JSON, for CI",
        "pstm validate --warnings-as-errors     # fail on warnings too",
        "pstm validate -v detailed              # also list infos, such as objectives no driver cites",
        "pstm validate --templates my-templates # check the labels against the keys of other templates",
    ];

    private readonly ICliConsole _console;

    public ValidateCommand(ICliConsole console)
        : base("validate", "Check a plan folder and report every problem, with file, line and column.")
    {
        _console = console;
        Arguments.Add(PlanOptions.PlanDirectory);
        Options.Add(PlanOptions.Templates);
        DiagnosticOptions.AddTo(this);
        SetAction(Execute);
    }

    private int Execute(ParseResult parse)
    {
        var planDirectory = parse.GetValue(PlanOptions.PlanDirectory)!;
        var format = parse.GetValue(DiagnosticOptions.Format)!;
        var warningsAsErrors = parse.GetValue(DiagnosticOptions.WarningsAsErrors);
        var verbosity = DiagnosticOptions.VerbosityOf(parse);

        var check = Check(planDirectory, parse.GetValue(PlanOptions.Templates));
        var failed = check.HasErrors || (warningsAsErrors && check.Diagnostics.Any(d => d.Severity == Severity.Warning));

        if (format == DiagnosticOptions.Json)
        {
            WriteJson(planDirectory, check, failed);
        }
        else if (format == DiagnosticOptions.Sarif)
        {
            new DiagnosticReporter(_console).WriteSarif(check.Diagnostics);
        }
        else if (format == DiagnosticOptions.GitHub)
        {
            new DiagnosticReporter(_console).WriteGitHub(check.Diagnostics);
            _console.Out.WriteLine($"pstm validate: {DiagnosticReporter.Counts(check.Diagnostics.ToList())}");
        }
        else
        {
            WriteText(check, failed, verbosity);
        }

        return failed ? ExitCodes.InputErrors : ExitCodes.Success;
    }

    /// <summary>The plan checked, its labels against the keys of <paramref name="templates"/> (the shipped templates when null).</summary>
    private static PlanCheck Check(string planDirectory, string? templates)
    {
        if (templates is null)
        {
            return PlanCheck.Run(planDirectory);
        }

        var diagnostics = new DiagnosticBag();
        var keys = TemplateFolder.Open(templates, Directory.GetCurrentDirectory(), diagnostics) is null
            ? null
            : LabelKeys.InTemplates(templates, Directory.GetCurrentDirectory(), diagnostics);
        var check = PlanCheck.Run(planDirectory, labelKeys: keys ?? LabelKeys.Shipped);
        return check with { Diagnostics = DiagnosticBag.Sort(diagnostics.ToSortedList().Concat(check.Diagnostics)) };
    }

    private void WriteText(PlanCheck check, bool failed, string verbosity)
    {
        var output = _console.Out;
        new DiagnosticReporter(_console).WriteText(check.Diagnostics, check.Sources, verbosity);
        if (verbosity != DiagnosticOptions.Quiet && check.Coverage is { PlanHasDrivers: true } coverage)
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

        var verdict = !failed ? "valid" : check.HasErrors ? "invalid" : "failed (warnings are treated as errors)";
        var name = check.Plan?.Id.Value is { Length: > 0 } id ? $"plan '{PrintableText.Escape(id)}'" : "plan";
        var files = check.Sources.Files.Count;
        output.WriteLine($"{name} {verdict}: {DiagnosticReporter.Counts(check.Diagnostics.ToList())} ({files} {(files == 1 ? "file" : "files")} read)");
    }

    private void WriteJson(string planDirectory, PlanCheck check, bool failed) =>
        new DiagnosticReporter(_console).WriteJson("validate", planDirectory, !failed, check.Diagnostics.ToList(), json =>
        {
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
        });
}
