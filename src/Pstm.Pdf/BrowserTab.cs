using System.Collections.Concurrent;
using System.Text.Json;
using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace Pstm.Pdf;

/// <summary>
/// One tab of the build's browser, set up once and reused: reduced motion, no cache, every page under
/// pstm's Content-Security-Policy, and every request that is not a file under the current document's
/// folder blocked and remembered, as are the requests the policy refuses.
/// </summary>
internal sealed class BrowserTab
{
    private readonly IPage _page;
    private readonly BrowserSteps _steps;
    private ConcurrentDictionary<string, bool> _blocked = new(StringComparer.Ordinal);
    private string _root = "";
    private PageView _view = PageView.Default;

    private BrowserTab(IPage page, BrowserSteps steps)
    {
        _page = page;
        _steps = steps;
    }

    public IPage Page => _page;

    /// <summary>The window and media the tab shows its document in.</summary>
    public PageView View => _view;

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
                // A page is given as the file's bytes with pstm's policy as its header: a template's own
                // policy can only narrow it.
                if (e.Request.ResourceType == ResourceType.Document && PageBytes(e.Request.Url) is { } bytes)
                {
                    await e.Request.RespondAsync(new ResponseData
                    {
                        Status = System.Net.HttpStatusCode.OK,
                        ContentType = "text/html",
                        Headers = new Dictionary<string, object> { ["Content-Security-Policy"] = PagePolicy.ContentSecurityPolicy },
                        BodyData = bytes,
                    });
                }
                else
                {
                    await e.Request.ContinueAsync();
                }
            }
            else
            {
                tab._blocked.TryAdd(e.Request.Url, true);
                await e.Request.AbortAsync(RequestAbortErrorCode.BlockedByClient);
            }
        };

        // The page's policy refuses some requests before the filter above could see them (a WebSocket,
        // an image from the network): the browser tells of each as an issue, and they are reported alike.
        page.Client.MessageReceived += (_, e) =>
        {
            if (e.MessageID == "Audits.issueAdded" && RefusedByPolicy(e.MessageData) is { } url)
            {
                tab._blocked.TryAdd(url, true);
            }
        };
        await steps.RunAsync(page.Client.SendAsync("Audits.enable"), cancellation);
        return tab;
    }

    /// <summary>The bytes of the file a page's address names; null if it is not a file that can be read (the browser then says why).</summary>
    private static byte[]? PageBytes(string url)
    {
        try
        {
            return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsFile ? File.ReadAllBytes(uri.LocalPath) : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The address a Content-Security-Policy issue says was refused, if the issue is one.</summary>
    private static string? RefusedByPolicy(object? message)
    {
        if (message is not JsonElement { ValueKind: JsonValueKind.Object } data
            || !data.TryGetProperty("issue", out var issue)
            || !issue.TryGetProperty("code", out var code) || code.GetString() != "ContentSecurityPolicyIssue"
            || !issue.TryGetProperty("details", out var details)
            || !details.TryGetProperty("contentSecurityPolicyIssueDetails", out var policy)
            || !policy.TryGetProperty("blockedURL", out var url))
        {
            return null;
        }

        return url.GetString();
    }

    /// <summary>
    /// Loads <paramref name="url"/> in <paramref name="view"/>, allowing only files under
    /// <paramref name="root"/>, and waits for its fonts.
    /// </summary>
    public async Task LoadAsync(string url, string root, PageView view, CancellationToken cancellation)
    {
        _root = root;
        _blocked = new(StringComparer.Ordinal);
        await ShowAsync(view, cancellation);
        await _steps.RunAsync(_page.GoToAsync(url, new NavigationOptions
        {
            WaitUntil = [WaitUntilNavigation.Load],
            Timeout = (int)_steps.Timeout.TotalMilliseconds,
        }), cancellation);
        await _steps.RunAsync(_page.EvaluateExpressionAsync("document.fonts.ready.then(() => true)"), cancellation);
    }

    /// <summary>Shows the document in <paramref name="view"/>; nothing is sent when it is shown so already.</summary>
    public async Task ShowAsync(PageView view, CancellationToken cancellation)
    {
        if (view.Print != _view.Print)
        {
            await _steps.RunAsync(_page.EmulateMediaTypeAsync(view.Print ? MediaType.Print : MediaType.None), cancellation);
        }

        if (view.Width != _view.Width || view.Height != _view.Height)
        {
            await _steps.RunAsync(_page.SetViewportAsync(new ViewPortOptions { Width = view.Width, Height = view.Height }), cancellation);
        }

        _view = view;
    }

    public async Task CloseAsync()
    {
        try
        {
            await _page.CloseAsync().WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        }
        catch (Exception)
        {
            // A tab that does not close in time, or of a browser that went away (PuppeteerSharp may then throw
            // anything, even before its task starts): ending the browser ends it anyway.
        }
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
