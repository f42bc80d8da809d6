using System.Collections.Concurrent;
using System.Diagnostics;

namespace Pstm.Bench;

/// <summary>
/// Starts and times the processes the benchmark measures, and makes sure that nothing they start
/// outlives them: each run gets an empty TMPDIR, and whatever is left there or still running is
/// reported and removed.
/// </summary>
internal sealed class ChildProcesses
{
    /// <summary>How long a run's descendants (Chromium's crash handler, say) may take to end by themselves.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);

    private readonly ConcurrentDictionary<int, byte> _started = new();
    private readonly string _temp;

    public ChildProcesses(string temp)
    {
        _temp = temp;
        Directory.CreateDirectory(_temp);
        Adopts = Native.BecomeSubreaper();
    }

    /// <summary>Whether orphans of the runs are adopted by the harness (Linux), and so measured and ended.</summary>
    public bool Adopts { get; }

    /// <summary>Starts a process with output captured line by line; <paramref name="onExit"/> is told the moment it exits.</summary>
    public Process Start(BenchCommand command, Action<string>? onLine = null, Action? onExit = null)
    {
        var info = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["TMPDIR"] = _temp;
        info.Environment["NO_COLOR"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Line(e.Data);
        process.ErrorDataReceived += (_, e) => Line(e.Data);
        if (onExit is not null)
        {
            process.Exited += (_, _) => onExit();
        }

        process.Start();
        _started[process.Id] = 0;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        return process;

        void Line(string? line)
        {
            if (line is not null)
            {
                onLine?.Invoke(line);
            }
        }
    }

    /// <summary>Runs a command to its end, timing it from start to exit and sampling its tree's memory.</summary>
    public async Task<RunResult> RunAsync(BenchCommand command, TimeSpan timeout)
    {
        var output = new Queue<string>();
        var exited = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var sampler = MemorySampler.Start();
        var started = Stopwatch.GetTimestamp();
        using var process = Start(
            command,
            line =>
            {
                lock (output)
                {
                    output.Enqueue(line);
                    if (output.Count > 40)
                    {
                        output.Dequeue();
                    }
                }
            },
            () => exited.TrySetResult(Stopwatch.GetTimestamp()));
        long ended;
        try
        {
            // The moment of exit, not of the end of its output: a descendant may hold the pipes open longer.
            ended = await exited.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            sampler?.Dispose();
            process.Kill(entireProcessTree: true);
            await EndLeftoversAsync();
            throw new TimeoutException($"'{command.Display()}' took more than {timeout.TotalSeconds:0} s");
        }

        sampler?.Dispose();
        var peak = sampler?.Peak ?? 0;
        var exitCode = process.ExitCode;
        Forget(process);

        // Leftovers first: one that holds the pipes open would otherwise keep the output from ending.
        var left = await EndLeftoversAsync();
        await DrainAsync(process);
        string[] lines;
        lock (output)
        {
            lines = [.. output];
        }

        return new RunResult(Stopwatch.GetElapsedTime(started, ended), peak, exitCode, lines) { LeftBehind = left };
    }

    /// <summary>Waits briefly for the rest of a process's output once it has exited.</summary>
    public static async Task DrainAsync(Process process)
    {
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            // A descendant still holds the pipes; the leftovers check ends it.
        }
    }

    public void Forget(Process process) => _started.TryRemove(process.Id, out _);

    /// <summary>
    /// After a run: gives its remaining descendants a moment to end, then kills those still running, and
    /// empties the temporary folder. Returns what was left behind, for the report.
    /// </summary>
    public async Task<IReadOnlyList<string>> EndLeftoversAsync()
    {
        var left = new List<string>();
        if (ProcessTree.IsSupported)
        {
            var deadline = Stopwatch.GetTimestamp() + (long)(Grace.TotalSeconds * Stopwatch.Frequency);
            while (true)
            {
                var alive = Descendants().Where(p => p.State != 'Z').ToList();
                ReapAdopted();
                if (alive.Count == 0)
                {
                    break;
                }

                if (Stopwatch.GetTimestamp() > deadline)
                {
                    foreach (var process in alive)
                    {
                        Native.Signal(process.Pid, Native.SigKill);
                        left.Add($"process {process.Name}");
                    }

                    await Task.Delay(200);
                    ReapAdopted();
                    break;
                }

                await Task.Delay(50);
            }
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(_temp))
        {
            left.Add($"temp {Path.GetFileName(entry)}");
            if (Directory.Exists(entry))
            {
                Directory.Delete(entry, recursive: true);
            }
            else
            {
                File.Delete(entry);
            }
        }

        return left;
    }

    /// <summary>Runs a short command (a version query) and returns its output, or null when it cannot be run.</summary>
    public async Task<string?> CaptureAsync(BenchCommand command)
    {
        var output = new List<string>();
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            using var process = Start(command, line => { lock (output) { output.Add(line); } }, () => exited.TrySetResult());
            await exited.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Forget(process);
            await EndLeftoversAsync();
            await DrainAsync(process);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or TimeoutException)
        {
            await EndLeftoversAsync();
            return null;
        }

        lock (output)
        {
            return string.Join('\n', output);
        }
    }

    private static List<ProcessEntry> Descendants() => ProcessTree.DescendantsOf(Environment.ProcessId);

    // Adopted orphans are not the runtime's children: it never waits for them, so the harness does.
    private void ReapAdopted()
    {
        foreach (var zombie in ProcessTree.DescendantsOf(Environment.ProcessId).Where(p => p.State == 'Z' && p.ParentPid == Environment.ProcessId))
        {
            if (!_started.ContainsKey(zombie.Pid))
            {
                Native.Reap(zombie.Pid);
            }
        }
    }
}
