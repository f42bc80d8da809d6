using System.ComponentModel;
using System.Diagnostics;

namespace Pstm.Cli.Commands;

/// <summary>
/// Runs git for the revisions of <c>pstm diff</c> and <c>--changes-since</c>, its arguments passed as they are
/// (no shell). Callers pass git only hashes they resolved and paths after <c>--</c>, never the user's raw text
/// where git would read an option.
/// </summary>
internal static class GitProcess
{
    /// <summary>git's standard output, trimmed (a hash, a tag), or null with what git said ("" when it said nothing).</summary>
    public static (string? Output, string Error) Run(params string[] arguments)
    {
        var (git, error) = Start(arguments);
        if (git is null)
        {
            return (null, error);
        }

        using (git)
        {
            var said = git.StandardError.ReadToEndAsync();
            var output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            return git.ExitCode == 0 ? (output.Trim(), "") : (null, LastLine(said.Result, ""));
        }
    }

    /// <summary>git started, its standard output and error to be read by the caller; null with the reason when git cannot be run.</summary>
    public static (Process? Git, string Error) Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            return (Process.Start(start)!, "");
        }
        catch (Win32Exception exception)
        {
            return (null, $"git cannot be run ({exception.Message}); is it installed?");
        }
    }

    /// <summary>What git said on standard error: its last line ("fatal: …"), or <paramref name="silent"/> when nothing.</summary>
    public static string LastLine(string standardError, string silent) =>
        standardError.Trim().Split('\n').LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? silent;
}
