namespace Pstm.Bench;

/// <summary>
/// Runs a scenario's command once untimed (to warm the file caches), then the number of timed runs
/// asked for, each with its own untimed preparation, and collects the times and memory peaks.
/// </summary>
internal sealed class ScenarioRunner(ChildProcesses processes, int runs, string work)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    public int Runs => runs;

    public string Work => work;

    public ChildProcesses Processes => processes;

    /// <param name="command">The command of run <c>i</c> (0 is the warm-up).</param>
    /// <param name="prepare">Untimed work before run <c>i</c>, such as making a fresh output folder.</param>
    /// <param name="verify">Checks what run <c>i</c> did (its outputs, what it printed): null when right, else what is wrong.</param>
    /// <param name="cleanUp">Untimed work after run <c>i</c>.</param>
    public async Task<ScenarioResult> MeasureAsync(
        string name,
        string title,
        Func<int, BenchCommand> command,
        Action<int>? prepare = null,
        Func<int, RunResult, string?>? verify = null,
        Action<int>? cleanUp = null)
    {
        var result = new ScenarioResult(name, title, command(1).Display(work));
        Console.Write($"{name,-22} ");
        var seconds = new List<double>();
        var left = new List<string>();
        long peak = 0;
        for (var run = 0; run <= runs; run++)
        {
            prepare?.Invoke(run);
            RunResult outcome;
            string? wrong;
            try
            {
                outcome = await processes.RunAsync(command(run), Timeout);
                wrong = outcome.ExitCode != 0 ? $"exit code {outcome.ExitCode}" : verify?.Invoke(run, outcome);
            }
            catch (TimeoutException e)
            {
                Console.WriteLine("failed");
                return result with { Failed = e.Message };
            }
            finally
            {
                cleanUp?.Invoke(run);
            }

            left.AddRange(outcome.LeftBehind);
            if (wrong is not null)
            {
                Console.WriteLine("failed");
                return result with { Failed = $"{wrong}; its last lines:\n  " + string.Join("\n  ", outcome.Output.TakeLast(15)) };
            }

            Console.Write(run == 0 ? "warm-up done; runs: " : $"{outcome.Elapsed.TotalSeconds:0.000} ");
            if (run > 0)
            {
                seconds.Add(outcome.Elapsed.TotalSeconds);
                peak = Math.Max(peak, outcome.PeakBytes);
            }
        }

        Console.WriteLine();
        return result with { Seconds = seconds, PeakBytes = peak, LeftBehind = Summarize(left) };
    }

    /// <summary>"chrome_crashpad ×3" rather than three lines.</summary>
    public static List<string> Summarize(IEnumerable<string> left) =>
        left.GroupBy(l => l).Select(g => g.Count() == 1 ? g.Key : $"{g.Key} ×{g.Count()}").ToList();
}
