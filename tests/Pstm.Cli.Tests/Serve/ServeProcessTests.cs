using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Pstm.Cli.Tests.Serve;

/// <summary>
/// pstm serve as a process: --port 0 serves on a free port and prints it, --open hands that address to
/// the opener, a busy port names the process that holds it, and a failed build (the first one too) shows
/// its errors in the served pages until the next good build, while unrelated files change nothing.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")] // /proc, signals and a shell script as the opener
public class ServeProcessTests
{
    private const string GoodNumber = "    number: 2\n    title: Inclusion and cohesion";
    private const string BadNumber = "    number: <b>two</b>\n    title: Inclusion and cohesion";

    [Fact]
    public void A_busy_port_names_the_process_that_holds_it()
    {
        using var root = new TemporaryFolder("pstm-busy-");
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
        var name = File.ReadAllText("/proc/self/comm").Trim();

        // pstm is another process: the holder it names is this test's.
        var (exitCode, stdout, stderr) = CliRunner.RunProcess(root.Path, new Dictionary<string, string>(), TimeSpan.FromMinutes(2), "serve", CliRunner.ShippedPlan, "--out", "dist", "--port", port);

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.Contains($"--port: error PSTM0710: cannot serve on 127.0.0.1:{port}", stdout);
        Assert.Contains($"held by process {Environment.ProcessId} ({name}", stdout);
        Assert.Contains("--port 0 for any free port", stdout);
        Assert.DoesNotContain("bug in pstm", stdout + stderr);
        Assert.False(Directory.Exists(Path.Combine(root.Path, "dist")), "the build started before the port was checked");
    }

    [Fact]
    public async Task Port_0_serves_on_a_free_port_it_prints_and_opens_and_the_pages_show_each_failed_build_until_a_good_one()
    {
        using var root = new TemporaryFolder("pstm-serve0-");
        var plan = Path.Combine(root.Path, "plan");
        CliRunner.Run($"init {plan}");
        var content = Path.Combine(plan, "content.yaml");
        Edit(content, GoodNumber, BadNumber);
        var (opener, opened) = RecordingOpener(root.Path);

        // The first build fails: pstm serves all the same, and says where.
        using var pstm = RunningPstm.Start(root.Path, new Dictionary<string, string> { ["PSTM_OPENER"] = opener }, ["serve", plan, "--port", "0", "--open", "--locale", "en", "--target", "booklet"]);
        var serving = await pstm.LineStartingAsync("serving ");
        var address = serving.Split(' ').Single(w => w.StartsWith("http://", StringComparison.Ordinal));
        Assert.Matches(@"^http://127\.0\.0\.1:[1-9][0-9]*/$", address);
        Assert.NotEqual("http://127.0.0.1:0/", address);
        Assert.Equal(address + "\n", await OpenedAsync(opened));
        using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };
        await pstm.LineStartingAsync("watching ");

        var index = await http.GetStringAsync("/");
        Assert.Contains("The build failed: 1 error", index);
        Assert.Contains("<code>plan/content.yaml:27:13</code>", index);
        Assert.Contains("<strong>PSTM0302</strong>", index);
        Assert.Contains("found &#39;&lt;b&gt;two&lt;/b&gt;&#39;", index);
        Assert.DoesNotContain("<b>two</b>", index);
        Assert.Contains("new EventSource('/__pstm/events')", index);
        var (state, diagnostics) = await DiagnosticsAsync(http);
        Assert.Equal("failed", state);
        Assert.Contains(("PSTM0302", "plan/content.yaml", 27), diagnostics);
        var notBuilt = await http.GetAsync("en/booklet.html");
        Assert.Equal(HttpStatusCode.NotFound, notBuilt.StatusCode);
        Assert.Contains("plan/content.yaml:27:13", await notBuilt.Content.ReadAsStringAsync());

        // Fixed: the open page is told to reload, and the editions are there, with no error.
        using var events = new StreamReader(await http.GetStreamAsync("__pstm/events"));
        Assert.Equal(": connected", await events.ReadLineAsync());
        var mark = pstm.Mark();
        Edit(content, BadNumber, GoodNumber);
        await pstm.LineStartingAsync("rebuilt in", mark);
        Assert.Equal("data: reload", await NextEventAsync(events));
        await SucceededAsync(http);
        index = await http.GetStringAsync("/");
        Assert.Contains("href=\"en/booklet.html\"", index);
        Assert.DoesNotContain("PSTM0302", index);
        Assert.DoesNotContain("pstm-overlay", await http.GetStringAsync("en/booklet.html"));

        // A file the build does not read changes nothing; broken again, the edition shows its error over it.
        mark = pstm.Mark();
        File.WriteAllText(Path.Combine(plan, "notes.txt"), "to do");
        File.WriteAllText(Path.Combine(plan, "draft.yaml"), "missions: []");
        File.WriteAllText(Path.Combine(plan, ".content.yaml.swp"), "vim");
        await Task.Delay(1500);
        Edit(content, GoodNumber, BadNumber);
        await pstm.LineStartingAsync("rebuilt in", mark);
        Assert.Equal(["changed: plan/content.yaml"], pstm.Lines.Skip(mark).Where(l => l.StartsWith("changed:", StringComparison.Ordinal)));
        Assert.Equal("data: reload", await NextEventAsync(events));
        var page = await http.GetStringAsync("en/booklet.html");
        Assert.Contains("<html lang=\"en\">", page);
        Assert.Contains("role=\"alertdialog\"", page);
        Assert.Contains("<code>plan/content.yaml:27:13</code>", page);
        Assert.Contains("found &#39;&lt;b&gt;two&lt;/b&gt;&#39;", page);
        Assert.Equal("failed", (await DiagnosticsAsync(http)).State);

        mark = pstm.Mark();
        Edit(content, BadNumber, GoodNumber);
        await pstm.LineStartingAsync("rebuilt in", mark);
        Assert.Equal("data: reload", await NextEventAsync(events));
        Assert.DoesNotContain("pstm-overlay", await http.GetStringAsync("en/booklet.html"));
        await SucceededAsync(http);

        Assert.Equal(ExitCodes.Cancelled, await pstm.StopAsync("INT", TimeSpan.FromSeconds(30)));
    }

    /// <summary>An opener that writes what it is given into a file, instead of opening it.</summary>
    internal static (string Opener, string Opened) RecordingOpener(string folder)
    {
        var opener = Path.Combine(folder, "opener.sh");
        var opened = Path.Combine(folder, "opened.txt");
        File.WriteAllText(opener, $"#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{opened}'\n");
        File.SetUnixFileMode(opener, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return (opener, opened);
    }

    /// <summary>What the opener was given, once it has been run.</summary>
    internal static async Task<string> OpenedAsync(string opened)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!File.Exists(opened) && waited.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(100);
        }

        await Task.Delay(200);
        return File.Exists(opened) ? File.ReadAllText(opened) : "(nothing opened)";
    }

    private static void Edit(string file, string old, string @new)
    {
        var text = File.ReadAllText(file);
        Assert.Contains(old, text);
        File.WriteAllText(file, text.Replace(old, @new, StringComparison.Ordinal));
    }

    private static async Task<string?> NextEventAsync(StreamReader events)
    {
        string? line;
        do
        {
            line = await events.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2));
        }
        while (line is not null && (line.Length == 0 || line.StartsWith(':')));

        return line;
    }

    private static async Task SucceededAsync(HttpClient http)
    {
        var (state, diagnostics) = await DiagnosticsAsync(http);
        Assert.Equal("succeeded", state);
        Assert.Empty(diagnostics);
    }

    private static async Task<(string? State, List<(string Code, string File, int Line)> Diagnostics)> DiagnosticsAsync(HttpClient http)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync("__pstm/diagnostics"));
        var diagnostics = document.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(d => (d.GetProperty("code").GetString()!, d.GetProperty("file").GetString()!, d.TryGetProperty("line", out var line) ? line.GetInt32() : 0))
            .ToList();
        return (document.RootElement.GetProperty("state").GetString(), diagnostics);
    }
}
