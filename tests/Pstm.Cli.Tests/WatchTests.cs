using System.Diagnostics;

namespace Pstm.Cli.Tests;

/// <summary><c>pstm build --watch</c> as a process: rebuilds on a change, and Ctrl+C leaves nothing running.</summary>
public class WatchTests
{
    [Fact]
    public async Task A_change_is_rebuilt_and_ctrl_c_ends_pstm_and_its_browser()
    {
        var root = Directory.CreateTempSubdirectory("pstm-watch-");
        var plan = Path.Combine(root.FullName, "plan");
        var temp = Directory.CreateDirectory(Path.Combine(root.FullName, "tmp")).FullName;
        try
        {
            CliRunner.Run($"init {plan}");
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root.FullName };
            foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "pstm.dll"), "build", plan, "--out", Path.Combine(root.FullName, "dist"), "--locale", "en", "--target", "booklet", "--watch" })
            {
                start.ArgumentList.Add(argument);
            }

            // The browser's profile is made under TMPDIR: its processes can be told apart from any other test's.
            start.Environment["TMPDIR"] = temp;
            using var pstm = Process.Start(start)!;
            var lines = new List<string>();
            var watching = new TaskCompletionSource();
            var rebuilt = new TaskCompletionSource();
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

                if (e.Data.StartsWith("rebuilt in", StringComparison.Ordinal))
                {
                    rebuilt.TrySetResult();
                }
            };
            pstm.BeginOutputReadLine();
            pstm.BeginErrorReadLine();

            await watching.Task.WaitAsync(TimeSpan.FromMinutes(2));
            var content = Path.Combine(plan, "content.yaml");
            File.WriteAllText(content, File.ReadAllText(content).Replace("title: Sustainable mobility", "title: Sustainable and safe mobility", StringComparison.Ordinal));
            await rebuilt.Task.WaitAsync(TimeSpan.FromMinutes(2));

            using (var interrupt = Process.Start("kill", ["-INT", pstm.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await interrupt.WaitForExitAsync();
            }

            await pstm.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(ExitCodes.Cancelled, pstm.ExitCode);
            lock (lines)
            {
                Assert.Contains(lines, l => l.StartsWith("changed: ", StringComparison.Ordinal) && l.Contains("content.yaml", StringComparison.Ordinal));
                Assert.Contains(lines, l => l.StartsWith("wrote ", StringComparison.Ordinal) && l.EndsWith("booklet.pdf", StringComparison.Ordinal));
            }

            await Task.Delay(500);
            Assert.DoesNotContain(Process.GetProcesses(), p => CommandLineOf(p).Contains(temp, StringComparison.Ordinal));
        }
        finally
        {
            root.Delete(recursive: true);
        }
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
}
