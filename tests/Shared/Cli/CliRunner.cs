using System.Diagnostics;
using Pstm.Cli;
using Pstm.Cli.Console;

namespace Pstm.Testing;

/// <summary>Runs pstm in-process with a captured console, or as a real process.</summary>
internal static class CliRunner
{
    public static string RepositoryRoot => Golden.RepositoryRoot;

    public static string ShippedPlan => Path.Combine(RepositoryRoot, "plan");

    /// <summary>A copy of the shipped plan, for tests that change it; the caller deletes it.</summary>
    public static DirectoryInfo CopyOfShippedPlan() => TestFolders.CopyOf(ShippedPlan);

    public static string PlanCase(string name) => Path.Combine(RepositoryRoot, "tests", "Pstm.Plan.Tests", "Cases", name, "plan");

    public static (int ExitCode, string Out, string Error) Run(string commandLine, bool terminal = false)
    {
        var console = new CapturedConsole(isTerminal: terminal);
        var exitCode = PstmCommandLine.Run(Split(commandLine), console);
        return (exitCode, console.OutText, console.ErrorText);
    }

    /// <summary>Runs the built pstm as its own process, in <paramref name="workingDirectory"/>.</summary>
    public static (int ExitCode, string Out, string Error) RunProcess(string workingDirectory, params string[] args) =>
        RunProcess(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>Runs the built pstm as its own process, with <paramref name="environment"/> added to its environment.</summary>
    public static (int ExitCode, string Out, string Error) RunProcess(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var pstm = Path.Combine(AppContext.BaseDirectory, "pstm.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(pstm);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Runs pstm in-process with these arguments as they are (an empty one included).</summary>
    public static (int ExitCode, string Out, string Error) RunWith(params string[] args)
    {
        var console = new CapturedConsole(isTerminal: false);
        var exitCode = PstmCommandLine.Run(args, console);
        return (exitCode, console.OutText, console.ErrorText);
    }

    /// <summary>
    /// Runs the built pstm as its own process with <paramref name="environment"/> added to its variables;
    /// ended after <paramref name="timeout"/>, with exit code -1, so that a hang fails the test instead of the run.
    /// </summary>
    public static (int ExitCode, string Out, string Error) RunProcess(
        string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "pstm.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (-1, output.Result, error.Result);
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    private static string[] Split(string commandLine) =>
        commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => a.Replace("{plan}", ShippedPlan)).ToArray();
}
