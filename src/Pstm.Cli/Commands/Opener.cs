using System.CommandLine;
using System.Diagnostics;

namespace Pstm.Cli.Commands;

/// <summary>
/// <c>--open</c>: opens what a build made (its booklet, its deck) or the address served, with the
/// program the system opens files and addresses with: <c>xdg-open</c> (Linux and other Unix systems),
/// <c>open</c> (macOS), the shell's association (Windows, as <c>start</c> does). <c>PSTM_OPENER</c>
/// names another program, run with the file or address as its one argument (tests use it to see what
/// would be opened without opening anything).
/// </summary>
internal static class Opener
{
    public const string Variable = "PSTM_OPENER";

    public static readonly Option<bool> Option = new("--open")
    {
        Description = "Open the edition built (its booklet, or its deck) or, when serving, the address served, with the system's opener (PSTM_OPENER names another).",
    };

    /// <summary>
    /// Starts opening <paramref name="target"/> (a file or an http address) without waiting for it;
    /// null when started, else why it could not be.
    /// </summary>
    public static string? Open(string target)
    {
        var opener = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } named ? named
            : OperatingSystem.IsWindows() ? null
            : OperatingSystem.IsMacOS() ? "open"
            : "xdg-open";
        try
        {
            if (opener is null)
            {
                // Windows: the file's or the address's association, as 'start' opens it.
                Process.Start(new ProcessStartInfo(target) { UseShellExecute = true })?.Dispose();
                return null;
            }

            if (OperatingSystem.IsWindows())
            {
                Process.Start(new ProcessStartInfo(opener) { ArgumentList = { target }, UseShellExecute = false })?.Dispose();
                return null;
            }

            if (Find(opener) is not { } program)
            {
                return $"'{opener}' is not a program this system can run (not found{(opener.Contains('/', StringComparison.Ordinal) ? "" : " on PATH")})";
            }

            // Its input and output are not pstm's: a browser it starts may outlive pstm, and must not write into
            // pstm's report nor hold its pipes. The shell gives it /dev/null and becomes it.
            var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
            foreach (var argument in new[] { "-c", "exec \"$0\" \"$1\" </dev/null >/dev/null 2>&1", program, target })
            {
                start.ArgumentList.Add(argument);
            }

            Process.Start(start)?.Dispose();
            return null;
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException or PlatformNotSupportedException)
        {
            return $"'{opener ?? target}' could not be run: {exception.Message}";
        }
    }

    /// <summary>The program's path: as given when it names a folder, else the first executable of that name on PATH.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static string? Find(string program)
    {
        if (program.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(program) ? Path.GetFullPath(program) : null;
        }

        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, program);
            if (File.Exists(candidate) && (File.GetUnixFileMode(candidate) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0)
            {
                return candidate;
            }
        }

        return null;
    }
}
