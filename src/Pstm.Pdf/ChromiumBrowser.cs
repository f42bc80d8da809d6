using System.Collections.Concurrent;
using Pstm.Diagnostics;
using PuppeteerSharp;

namespace Pstm.Pdf;

/// <summary>
/// One headless browser for a build: a fresh profile, no background traffic, and every request that is
/// not a file of the build's own folder blocked. Disposing it ends the browser, also after a failure
/// or a cancellation, and removes its profile; and the browser quits by itself when pstm is gone.
/// </summary>
public sealed class ChromiumBrowser : IAsyncDisposable
{
    private readonly IBrowser _browser;
    private readonly string _profile;
    private readonly BrowserSteps _steps;

    // Tabs are opened ahead, while the build does other work, and reused: a tab costs about 0.2 s of
    // processor and a renderer process. A tab's past does not reach its next print: the one trace of it,
    // DOM node numbers in the PDF's structure ids, is renumbered by the finish (see StructureIds).
    private readonly ConcurrentQueue<Task<BrowserTab>> _spares = new();

    private ChromiumBrowser(IBrowser browser, string profile, TimeSpan timeout)
    {
        _browser = browser;
        _profile = profile;
        _steps = new BrowserSteps(browser, timeout);
    }

    /// <summary>How the browser profiles in the temporary folder are named: this prefix, then the process id.</summary>
    public const string ProfilePrefix = "pstm-chromium-";

    /// <summary>Starts the browser; null after reporting why it could not start.</summary>
    public static async Task<ChromiumBrowser?> LaunchAsync(string executable, TimeSpan timeout, DiagnosticBag diagnostics, CancellationToken cancellation)
    {
        // Named after this process: a profile left behind says whose it was, and tests count only their own.
        var profile = Directory.CreateTempSubdirectory($"{ProfilePrefix}{Environment.ProcessId}-").FullName;
        var options = new LaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            UserDataDir = profile,
            Timeout = (int)timeout.TotalMilliseconds,
            ProtocolTimeout = (int)timeout.TotalMilliseconds,

            // Spoken to over a pipe, not a port: when pstm ends in any way, even killed outright, the
            // browser reads the end of the pipe and quits, instead of running on with nobody to end it.
            Pipe = true,
            Args = Arguments(),
        };
        var launcher = new Launcher();
        var launching = launcher.LaunchAsync(options);
        try
        {
            var browser = await launching.WaitAsync(timeout, cancellation);
            return new ChromiumBrowser(browser, profile, timeout);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Stopped half-way: the browser may still come up, and must not outlive the build.
            await EndWhenStartedAsync(launcher, launching);
            TryDelete(profile);
            throw;
        }
        catch (Exception exception)
        {
            await EndWhenStartedAsync(launcher, launching);
            TryDelete(profile);
            diagnostics.Add((exception is TimeoutException ? PdfDiagnostics.Timeout : PdfDiagnostics.BrowserFailed).Create(
                SourceSpan.ForFile(executable),
                $"the browser could not be started: {exception.Message}",
                "check that the path is a Chromium, Chrome or Edge executable that runs on this machine (try it with --version)"));
            return null;
        }
    }

    /// <summary>
    /// Prints the HTML file at <paramref name="htmlPath"/> to PDF, letting it load only files under
    /// <paramref name="allowedFolder"/>; null after reporting why it failed.
    /// </summary>
    public async Task<byte[]?> PrintAsync(string htmlPath, string allowedFolder, DiagnosticBag diagnostics, CancellationToken cancellation)
    {
        await using var document = await OpenAsync(htmlPath, allowedFolder, diagnostics, cancellation);
        return document is null ? null : await document.PrintAsync(diagnostics, cancellation);
    }

    /// <summary>
    /// Loads the HTML file at <paramref name="htmlPath"/> in a tab, in <paramref name="view"/> (the
    /// browser's window on screen unless given), letting it load only files under
    /// <paramref name="allowedFolder"/>, to measure and print it once or more; null after reporting why
    /// it failed. Disposing the document gives its tab back for the next one.
    /// </summary>
    public async Task<LoadedDocument?> OpenAsync(string htmlPath, string allowedFolder, DiagnosticBag diagnostics, CancellationToken cancellation, PageView? view = null)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(allowedFolder)) + Path.DirectorySeparatorChar;
        BrowserTab? tab = null;
        try
        {
            tab = _spares.TryDequeue(out var spare)
                ? await _steps.RunAsync(spare, cancellation)
                : await BrowserTab.OpenAsync(_browser, _steps, cancellation);
            await tab.LoadAsync(new Uri(htmlPath).AbsoluteUri, root, view ?? PageView.Default, cancellation);
            var document = new LoadedDocument(this, tab, htmlPath, _steps);
            tab = null;
            return document;
        }
        catch (Exception exception) when (BrowserFailure.Is(exception) || BrowserFailure.MayComeFromItsEnd(exception))
        {
            if (!await _steps.IsFailureAsync(exception))
            {
                throw;
            }

            BrowserFailure.Report(diagnostics, htmlPath, "loading the page", exception, _steps.Timeout, HasEnded);

            // A page that tried to leave for the network fails to load: what it asked for says why.
            LoadedDocument.ReportBlocked(diagnostics, htmlPath, tab?.Blocked ?? []);
            return null;
        }
        finally
        {
            if (tab is not null)
            {
                await tab.CloseAsync();
            }
        }
    }

    /// <summary>Whether the browser's process is gone: crashed, or killed from outside.</summary>
    public bool HasEnded => _steps.HasEnded || _browser.IsClosed || _browser.Process is { HasExited: true };

    /// <summary>
    /// Whether the browser has ended, or ends within <paramref name="grace"/>: a step that failed as its
    /// browser was dying ("Target closed", a connection that closed) can be told before its process is seen gone.
    /// </summary>
    public async Task<bool> HasEndedWithinAsync(TimeSpan grace) => HasEnded || (await _steps.EndsWithinAsync(grace)) || HasEnded;

    /// <summary>Takes a tab back after a document: the next one loads in it.</summary>
    internal void Release(BrowserTab tab) => _spares.Enqueue(Task.FromResult(tab));

    /// <summary>The tabs open and free for the next documents.</summary>
    public int SpareTabs => _spares.Count;

    /// <summary>Starts opening <paramref name="count"/> more tabs for the documents to come, without waiting for them.</summary>
    public void OpenSpareTabs(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _spares.Enqueue(BrowserTab.OpenAsync(_browser, _steps, CancellationToken.None));
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // Briefly: on Ctrl+C the process has only a moment before it is ended.
            await _browser.CloseAsync().WaitAsync(TimeSpan.FromSeconds(1));
        }
        catch (Exception exception) when (exception is TimeoutException or PuppeteerException or IOException or InvalidOperationException)
        {
            // Closing politely failed: end the process below.
        }
        finally
        {
            if (_browser.Process is { HasExited: false } process)
            {
                process.Kill(entireProcessTree: true);
            }

            try
            {
                await _browser.DisposeAsync();
            }
            catch (Exception exception) when (exception is PuppeteerException or IOException or InvalidOperationException or ObjectDisposedException)
            {
                // A browser that crashed or was killed can fail even this; its profile goes all the same.
            }

            await DeleteProfileAsync(_profile);
        }
    }

    /// <summary>Deletes the profile, trying again briefly: the browser's last processes may still be writing into it as they end.</summary>
    private static async Task DeleteProfileAsync(string profile)
    {
        for (var attempt = 0; attempt < 5 && Directory.Exists(profile); attempt++)
        {
            TryDelete(profile);
            if (Directory.Exists(profile))
            {
                await Task.Delay(100);
            }
        }
    }

    private static async Task EndWhenStartedAsync(Launcher launcher, Task<IBrowser> launching)
    {
        // What was started is ended now: PuppeteerSharp gives up on a browser that does not answer only
        // after its own time limit, later still on a loaded machine, and until then it runs.
        EndProcess(launcher.Process?.Process);
        try
        {
            var browser = await launching.WaitAsync(TimeSpan.FromSeconds(5));
            EndProcess(browser.Process);
            await browser.DisposeAsync();
        }
        catch (Exception)
        {
            // It did not start, or is gone already: either way nothing is left running.
        }
    }

    private static void EndProcess(System.Diagnostics.Process? process)
    {
        try
        {
            if (process is { HasExited: false })
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            // Ended meanwhile, or never started.
        }
    }

    // Over a pipe, PuppeteerSharp starts the browser through a bash command line on Linux and macOS,
    // where a bare <-loopback> is a redirection and the browser never starts: quoted for bash, which
    // hands the browser <-loopback> itself.
    private static readonly string ProxyLoopbackToo =
        OperatingSystem.IsWindows() ? "--proxy-bypass-list=<-loopback>" : "--proxy-bypass-list=\"<-loopback>\"";

    private static string[] Arguments()
    {
        var arguments = new List<string>
        {
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--disable-default-apps",
            "--no-first-run",
            "--no-default-browser-check",
            "--mute-audio",
            // The same glyph positions on every machine, whatever its font settings.
            "--font-render-hinting=none",

            // What the tab's request filter and the page's policy (PagePolicy) do not see, such as a
            // popup's requests, goes to a proxy that is not there, loopback addresses included.
            "--proxy-server=socks5://127.0.0.1:9",
            ProxyLoopbackToo,

            // WebRTC sends UDP of its own (ICE, STUN) past both; this keeps it to the proxy, which goes nowhere.
            "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
            "--disable-quic",
        };

        // Chromium refuses to run as root with its sandbox, as CI and containers often do.
        if (!OperatingSystem.IsWindows() && Environment.UserName == "root")
        {
            arguments.Add("--no-sandbox");
        }

        return [.. arguments];
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A profile left in the temporary folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
