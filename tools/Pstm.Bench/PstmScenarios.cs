namespace Pstm.Bench;

/// <summary>pstm's own scenarios run once per process: validate, a cold full build, a build with nothing to do.</summary>
internal sealed class PstmScenarios(ScenarioRunner runner, BenchPlans plans, PstmExecutable pstm, string scratch)
{
    /// <summary>What a full build writes for each locale.</summary>
    public static readonly string[] Artifacts = ["booklet.pdf", "slides.html", "slides.pdf"];

    public static string ValidateName(int scale) => $"validate-{scale}x";

    public static string BuildName(int scale) => $"build-{scale}x";

    public const string NoOpName = "noop-1x";

    public ScenarioSpec Validate(int scale)
    {
        var plan = plans.Of(scale);
        var objectives = plans.ObjectiveCount(plan);
        return new ScenarioSpec(ValidateName(scale), $"pstm validate, {Describe(scale)} ({objectives:N0} objectives)", _ => pstm.Command("validate", plan, "-q"))
        {
            Objectives = objectives,
        };
    }

    /// <summary>Every locale, every target, into a fresh empty folder each run.</summary>
    public ScenarioSpec ColdBuild(int scale)
    {
        var plan = plans.Of(scale);
        var locales = BenchPlans.Load(plan).Locales;
        string Output(int run) => Path.Combine(scratch, $"build-x{scale}", $"run{run}");
        return new ScenarioSpec(
            BuildName(scale),
            $"cold full build, {Describe(scale)} ({string.Join(" + ", locales)}: {Artifacts.Length * locales.Count} artifacts)",
            run => pstm.Command("build", plan, "--out", Output(run), "-q"))
        {
            Prepare = run => Fresh(Output(run)),
            Verify = (run, _) => Missing(Output(run), locales),
            CleanUp = run => Delete(Output(run)),
        };
    }

    /// <summary>The shipped plan built once, then built again into the same folder: everything is unchanged.</summary>
    public ScenarioSpec NoOpBuild()
    {
        var output = Path.Combine(scratch, "noop");
        var command = pstm.Command("build", plans.Shipped, "--out", output, "-q");
        return new ScenarioSpec(NoOpName, "no-op build, shipped plan (nothing changed since the last build)", _ => command)
        {
            Setup = async () =>
            {
                Fresh(output);
                var first = await runner.Processes.RunAsync(command, ScenarioRunner.Timeout);
                return first.ExitCode == 0 ? null : $"the first build failed with exit code {first.ExitCode}:\n  " + string.Join("\n  ", first.Output.TakeLast(15));
            },
            Verify = (_, run) => run.Output.FirstOrDefault(l => l.StartsWith("wrote ", StringComparison.Ordinal)) is { } wrote
                ? $"it rebuilt something: {wrote}"
                : null,
        };
    }

    public static string Describe(int scale) => scale == 1 ? "shipped plan" : $"plan {scale}× the shipped one";

    private static string? Missing(string output, IReadOnlyList<string> locales)
    {
        var missing = locales.SelectMany(l => Artifacts.Select(a => Path.Combine(l, a)))
            .Where(f => !File.Exists(Path.Combine(output, f)))
            .ToList();
        return missing.Count == 0 ? null : $"missing outputs: {string.Join(", ", missing)}";
    }

    public static void Fresh(string folder)
    {
        Delete(folder);
        Directory.CreateDirectory(folder);
    }

    public static void Delete(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
