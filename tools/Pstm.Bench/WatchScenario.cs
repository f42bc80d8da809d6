using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Threading.Channels;

namespace Pstm.Bench;

/// <summary>
/// <c>pstm build --watch</c> on a copy of the shipped plan: after the first build, each run changes one
/// word of a driver's Italian paragraph and is timed from the write to the watcher's "rebuilt in"
/// line. The watcher is then stopped with SIGINT, as Ctrl+C would, and must exit 130 leaving no browser.
/// </summary>
internal sealed partial class WatchScenario(ScenarioRunner runner, BenchPlans plans, PstmExecutable pstm, string scratch)
{
    public const string Name = "watch-1x";

    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);

    public async Task<ScenarioResult> RunAsync()
    {
        var folder = Path.Combine(scratch, "watch");
        PstmScenarios.Fresh(folder);
        var plan = Path.Combine(folder, "plan");
        CopyFolder(plans.Shipped, plan);
        var command = pstm.Command("build", plan, "--watch", "--out", Path.Combine(folder, "out"));
        var title = "watch-mode rebuild after a one-word edit of the Italian source";
        var result = new ScenarioResult(Name, title, command.Display(runner.Work));
        if (WordEdit.Find(plan) is not { } edit)
        {
            return result with { Failed = "no driver paragraph (description:) found to edit" };
        }

        Console.Write($"{Name,-22} ");
        var lines = Channel.CreateUnbounded<(long At, string Text)>();
        var sampler = MemorySampler.Start();
        using var watcher = runner.Processes.Start(command, line => lines.Writer.TryWrite((Stopwatch.GetTimestamp(), line)), () => lines.Writer.TryComplete());
        var seconds = new List<double>();
        var reported = new List<double>();
        var rewritten = new SortedSet<string>(StringComparer.Ordinal);
        string? failed = null;
        try
        {
            await NextAsync(lines, l => l.StartsWith("watching ", StringComparison.Ordinal), ScenarioRunner.Timeout);
            for (var run = 0; run <= runner.Runs; run++)
            {
                // Past the watcher's quiet period, with nothing left over from the last rebuild.
                await Task.Delay(Settle);
                while (lines.Reader.TryRead(out _))
                {
                }

                if (run == 1)
                {
                    sampler?.Reset();
                }

                var written = Stopwatch.GetTimestamp();
                edit.Apply(run);
                var rebuilt = await NextAsync(lines, l => l.StartsWith("rebuilt in ", StringComparison.Ordinal), ScenarioRunner.Timeout, l =>
                {
                    if (run > 0 && l.StartsWith("wrote ", StringComparison.Ordinal))
                    {
                        rewritten.Add(Path.GetRelativePath(Path.Combine(folder, "out"), Path.GetFullPath(l["wrote ".Length..])));
                    }
                });
                Console.Write(run == 0 ? "warm-up done; runs: " : $"{Stopwatch.GetElapsedTime(written, rebuilt.At).TotalSeconds:0.000} ");
                if (run > 0)
                {
                    seconds.Add(Stopwatch.GetElapsedTime(written, rebuilt.At).TotalSeconds);
                    if (Seconds().Match(rebuilt.Text) is { Success: true } own)
                    {
                        reported.Add(double.Parse(own.Groups[1].Value, CultureInfo.InvariantCulture));
                    }
                }
            }
        }
        catch (Exception e) when (e is TimeoutException or ChannelClosedException)
        {
            failed = e is TimeoutException ? e.Message : "the watcher ended before it rebuilt";
        }

        var peak = sampler?.Peak ?? 0;
        sampler?.Dispose();
        failed ??= await StopAsync(watcher);
        var left = await runner.Processes.EndLeftoversAsync();
        PstmScenarios.Delete(folder);
        Console.WriteLine(failed is null ? "" : "failed");
        var note = $"edit: {edit.Description}; rewritten each time: {(rewritten.Count == 0 ? "nothing" : string.Join(", ", rewritten))}";
        if (reported.Count > 0)
        {
            note += $"; pstm's own 'rebuilt in' median {ScenarioResult.MedianOf(reported):0.0} s (the rest is the wait for the file events and for a quiet moment after the save)";
        }

        return result with { Seconds = seconds, PeakBytes = peak, Failed = failed, LeftBehind = ScenarioRunner.Summarize(left), Note = note };
    }

    /// <summary>Ctrl+C, as a person would: pstm must end its browser and exit 130.</summary>
    private async Task<string?> StopAsync(Process watcher)
    {
        if (watcher.HasExited)
        {
            runner.Processes.Forget(watcher);
            return $"the watcher exited by itself with {watcher.ExitCode}";
        }

        Native.Signal(watcher.Id, Native.SigInt);
        try
        {
            await watcher.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            watcher.Kill(entireProcessTree: true);
            return "the watcher did not stop within 30 s of SIGINT";
        }
        finally
        {
            runner.Processes.Forget(watcher);
        }

        return watcher.ExitCode == 130 ? null : $"the watcher exited {watcher.ExitCode} after SIGINT, not 130";
    }

    private static async Task<(long At, string Text)> NextAsync(
        Channel<(long At, string Text)> lines, Func<string, bool> wanted, TimeSpan timeout, Action<string>? seen = null)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var line = await lines.Reader.ReadAsync(cancel.Token);
                seen?.Invoke(line.Text);
                if (wanted(line.Text))
                {
                    return line;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no expected line from the watcher within {timeout.TotalSeconds:0} s");
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [GeneratedRegex(@"^rebuilt in ([0-9.]+) s")]
    private static partial Regex Seconds();
}
