using System.Diagnostics;
using Pstm.Cli.Tests.Serve;

namespace Pstm.Cli.Tests;

/// <summary>
/// pstm build --watch as a process: editors' temporary files and files the build does not read start no
/// rebuild; a rebuild says what changed and only the diagnostics it adds or no longer has, and counts
/// the outputs it left as they were; SIGINT stops it even when its parent ignored SIGINT, and so does
/// SIGTERM; --open opens the booklet built.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")] // /proc, signals and a shell script as the opener
public class WatchRebuildTests
{
    // A translation of no field of the plan: a warning (PSTM0803) every build of the Italian edition reports.
    private const string Orphan = "  drivers.D7.name:\n    source: 0123456789ab\n    text: \"Nessuno\"\n";

    [Fact]
    public async Task A_rebuild_names_what_changed_and_only_new_or_fixed_diagnostics_and_editors_files_start_none()
    {
        using var root = new TemporaryFolder("pstm-quiet-");
        var plan = Path.Combine(root.Path, "plan");
        CliRunner.Run($"init {plan}");
        var italian = Path.Combine(plan, "translations", "it.yaml");
        File.AppendAllText(italian, Orphan);
        var content = Path.Combine(plan, "content.yaml");

        using var pstm = RunningPstm.Start(root.Path, null, ["build", plan, "--locale", "it", "--target", "booklet", "--watch"]);
        await pstm.LineStartingAsync("watching ");
        Assert.Single(pstm.Lines, l => l.Contains("PSTM0803", StringComparison.Ordinal) && l.Contains("drivers.D7.name", StringComparison.Ordinal));

        // What editors and tools leave beside the files, and files the build does not read: no rebuild.
        var mark = pstm.Mark();
        foreach (var noise in new[] { "sedAb12Cd", ".content.yaml.swp", ".content.yaml.swx", "4913", "content.yaml~", ".#content.yaml", "content.yaml.tmp", "content.yaml___jb_tmp___", "notes.txt", "draft.yaml", Path.Combine("translations", "it.yaml~") })
        {
            File.WriteAllText(Path.Combine(plan, noise), "noise");
        }

        await Task.Delay(1500);

        // Then a real change, made as sed -i makes it (a temporary file renamed over the file).
        using (var sed = Process.Start("sed", ["-i", "s/title: Sustainable mobility/title: Sustainable and safe mobility/", content]))
        {
            await sed.WaitForExitAsync();
            Assert.Equal(0, sed.ExitCode);
        }

        var verdict = await pstm.LineAsync(l => l.StartsWith("build ", StringComparison.Ordinal), mark);
        await pstm.LineStartingAsync("rebuilt in", mark);
        var rebuild = pstm.LinesBetween(mark, pstm.Mark());
        Assert.Equal("changed: plan/content.yaml", rebuild[0]);
        Assert.Single(rebuild, l => l.StartsWith("changed:", StringComparison.Ordinal));

        // The retitled mission's translation is stale: new, so shown; the orphan translation was reported already.
        Assert.Contains(rebuild, l => l.Contains("warning PSTM0802", StringComparison.Ordinal) && l.Contains("missions.M1.title", StringComparison.Ordinal));
        Assert.DoesNotContain(rebuild, l => l.Contains("PSTM0803", StringComparison.Ordinal));
        Assert.DoesNotContain(rebuild, l => l.StartsWith("unchanged ", StringComparison.Ordinal));
        // The Italian booklet shows the Italian title, stale or not: it is left as it was.
        Assert.DoesNotContain(rebuild, l => l.StartsWith("wrote ", StringComparison.Ordinal));
        Assert.StartsWith("build succeeded: 0 errors, 2 warnings", verdict);
        Assert.EndsWith("(1 new); 2 outputs unchanged", verdict);

        // The orphan translation removed: said fixed, once; the stale one is not said again.
        mark = pstm.Mark();
        File.WriteAllText(italian, File.ReadAllText(italian).Replace(Orphan, "", StringComparison.Ordinal));
        verdict = await pstm.LineAsync(l => l.StartsWith("build ", StringComparison.Ordinal), mark);
        await pstm.LineStartingAsync("rebuilt in", mark);
        rebuild = pstm.LinesBetween(mark, pstm.Mark());
        Assert.Equal("changed: plan/translations/it.yaml", rebuild[0]);
        Assert.Single(rebuild, l => l.StartsWith("fixed: plan/translations/it.yaml(", StringComparison.Ordinal) && l.Contains("warning PSTM0803", StringComparison.Ordinal) && l.Contains("drivers.D7.name", StringComparison.Ordinal));
        Assert.DoesNotContain(rebuild, l => l.Contains("PSTM0802", StringComparison.Ordinal));
        Assert.StartsWith("build succeeded: 0 errors, 1 warning", verdict);
        Assert.EndsWith("(1 fixed); 2 outputs unchanged", verdict);

        // Saved as it was: nothing to print; one line counts the outputs left as they were.
        mark = pstm.Mark();
        File.WriteAllText(content, File.ReadAllText(content));
        verdict = await pstm.LineAsync(l => l.StartsWith("build ", StringComparison.Ordinal), mark);
        await pstm.LineStartingAsync("rebuilt in", mark);
        rebuild = pstm.LinesBetween(mark, pstm.Mark());
        Assert.Matches(@"^build succeeded: 0 errors, 1 warning(, [0-9]+ infos?)?; 2 outputs unchanged$", verdict);
        Assert.Equal(["changed: plan/content.yaml", verdict], rebuild.Where(l => !l.StartsWith("rebuilt in", StringComparison.Ordinal)));

        Assert.Equal(ExitCodes.Cancelled, await pstm.StopAsync("INT", TimeSpan.FromSeconds(30)));
    }

    [Theory]
    [InlineData("INT", "trap '' INT")] // as a shell without job control starts a command run with &
    [InlineData("TERM", null)]
    public async Task A_watch_stops_cleanly_on_SIGINT_even_when_its_parent_ignored_it_and_on_SIGTERM(string signal, string? shell)
    {
        using var root = new TemporaryFolder("pstm-stop-");
        var plan = Path.Combine(root.Path, "plan");
        var temp = Directory.CreateDirectory(Path.Combine(root.Path, "tmp")).FullName;
        CliRunner.Run($"init {plan}");

        if (shell is not null)
        {
            // The way pstm is started below does hand it SIGINT ignored.
            using var probe = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", $"{shell}; exec grep SigIgn /proc/self/status"]) { RedirectStandardOutput = true })!;
            var ignored = (await probe.StandardOutput.ReadToEndAsync()).Trim();
            Assert.True((Convert.ToUInt64(ignored["SigIgn:".Length..].Trim(), 16) & 0x2) != 0, ignored);
        }

        using var pstm = RunningPstm.Start(root.Path, new Dictionary<string, string> { ["TMPDIR"] = temp }, ["build", plan, "--locale", "en", "--target", "booklet", "--watch"], shell);
        await pstm.LineStartingAsync("watching ");

        var exitCode = await pstm.StopAsync(signal, TimeSpan.FromSeconds(30));

        Assert.True(exitCode == ExitCodes.Cancelled, $"exit {exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none: pstm did not stop"}; {pstm.Errors}");
        Assert.Contains("pstm: stopped watching.", pstm.Errors, StringComparison.Ordinal);
        await Task.Delay(500);
        Assert.DoesNotContain(Process.GetProcesses(), p => CommandLineOf(p.Id).Contains(temp, StringComparison.Ordinal));
        Assert.Empty(Directory.GetDirectories(temp, $"{Pdf.ChromiumBrowser.ProfilePrefix}*"));
    }

    [Fact]
    public async Task Open_hands_the_booklet_built_to_the_opener()
    {
        using var root = new TemporaryFolder("pstm-open-");
        var plan = Path.Combine(root.Path, "plan");
        CliRunner.Run($"init {plan}");
        var (opener, opened) = ServeProcessTests.RecordingOpener(root.Path);

        var (exitCode, stdout, stderr) = CliRunner.RunProcess(
            root.Path, new Dictionary<string, string> { ["PSTM_OPENER"] = opener }, TimeSpan.FromMinutes(3), "build", plan, "--locale", "en", "--target", "booklet", "--open");

        Assert.True(exitCode == 0, stdout + stderr);
        Assert.Equal(Path.Combine(root.Path, "dist", "en", "booklet.pdf") + "\n", await ServeProcessTests.OpenedAsync(opened));
    }

    [Fact]
    public void An_opener_that_cannot_be_run_is_said_and_the_build_is_not_failed_for_it()
    {
        var before = Environment.GetEnvironmentVariable(Commands.Opener.Variable);
        try
        {
            Environment.SetEnvironmentVariable(Commands.Opener.Variable, "/nonexistent/opener");
            Assert.Contains("'/nonexistent/opener' is not a program this system can run", Commands.Opener.Open("/tmp/booklet.pdf"));
            Environment.SetEnvironmentVariable(Commands.Opener.Variable, "no-such-opener-on-path");
            Assert.Contains("not found on PATH", Commands.Opener.Open("http://127.0.0.1:8080/"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(Commands.Opener.Variable, before);
        }
    }

    private static string CommandLineOf(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
