using System.Diagnostics;
using System.Globalization;

namespace Pstm.Cli.Tests;

/// <summary>
/// pstm as a process, stopped while its templates render and its browser is up: SIGTERM and SIGINT end
/// it at once (exit 130) with its browser and the browser's profile; kill -9 leaves no browser either.
/// </summary>
public class TerminationTests
{
    // Each turn searches a 9,000,000-character text: the booklet would render for minutes if nothing stopped it.
    private const string SlowLayout = "{{ s = 'x' | string.pad_left 9000000 }}\n{{ for i in 1..99999 }}{{ t = s | string.contains 'y' }}{{ end }}\n";

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task A_signal_while_templates_render_ends_pstm_its_browser_and_its_profile(string signal)
    {
        using var build = SlowBuild.Start();
        await build.BrowserStartedAsync();
        var signalled = Stopwatch.StartNew();

        Signal(build.Pstm, signal);
        await build.Pstm.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(ExitCodes.Cancelled == build.Pstm.ExitCode, $"exit {build.Pstm.ExitCode} after {signalled.Elapsed.TotalSeconds:0.0} s: {build.Error}");
        Assert.Empty(build.Browsers());
        Assert.Empty(Directory.GetDirectories(build.Temp, $"{Pdf.ChromiumBrowser.ProfilePrefix}*"));
        Assert.Contains("build cancelled", build.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Killing_pstm_outright_ends_its_browser_too()
    {
        using var build = SlowBuild.Start();
        await build.BrowserStartedAsync();

        build.Pstm.Kill();

        // Not WaitForExitAsync: it also waits for the end of pstm's output, which a browser left running holds open.
        var waited = Stopwatch.StartNew();
        while (!build.Pstm.HasExited && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(100);
        }

        // The browser notices that its end of the pipe is closed and quits; it is given generous time.
        waited.Restart();
        while (build.Browsers().Count > 0 && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(200);
        }

        Assert.Empty(build.Browsers());
    }

    private static void Signal(Process process, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>A build of the shipped plan through templates that render for minutes, in its own temporary folder.</summary>
    private sealed class SlowBuild : IDisposable
    {
        private readonly DirectoryInfo _root;
        private readonly System.Text.StringBuilder _error = new();

        private SlowBuild(DirectoryInfo root, Process pstm)
        {
            _root = root;
            Pstm = pstm;
        }

        public Process Pstm { get; }

        /// <summary>The TMPDIR of this pstm: its browser's profile, and so its browser's command lines, are under it.</summary>
        public string Temp => Path.Combine(_root.FullName, "tmp");

        public string Error
        {
            get
            {
                lock (_error)
                {
                    return _error.ToString();
                }
            }
        }

        public static SlowBuild Start()
        {
            var root = Directory.CreateTempSubdirectory("pstm-termination-");
            var templates = Path.Combine(root.FullName, "templates");
            CopyFolder(Path.Combine(CliRunner.RepositoryRoot, "templates"), templates);
            File.WriteAllText(Path.Combine(templates, "booklet", "layout.sbn-html"), SlowLayout);
            Directory.CreateDirectory(Path.Combine(root.FullName, "tmp"));

            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root.FullName };
            foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "pstm.dll"), "build", CliRunner.ShippedPlan, "--out", Path.Combine(root.FullName, "dist"), "--locale", "en", "--target", "booklet", "--templates", templates })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["TMPDIR"] = Path.Combine(root.FullName, "tmp");
            var pstm = Process.Start(start)!;
            var build = new SlowBuild(root, pstm);
            pstm.ErrorDataReceived += (_, e) =>
            {
                lock (build._error)
                {
                    build._error.AppendLine(e.Data);
                }
            };
            pstm.BeginOutputReadLine();
            pstm.BeginErrorReadLine();
            return build;
        }

        /// <summary>Waits until the browser runs, while the templates still render.</summary>
        public async Task BrowserStartedAsync()
        {
            var waited = Stopwatch.StartNew();
            while (Browsers().Count == 0 && !Pstm.HasExited && waited.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(100);
            }

            Assert.False(Pstm.HasExited, $"pstm ended before its browser was seen: {Error}");
            Assert.NotEmpty(Browsers());
        }

        /// <summary>The processes whose command line names this build's temporary folder: its browser's.</summary>
        public List<int> Browsers()
        {
            var found = new List<int>();
            foreach (var directory in Directory.GetDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(directory), out var pid) && pid != Pstm.Id && CommandLineOf(pid).Contains(Temp, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }

            return found;
        }

        public void Dispose()
        {
            // Whatever a failed test left running of this build is ended here, by process id.
            foreach (var pid in Browsers())
            {
                try
                {
                    Process.GetProcessById(pid).Kill(entireProcessTree: true);
                }
                catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
                {
                    // Ended already.
                }
            }

            if (!Pstm.HasExited)
            {
                Pstm.Kill();
                Pstm.WaitForExit();
            }

            Pstm.Dispose();
            _root.Delete(recursive: true);
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

        private static void CopyFolder(string source, string target)
        {
            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                var copy = Path.Combine(target, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(file, copy);
            }
        }
    }
}
