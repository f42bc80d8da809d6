namespace Pstm.Bench;

/// <summary>
/// Runs each scenario's command once untimed (to warm the file caches), then the number of timed runs
/// asked for, each with its own untimed preparation, and collects the times and memory peaks.
/// </summary>
internal sealed class ScenarioRunner(ChildProcesses processes, int runs, string work)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    public int Runs => runs;

    public string Work => work;

    public ChildProcesses Processes => processes;

    public async Task<ScenarioResult> MeasureAsync(ScenarioSpec spec) => (await MeasureInTurnsAsync([spec]))[0];

    /// <summary>
    /// Runs scenarios in turns: every warm-up, then the first run of each, then the second… A change in
    /// the machine's load (other work on a shared machine) then weighs on all of them alike, and the
    /// ratios between them hold better than if each ran its runs in a block.
    /// </summary>
    public async Task<IReadOnlyList<ScenarioResult>> MeasureInTurnsAsync(IReadOnlyList<ScenarioSpec> specs)
    {
        if (specs.Count == 0)
        {
            return [];
        }

        var states = specs.Select(s => new State(s, new ScenarioResult(s.Name, s.Title, s.Skipped is null ? s.Command(1).Display(work) : "")
        {
            Skipped = s.Skipped,
            Objectives = s.Objectives,
        })).ToList();
        foreach (var state in states.Where(s => s.Result.Skipped is not null))
        {
            Console.WriteLine($"{state.Spec.Name,-22} skipped: {state.Result.Skipped}");
        }

        var running = states.Where(s => s.Result.Skipped is null).ToList();
        foreach (var state in running.Where(s => s.Spec.Setup is not null))
        {
            state.Failed = await state.Spec.Setup!();
        }

        var together = running.Count > 1;
        Console.Write(running.Count == 0 ? "" : together ? $"in turns: {string.Join(", ", running.Select(s => s.Spec.Name))}\n  " : $"{running[0].Spec.Name,-22} ");
        for (var run = 0; run <= runs; run++)
        {
            Console.Write(together && run > 0 ? $"run {run}: " : "");
            foreach (var state in running.Where(s => s.Failed is null))
            {
                await RunAsync(state, run);
                if (run > 0)
                {
                    var shown = state.Failed is null ? $"{state.Seconds[^1]:0.000}" : "failed";
                    Console.Write(together ? $"{state.Spec.Name} {shown}  " : $"{shown} ");
                }
            }

            Console.Write(run == 0 ? (together ? "warm-up done" : "warm-up done; runs: ") : "");
            Console.Write(together && run < runs ? "\n  " : "");
        }

        Console.WriteLine();
        foreach (var state in running.Where(s => s.Failed is not null))
        {
            Console.WriteLine($"{state.Spec.Name} failed: {state.Failed}");
        }

        return states.Select(s => s.Result.Skipped is not null ? s.Result : s.Result with
        {
            Seconds = s.Failed is null ? s.Seconds : [],
            PeakBytes = s.Peak,
            Failed = s.Failed,
            LeftBehind = Summarize(s.Left),
        }).ToList();
    }

    private async Task RunAsync(State state, int run)
    {
        var spec = state.Spec;
        spec.Prepare?.Invoke(run);
        RunResult outcome;
        string? wrong;
        try
        {
            outcome = await processes.RunAsync(spec.Command(run), Timeout);
            wrong = outcome.ExitCode != 0 ? $"exit code {outcome.ExitCode}" : spec.Verify?.Invoke(run, outcome);
        }
        catch (TimeoutException e)
        {
            state.Failed = e.Message;
            return;
        }
        finally
        {
            spec.CleanUp?.Invoke(run);
        }

        state.Left.AddRange(outcome.LeftBehind);
        if (wrong is not null)
        {
            state.Failed = $"{wrong}; its last lines:\n  " + string.Join("\n  ", outcome.Output.TakeLast(15));
            return;
        }

        if (run > 0)
        {
            state.Seconds.Add(outcome.Elapsed.TotalSeconds);
            state.Peak = Math.Max(state.Peak, outcome.PeakBytes);
        }
    }

    /// <summary>"chrome_crashpad ×3" rather than three lines.</summary>
    public static List<string> Summarize(IEnumerable<string> left) =>
        left.GroupBy(l => l).Select(g => g.Count() == 1 ? g.Key : $"{g.Key} ×{g.Count()}").ToList();

    /// <summary>What one scenario has gathered so far.</summary>
    private sealed class State(ScenarioSpec spec, ScenarioResult result)
    {
        public ScenarioSpec Spec { get; } = spec;
        public ScenarioResult Result { get; } = result;
        public List<double> Seconds { get; } = [];
        public List<string> Left { get; } = [];
        public long Peak { get; set; }
        public string? Failed { get; set; }
    }
}
