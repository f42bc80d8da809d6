using Pstm.Bench;

// Times pstm as whole processes, as an editor or CI waits for it, beside the peers on the same content
// (issue 7). See BenchOptions.Usage; build.ps1 Bench runs it against the published pstm.
if (BenchOptions.Parse(args) is not { } options)
{
    return args.Contains("--help") || args.Contains("-h") ? 0 : 2;
}

if (!File.Exists(options.Pstm))
{
    Console.Error.WriteLine($"Pstm.Bench: no pstm at {options.Pstm} (build.ps1 Publish writes it to artifacts/pstm)");
    return 2;
}

// Everything a run writes lives under WORK/run and goes when the benchmark ends; only the results stay.
var scratch = Path.Combine(options.Work, "run");
PstmScenarios.Delete(scratch);
Directory.CreateDirectory(scratch);
var processes = new ChildProcesses(Path.Combine(scratch, "tmp"));
var pstm = new PstmExecutable(options.Pstm);
var tools = Tools.Find(options.Browser);
var runner = new ScenarioRunner(processes, options.Runs, options.Work);
var plans = new BenchPlans(options.Plan, Path.Combine(scratch, "plans"));
var pstmScenarios = new PstmScenarios(runner, plans, pstm, scratch);
var watch = new WatchScenario(runner, plans, pstm, scratch);
var peers = new PeerScenarios(runner, plans, tools, scratch);
var floor = new FloorScenario(runner, plans, pstm, tools, scratch);
var results = new List<ScenarioResult>();
Console.WriteLine($"pstm benchmark: {options.Runs} timed runs per scenario after one warm-up; times in seconds");
try
{
    var machine = (await MachineInfo.DescribeAsync(processes, pstm, tools)).ToList();
    var loadBefore = MachineInfo.LoadAverage();
    // A scenario not asked for is not even prepared: no plan generated, no Markdown written for it.
    ScenarioSpec? Want(string name, string group, Func<ScenarioSpec> make) => options.Wants(name, group) ? make() : null;

    foreach (var scale in new[] { 1, 20, 100, 1000 })
    {
        if (Want(PstmScenarios.ValidateName(scale), "validate", () => pstmScenarios.Validate(scale)) is { } validate)
        {
            results.Add(await runner.MeasureAsync(validate));
        }
    }

    // Each build in turns with the peers of its size: the ratios come from the same minutes of the machine.
    foreach (var scale in new[] { 1, 20 })
    {
        results.AddRange(await runner.MeasureInTurnsAsync(new[]
        {
            Want(PstmScenarios.BuildName(scale), "build", () => pstmScenarios.ColdBuild(scale)),
            Want(PeerScenarios.WeasyPrintName(scale), "peers", () => peers.WeasyPrint(scale)),
            Want(PeerScenarios.PdfLatexName(scale), "peers", () => peers.PdfLatex(scale)),
            Want(PeerScenarios.ChromiumName(scale), "peers", () => peers.ChromiumPrint(scale)),
            Want(PeerScenarios.HeadlessShellName(scale), "peers", () => peers.HeadlessShellPrint(scale)),
            scale == 1 ? Want(FloorScenario.Name, "floor", floor.Create) : null,
        }.OfType<ScenarioSpec>().ToList()));
    }

    if (Want(PstmScenarios.NoOpName, "noop", pstmScenarios.NoOpBuild) is { } noOp)
    {
        results.Add(await runner.MeasureAsync(noOp));
    }

    if (options.Wants(WatchScenario.Name, "watch"))
    {
        results.Add(await watch.RunAsync());
    }

    machine.Add(("load average (1, 5, 15 min)", $"{loadBefore} before, {MachineInfo.LoadAverage()} after"));
    var report = new ResultsWriter(results, machine, options.Runs, processes.Adopts);
    Console.Write(report.ToText());
    File.WriteAllText(Path.Combine(options.Work, "results.md"), report.ToMarkdown());
    File.WriteAllText(Path.Combine(options.Work, "results.json"), report.ToJson());
    Console.WriteLine($"\nwrote {Path.Combine(options.Work, "results.md")} and results.json");
}
finally
{
    await processes.EndLeftoversAsync();
    PstmScenarios.Delete(scratch);
}

return results.Any(r => r.Failed is not null) ? 1 : 0;
