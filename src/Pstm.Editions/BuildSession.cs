using System.Collections.Concurrent;
using Pstm.Diagnostics;
using Pstm.Pdf;

namespace Pstm.Editions;

/// <summary>
/// Builds that share one browser: <c>pstm build --watch</c> keeps it between rebuilds instead of
/// starting it each time, and with it the pages the editions were printed in. Disposing the session
/// ends the browser.
/// </summary>
/// <param name="keepsPages">Whether the pages the editions were printed in stay loaded for the next build (see <see cref="KeptPages"/>).</param>
public sealed class BuildSession(bool keepsPages = false) : IAsyncDisposable
{
    private Task<(ChromiumBrowser? Browser, DiagnosticBag Diagnostics)>? _launch;
    private string? _executable;

    /// <summary>The view each booklet was measured in, by output folder and locale: the next build loads it so.</summary>
    internal ConcurrentDictionary<string, PageView> BookletViews { get; } = new(StringComparer.Ordinal);

    /// <summary>The pages the editions are measured and printed in: kept between builds when <c>keepsPages</c>.</summary>
    internal KeptPages Pages { get; } = new() { Keeps = keepsPages };

    /// <summary>
    /// The name of the staging folder each build of the session writes to (inside the output folder):
    /// the same in every build, so that a kept page's address and the files beside it stay valid.
    /// </summary>
    internal string StagingName { get; } = OutputStaging.Prefix + Guid.NewGuid().ToString("N");

    public Task<BuildResult> BuildAsync(BuildRequest request, CancellationToken cancellation) =>
        EditionBuilder.BuildAsync(request, this, cancellation);

    /// <summary>
    /// Starts the browser without waiting for it, when the build knows early that it will print: it
    /// takes a second or more to start, time the build spends rendering meanwhile. Once it is up, it
    /// opens <paramref name="tabs"/> tabs for the documents to come, also while the build renders.
    /// </summary>
    internal void StartBrowser(string executable, TimeSpan timeout, CancellationToken cancellation, int tabs = 0)
    {
        if (_launch is null || _executable != executable)
        {
            var previous = _launch;
            _executable = executable;
            _launch = Task.Run(async () =>
            {
                await EndAsync(previous);
                var diagnostics = new DiagnosticBag();
                var browser = await ChromiumBrowser.LaunchAsync(executable, timeout, diagnostics, cancellation);
                browser?.OpenSpareTabs(tabs);
                return (browser, diagnostics);
            }, CancellationToken.None);
        }
    }

    /// <summary>The session's browser, started on first use; null after reporting why it could not start.</summary>
    internal async Task<ChromiumBrowser?> BrowserAsync(string executable, TimeSpan timeout, DiagnosticBag diagnostics, CancellationToken cancellation)
    {
        StartBrowser(executable, timeout, cancellation);
        var (browser, launchDiagnostics) = await _launch!.WaitAsync(cancellation);
        if (browser is { HasEnded: true })
        {
            // It crashed or was killed since the last build (--watch keeps it): start another.
            _launch = null;
            await browser.DisposeAsync();
            StartBrowser(executable, timeout, cancellation);
            (browser, launchDiagnostics) = await _launch!.WaitAsync(cancellation);
        }

        diagnostics.AddRange(launchDiagnostics.ToSortedList());
        if (browser is null)
        {
            // Try again next time instead of reporting the same failure forever.
            _launch = null;
        }

        return browser;
    }

    public async ValueTask DisposeAsync()
    {
        await Pages.DisposeAsync();
        var launch = _launch;
        _launch = null;
        await EndAsync(launch);
    }

    private static async Task EndAsync(Task<(ChromiumBrowser? Browser, DiagnosticBag Diagnostics)>? launch)
    {
        if (launch is null)
        {
            return;
        }

        try
        {
            if ((await launch).Browser is { } browser)
            {
                await browser.DisposeAsync();
            }
        }
        catch (OperationCanceledException)
        {
            // The launch was cancelled: there is no browser to end.
        }
    }
}
