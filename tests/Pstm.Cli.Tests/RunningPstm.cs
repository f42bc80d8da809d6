using System.Diagnostics;
using System.Globalization;

namespace Pstm.Cli.Tests;

/// <summary>
/// The built pstm as a process that runs until stopped (build --watch, serve): its output lines as they
/// come, waited for by what they say; stopped by a signal; ended by process id when a test fails.
/// </summary>
internal sealed class RunningPstm : IDisposable
{
    private readonly List<string> _lines = [];
    private readonly List<string> _errors = [];
    private readonly List<(Func<string, bool> Wanted, int From, TaskCompletionSource<string> Found)> _waiting = [];

    private RunningPstm(Process process) => Process = process;

    public Process Process { get; }

    /// <summary>The lines of standard output so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return string.Join("\n", _errors);
            }
        }
    }

    /// <summary>
    /// Starts pstm with <paramref name="args"/> in <paramref name="workingDirectory"/>; with <paramref name="shell"/>,
    /// through <c>/bin/sh -c "SHELL; exec dotnet pstm.dll …"</c> (to start it as a shell would, signals ignored).
    /// </summary>
    public static RunningPstm Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, string[] args, string? shell = null)
    {
        var pstm = Path.Combine(AppContext.BaseDirectory, "pstm.dll");
        var start = shell is null ? new ProcessStartInfo("dotnet") : new ProcessStartInfo("/bin/sh");
        start.WorkingDirectory = workingDirectory;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        if (shell is not null)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add($"{shell}; exec dotnet \"$@\"");
            start.ArgumentList.Add("sh");
        }

        start.ArgumentList.Add(pstm);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var running = new RunningPstm(Process.Start(start)!);
        running.Process.OutputDataReceived += (_, e) => running.Received(e.Data);
        running.Process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (running._errors)
                {
                    running._errors.Add(e.Data);
                }
            }
        };
        running.Process.BeginOutputReadLine();
        running.Process.BeginErrorReadLine();
        return running;
    }

    /// <summary>How many lines have come so far: a mark to wait for a line after.</summary>
    public int Mark()
    {
        lock (_lines)
        {
            return _lines.Count;
        }
    }

    /// <summary>The first line at or after <paramref name="from"/> that <paramref name="wanted"/> accepts, once it comes.</summary>
    public async Task<string> LineAsync(Func<string, bool> wanted, int from = 0, TimeSpan? patience = null)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lines)
        {
            var line = _lines.Skip(from).FirstOrDefault(wanted);
            if (line is not null)
            {
                return line;
            }

            _waiting.Add((wanted, from, found));
        }

        try
        {
            return await found.Task.WaitAsync(patience ?? TimeSpan.FromMinutes(2));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"no such line came; pstm wrote:\n{string.Join("\n", Lines)}\nand on standard error:\n{Errors}");
        }
    }

    public Task<string> LineStartingAsync(string start, int from = 0) => LineAsync(l => l.StartsWith(start, StringComparison.Ordinal), from);

    /// <summary>The lines from <paramref name="from"/> up to (not including) <paramref name="to"/>.</summary>
    public IReadOnlyList<string> LinesBetween(int from, int to) => [.. Lines.Skip(from).Take(to - from)];

    /// <summary>The index of the first line at or after <paramref name="from"/> that is <paramref name="line"/>.</summary>
    public int IndexOf(string line, int from) => Lines.Select((l, i) => (l, i)).Skip(from).First(x => x.l == line).i;

    /// <summary>Sends <paramref name="signal"/> (INT, TERM) and waits for pstm to end; its exit code, or null when it did not end.</summary>
    public async Task<int?> StopAsync(string signal, TimeSpan patience)
    {
        using (var kill = Process.Start("kill", [$"-{signal}", Process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        try
        {
            await Process.WaitForExitAsync().WaitAsync(patience);
            return Process.ExitCode;
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit();
        }

        Process.Dispose();
    }

    private void Received(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
            var index = _lines.Count - 1;
            foreach (var waiter in _waiting.Where(w => index >= w.From && w.Wanted(line)).ToList())
            {
                _waiting.Remove(waiter);
                waiter.Found.TrySetResult(line);
            }
        }
    }
}
