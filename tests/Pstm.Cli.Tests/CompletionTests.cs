using System.Diagnostics;

namespace Pstm.Cli.Tests;

/// <summary>
/// <c>pstm completion SHELL</c>: each script, loaded in its own shell with the built pstm on PATH, completes
/// commands, options and option values, and leaves a path to the shell where pstm knows no word.
/// </summary>
public sealed class CompletionTests : IDisposable
{
    // Each line typed so far, and what the completion must offer for it.
    public static TheoryData<string, string, string> Lines => new()
    {
        { "pstm va", "va", "validate" },
        { "pstm build --tar", "--tar", "--target" },
        { "pstm build --target s", "s", "slides" },
        { "pstm i18n ex", "ex", "extract" },
        { "pstm completion ", "", "bash fish pwsh zsh" },
    };

    private readonly TemporaryFolder _folder = new("pstm-completion-");

    private static readonly string[] Shells = ["bash", "zsh", "fish", "pwsh"];

    [System.Runtime.Versioning.SupportedOSPlatform("linux")] // the shells' scripts run on the machines that have the shells
    public CompletionTests()
    {
        // pstm as a shell finds it: a command named pstm on PATH that runs the built one.
        var bin = Directory.CreateDirectory(Path.Combine(_folder.Path, "bin")).FullName;
        var pstm = Path.Combine(bin, "pstm");
        File.WriteAllText(pstm, $"#!/bin/sh\nexec dotnet '{Path.Combine(AppContext.BaseDirectory, "pstm.dll")}' \"$@\"\n");
        File.SetUnixFileMode(pstm, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.CreateDirectory(Path.Combine(_folder.Path, "work", "plan"));
    }

    [Fact]
    public void Each_shell_gets_its_own_script_and_an_unknown_shell_is_refused()
    {
        var scripts = Shells.Select(shell => CliRunner.Run($"completion {shell}")).ToList();
        var (exitCode, _, error) = CliRunner.Run("completion tcsh");

        Assert.All(scripts, script => Assert.Equal(ExitCodes.Success, script.ExitCode));
        Assert.Contains("complete -o filenames -F _pstm_complete pstm", scripts[0].Out);
        Assert.StartsWith("#compdef pstm", scripts[1].Out);
        Assert.Contains("complete -c pstm -x -a '(__pstm_complete)'", scripts[2].Out);
        Assert.Contains("Register-ArgumentCompleter -Native -CommandName pstm", scripts[3].Out);
        Assert.Equal(4, scripts.Select(s => s.Out).Distinct().Count());
        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("tcsh", error);
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void Bash_completes(string line, string word, string expected)
    {
        var script = Save("bash");
        var words = line.EndsWith(' ') ? $"{line}''" : line;
        var completed = Shell("bash", $"source '{script}'; COMP_LINE='{line}'; COMP_POINT=${{#COMP_LINE}}; COMP_WORDS=({words}); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1)); _pstm_complete; printf '%s\\n' \"${{COMPREPLY[@]}}\"");

        Assert.Equal(Words(expected), Offered(completed, word));
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void Zsh_completes(string line, string word, string expected)
    {
        // compadd and _files exist only inside zsh's completion system: these stand-ins print what they are given.
        var script = Save("zsh");
        var completed = Shell("zsh", $"compdef() {{ :; }}; source '{script}'; compadd() {{ [[ $1 == -- ]] && shift; local m; m=(${{(M)@:#${{PREFIX}}*}}); (( $#m )) || return 1; print -l -- $m; }}; _files() {{ print -- \"FILES:$PREFIX\"; }}; BUFFER='{line}'; CURSOR=${{#BUFFER}}; PREFIX='{word}'; _pstm");

        Assert.Equal(Words(expected), Offered(completed, word));
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void Fish_completes(string line, string word, string expected)
    {
        var script = Save("fish");
        var completed = Shell("fish", $"source '{script}'; complete -C'{line}'");

        Assert.Equal(Words(expected), Offered(completed, word));
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void PowerShell_completes(string line, string word, string expected)
    {
        var script = Save("pwsh");
        var completed = Shell("pwsh", $". '{script}'; (TabExpansion2 -inputScript '{line}' -cursorColumn {line.Length}).CompletionMatches | ForEach-Object CompletionText");

        Assert.Equal(Words(expected), Offered(completed, word));
    }

    [Fact]
    public void Where_pstm_knows_no_word_the_paths_are_offered()
    {
        Assert.Equal(["plan"], Offered(Shell("bash", $"source '{Save("bash")}'; COMP_LINE='pstm build pl'; COMP_POINT=13; COMP_WORDS=(pstm build pl); COMP_CWORD=2; _pstm_complete; printf '%s\\n' \"${{COMPREPLY[@]}}\""), "pl"));
        Assert.Equal(["plan/"], Offered(Shell("fish", $"source '{Save("fish")}'; complete -C'pstm build pl'"), "pl"));
        Assert.Equal(["FILES:pl"], Offered(Shell("zsh", $"compdef() {{ :; }}; source '{Save("zsh")}'; compadd() {{ return 1; }}; _files() {{ print -- \"FILES:$PREFIX\"; }}; BUFFER='pstm build pl'; CURSOR=13; PREFIX=pl; _pstm"), "FILES"));
    }

    public void Dispose() => _folder.Dispose();

    private static string[] Words(string expected) => expected.Split(' ');

    /// <summary>The words offered that start as the word typed, sorted: shells differ in order and in help options.</summary>
    private static string[] Offered(string completed, string word) =>
        [.. completed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(w => w.StartsWith(word, StringComparison.Ordinal) && !(word.Length == 0 && w.StartsWith('-')))
            .Order(StringComparer.Ordinal)];

    private string Save(string shell)
    {
        var (exitCode, script, _) = CliRunner.Run($"completion {shell}");
        Assert.Equal(ExitCodes.Success, exitCode);
        var file = Path.Combine(_folder.Path, $"pstm.{shell}" + (shell == "pwsh" ? ".ps1" : ""));
        File.WriteAllText(file, script);
        return file;
    }

    /// <summary>Runs <paramref name="command"/> in <paramref name="shell"/>, in a folder with a plan/ in it.</summary>
    private string Shell(string shell, string command)
    {
        var work = Path.Combine(_folder.Path, "work");

        // PowerShell is the local tool of the repository's manifest, which dotnet finds from the repository.
        var start = shell == "pwsh"
            ? new ProcessStartInfo("dotnet") { WorkingDirectory = CliRunner.RepositoryRoot, ArgumentList = { "pwsh", "-NoProfile", "-NonInteractive", "-Command", $"Set-Location '{work}'; {command}" } }
            : new ProcessStartInfo(shell) { WorkingDirectory = work, ArgumentList = { "-c", command } };
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["PATH"] = $"{Path.Combine(_folder.Path, "bin")}:{Environment.GetEnvironmentVariable("PATH")}";

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"{shell} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), $"{shell} did not finish");
        Assert.True(process.ExitCode == 0, $"{shell} failed ({process.ExitCode}): {error.Result}");
        return output.Result;
    }
}
