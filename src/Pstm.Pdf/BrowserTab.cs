using System.Collections.Concurrent;
using PuppeteerSharp;

namespace Pstm.Pdf;

/// <summary>
/// One tab of the build's browser, set up once and reused: reduced motion, no cache, and every request
/// that is not a file under the current document's folder blocked and remembered.
/// </summary>
internal sealed class BrowserTab
{
    private readonly IPage _page;
    private readonly BrowserSteps _steps;
    private ConcurrentDictionary<string, bool> _blocked = new(StringComparer.Ordinal);
    private string _root = "";

    private BrowserTab(IPage page, BrowserSteps steps)
    {
        _page = page;
        _steps = steps;
    }

    public IPage Page => _page;

    /// <summary>The requests blocked since the current document began to load.</summary>
    public IReadOnlyCollection<string> Blocked => [.. _blocked.Keys];

    public static async Task<BrowserTab> OpenAsync(IBrowser browser, BrowserSteps steps, CancellationToken cancellation)
    {
        var page = await steps.RunAsync(browser.NewPageAsync(), cancellation);
        var tab = new BrowserTab(page, steps);

        // No animation may be caught half-way: the same input must print the same bytes.
        await steps.RunAsync(page.EmulateMediaFeaturesAsync([new MediaFeatureValue { MediaFeature = MediaFeature.PrefersReducedMotion, Value = "reduce" }]), cancellation);

        // A reused tab must not print a stylesheet or font as it was before the editor changed it.
        await steps.RunAsync(page.SetCacheEnabledAsync(false), cancellation);
        await steps.RunAsync(page.SetRequestInterceptionAsync(true), cancellation);
        page.Request += async (_, e) =>
        {
            if (IsAllowed(e.Request.Url, tab._root))
            {
                await e.Request.ContinueAsync();
            }
            else
            {
                tab._blocked.TryAdd(e.Request.Url, true);
                await e.Request.AbortAsync(RequestAbortErrorCode.BlockedByClient);
            }
        };
        return tab;
    }

    /// <summary>Loads <paramref name="url"/>, allowing only files under <paramref name="root"/>, and waits for its fonts.</summary>
    public async Task LoadAsync(string url, string root, CancellationToken cancellation)
    {
        _root = root;
        _blocked = new(StringComparer.Ordinal);
        await _steps.RunAsync(_page.GoToAsync(url, new NavigationOptions
        {
            WaitUntil = [WaitUntilNavigation.Load],
            Timeout = (int)_steps.Timeout.TotalMilliseconds,
        }), cancellation);
        await _steps.RunAsync(_page.EvaluateExpressionAsync("document.fonts.ready.then(() => true)"), cancellation);
    }

    public async Task CloseAsync()
    {
        await _page.CloseAsync().WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private static bool IsAllowed(string url, string root)
    {
        if (url.StartsWith("data:", StringComparison.Ordinal) || url == "about:blank")
        {
            return true;
        }

        if (root.Length == 0 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.IsFile)
        {
            return false;
        }

        return Path.GetFullPath(uri.LocalPath).StartsWith(root, StringComparison.Ordinal);
    }
}
