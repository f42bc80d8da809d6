using System.Diagnostics;

namespace Pstm.Cli.Tests;

/// <summary><c>pstm build --watch</c> as a process: rebuilds on a change, and Ctrl+C leaves nothing running.</summary>
public class WatchTests
{
    [Fact]
    public async Task A_change_is_rebuilt_and_ctrl_c_ends_pstm_and_its_browser()
    {
        using var root = new TemporaryFolder("pstm-watch-");
        var plan = Path.Combine(root.Path, "plan");
        var temp = Directory.CreateDirectory(Path.Combine(root.Path, "tmp")).FullName;

        CliRunner.Run($"init {plan}");

        // A template layer of one file: any file in a layer is one the build may read, so its changes count.
        var templates = Directory.CreateDirectory(Path.Combine(root.Path, "templates")).FullName;
        File.Copy(Path.Combine(CliRunner.RepositoryRoot, "templates", "theme.css"), Path.Combine(templates, "theme.css"));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root.Path };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "pstm.dll"), "build", plan, "--out", Path.Combine(root.Path, "dist"), "--locale", "en", "--target", "booklet", "--templates", templates, "--watch" })
        {
            start.ArgumentList.Add(argument);
        }

        // The browser's profile is made under TMPDIR: its processes can be told apart from any other test's.
        start.Environment["TMPDIR"] = temp;
        using var pstm = Process.Start(start)!;
        var lines = new List<string>();
        var watching = new TaskCompletionSource();
        var rebuilt = new TaskCompletionSource();
        var contentChanged = false;
        var oddName = new TaskCompletionSource<string>();
        pstm.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (lines)
            {
                lines.Add(e.Data);
            }

            if (e.Data.StartsWith("watching", StringComparison.Ordinal))
            {
                watching.TrySetResult();
            }

            // The rebuild that follows the edit of content.yaml, not one for another change.
            contentChanged |= e.Data.StartsWith("changed: ", StringComparison.Ordinal) && e.Data.Contains("content.yaml", StringComparison.Ordinal);
            if (e.Data.StartsWith("rebuilt in", StringComparison.Ordinal) && contentChanged)
            {
                rebuilt.TrySetResult();
            }

            if (e.Data.Contains("[31m", StringComparison.Ordinal))
            {
                oddName.TrySetResult(e.Data);
            }
        };
        pstm.BeginOutputReadLine();
        pstm.BeginErrorReadLine();

        await watching.Task.WaitAsync(TimeSpan.FromMinutes(2));

        // A file whose name would colour the terminal is named with its escape shown, not obeyed.
        File.WriteAllText(Path.Combine(templates, "notes\u001b[31m.txt"), "");
        var oddLine = await oddName.Task.WaitAsync(TimeSpan.FromMinutes(2));

        var content = Path.Combine(plan, "content.yaml");
        File.WriteAllText(content, File.ReadAllText(content).Replace("title: Sustainable mobility", "title: Sustainable and safe mobility", StringComparison.Ordinal));
        await rebuilt.Task.WaitAsync(TimeSpan.FromMinutes(2));

        using (var interrupt = Process.Start("kill", ["-INT", pstm.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync();
        }

        await pstm.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ExitCodes.Cancelled, pstm.ExitCode);
        Assert.DoesNotContain('\u001b', oddLine);
        Assert.Contains("notes\\u001B[31m.txt", oddLine, StringComparison.Ordinal);
        lock (lines)
        {
            Assert.Contains(lines, l => l.StartsWith("changed: ", StringComparison.Ordinal) && l.Contains("content.yaml", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("wrote ", StringComparison.Ordinal) && l.EndsWith("booklet.pdf", StringComparison.Ordinal));
        }

        await Task.Delay(500);
        Assert.DoesNotContain(Process.GetProcesses(), p => CommandLineOf(p).Contains(temp, StringComparison.Ordinal));
    }

    private static string CommandLineOf(Process process)
    {
        try
        {
            return File.ReadAllText($"/proc/{process.Id}/cmdline");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    [Fact]
    public async Task Serve_serves_the_editions_on_loopback_and_tells_open_pages_to_reload_after_a_rebuild()
    {
        using var root = new TemporaryFolder("pstm-serve-");
        var plan = Path.Combine(root.Path, "plan");

        CliRunner.Run($"init {plan}");
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root.Path };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "pstm.dll"), "serve", plan, "--out", Path.Combine(root.Path, "dist"), "--locale", "en", "--target", "booklet", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var pstm = Process.Start(start)!;
        var watching = new TaskCompletionSource();
        pstm.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith("watching", StringComparison.Ordinal) == true)
            {
                watching.TrySetResult();
            }
        };
        pstm.BeginOutputReadLine();
        pstm.BeginErrorReadLine();
        await watching.Task.WaitAsync(TimeSpan.FromMinutes(2));

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromMinutes(2) };
        var page = await http.GetStringAsync("en/booklet.html");
        Assert.Contains("<html lang=\"en\">", page);
        Assert.Contains("new EventSource('/__pstm/events')", page);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync("../../etc/passwd")).StatusCode);

        using var events = await http.GetStreamAsync("__pstm/events");
        using var reader = new StreamReader(events);
        Assert.Equal(": connected", await reader.ReadLineAsync());
        var content = Path.Combine(plan, "content.yaml");
        File.WriteAllText(content, File.ReadAllText(content).Replace("title: Sustainable mobility", "title: Sustainable and safe mobility", StringComparison.Ordinal));
        string? line;
        do
        {
            line = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2));
        }
        while (line is not null && line.Length == 0);

        Assert.Equal("data: reload", line);
        Assert.Contains("Sustainable and safe mobility", await http.GetStringAsync("en/booklet.html"));

        using (var interrupt = Process.Start("kill", ["-INT", pstm.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync();
        }

        await pstm.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(ExitCodes.Cancelled, pstm.ExitCode);
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
