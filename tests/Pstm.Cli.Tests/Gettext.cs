using System.Diagnostics;

namespace Pstm.Cli.Tests;

/// <summary>
/// GNU gettext's tools (msgfmt, msgmerge, msgcat, msgen, msgfilter), which translators' tools are built
/// on or agree with, run on the PO files pstm writes. A test that needs them fails, never skips, where
/// they are not installed: CI installs Debian's <c>gettext</c> package.
/// </summary>
internal static class Gettext
{
    /// <summary>Runs <paramref name="tool"/> in <paramref name="folder"/>; fails the test when it is not installed.</summary>
    public static (int ExitCode, string Out, string Error) Run(string folder, string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(Find(tool)) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        // Its messages in English, whatever the machine's language.
        start.Environment["LC_ALL"] = "C.UTF-8";
        start.Environment["LANGUAGE"] = "C";
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }

    /// <summary>Runs <paramref name="tool"/> and fails the test, with what it said, unless it succeeds.</summary>
    public static string Succeed(string folder, string tool, params string[] arguments)
    {
        var (exitCode, output, error) = Run(folder, tool, arguments);
        Assert.True(exitCode == 0, $"{tool} {string.Join(' ', arguments)} exited {exitCode}: {error}");
        return output;
    }

    private static string Find(string tool)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, tool))
            .FirstOrDefault(File.Exists);
        Assert.True(
            path is not null,
            $"GNU gettext must be installed for this test: {tool} is not on PATH. On Debian or Ubuntu: apt-get install gettext (CI's .ci/run installs it).");
        return path!;
    }
}
