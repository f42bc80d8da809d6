using System.Collections.Concurrent;
using Pstm.Diagnostics;
using PuppeteerSharp;

namespace Pstm.Pdf;

/// <summary>
/// One headless browser for a build: a fresh profile, no background traffic, and every request that is
/// not a file of the build's own folder blocked. Disposing it ends the browser, also after a failure
/// or a cancellation, and removes its profile.
/// </summary>
public sealed class ChromiumBrowser : IAsyncDisposable
{
    private readonly IBrowser _browser;
    private readonly string _profile;
    private readonly TimeSpan _timeout;

    private ChromiumBrowser(IBrowser browser, string profile, TimeSpan timeout)
    {
        _browser = browser;
        _profile = profile;
        _timeout = timeout;
    }

    /// <summary>Starts the browser; null after reporting why it could not start.</summary>
    public static async Task<ChromiumBrowser?> LaunchAsync(string executable, TimeSpan timeout, DiagnosticBag diagnostics, CancellationToken cancellation)
    {
        var profile = Directory.CreateTempSubdirectory("pstm-chromium-").FullName;
        var options = new LaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            UserDataDir = profile,
            Timeout = (int)timeout.TotalMilliseconds,
            ProtocolTimeout = (int)timeout.TotalMilliseconds,
            Args = Arguments(),
        };
        try
        {
            var browser = await Puppeteer.LaunchAsync(options).WaitAsync(timeout, cancellation);
            return new ChromiumBrowser(browser, profile, timeout);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
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
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(allowedFolder)) + Path.DirectorySeparatorChar;
        var blocked = new ConcurrentDictionary<string, bool>();
        IPage? page = null;
        try
        {
            page = await _browser.NewPageAsync().WaitAsync(_timeout, cancellation);

            // No animation may be caught half-way: the same input must print the same bytes.
            await page.EmulateMediaFeaturesAsync([new MediaFeatureValue { MediaFeature = MediaFeature.PrefersReducedMotion, Value = "reduce" }]);
            await page.SetRequestInterceptionAsync(true);
            page.Request += async (_, e) =>
            {
                if (IsAllowed(e.Request.Url, root))
                {
                    await e.Request.ContinueAsync();
                }
                else
                {
                    blocked.TryAdd(e.Request.Url, true);
                    await e.Request.AbortAsync(RequestAbortErrorCode.BlockedByClient);
                }
            };

            await page.GoToAsync(new Uri(htmlPath).AbsoluteUri, new NavigationOptions
            {
                WaitUntil = [WaitUntilNavigation.Load],
                Timeout = (int)_timeout.TotalMilliseconds,
            }).WaitAsync(_timeout, cancellation);
            await page.EvaluateExpressionAsync("document.fonts.ready.then(() => true)").WaitAsync(_timeout, cancellation);
            var pdf = await page.PdfDataAsync(new PdfOptions
            {
                PreferCSSPageSize = true,
                PrintBackground = true,
                Outline = true,
                Tagged = true,
                DisplayHeaderFooter = false,
                WaitForFonts = true,
                Timeout = (int)_timeout.TotalMilliseconds,
            }).WaitAsync(_timeout, cancellation);

            foreach (var url in blocked.Keys.Order(StringComparer.Ordinal))
            {
                diagnostics.Add(PdfDiagnostics.RequestBlocked.Create(
                    SourceSpan.ForFile(htmlPath),
                    $"the page asked for {Shorten(url)}, which is not a file of the build; it was blocked",
                    "templates may use only their own files (stylesheets, fonts, images in the templates folder)"));
            }

            return pdf;
        }
        catch (TimeoutException)
        {
            diagnostics.Add(PdfDiagnostics.Timeout.Create(
                SourceSpan.ForFile(htmlPath),
                $"printing took longer than {_timeout.TotalSeconds:0} s",
                "raise the limit with --timeout SECONDS, or look for a template that makes the page very large"));
            return null;
        }
        catch (PuppeteerException exception)
        {
            diagnostics.Add(PdfDiagnostics.BrowserFailed.Create(
                SourceSpan.ForFile(htmlPath), $"the browser failed to print: {exception.Message}", null));
            return null;
        }
        finally
        {
            if (page is not null)
            {
                await page.CloseAsync().WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
            }
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

            await _browser.DisposeAsync();
            TryDelete(_profile);
        }
    }

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
        };

        // Chromium refuses to run as root with its sandbox, as CI and containers often do.
        if (!OperatingSystem.IsWindows() && Environment.UserName == "root")
        {
            arguments.Add("--no-sandbox");
        }

        return [.. arguments];
    }

    private static bool IsAllowed(string url, string root)
    {
        if (url.StartsWith("data:", StringComparison.Ordinal) || url == "about:blank")
        {
            return true;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.IsFile)
        {
            return false;
        }

        return Path.GetFullPath(uri.LocalPath).StartsWith(root, StringComparison.Ordinal);
    }

    private static string Shorten(string url) => url.Length <= 120 ? url : url[..117] + "…";

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
