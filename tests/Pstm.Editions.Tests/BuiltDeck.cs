using Pstm.Diagnostics;
using Pstm.Pdf;
using PuppeteerSharp;

namespace Pstm.Editions.Tests;

/// <summary>
/// The shipped plan's Italian deck, built once, and a headless browser for the tests to drive it as a
/// presenter would, with every request that leaves the file recorded and blocked.
/// </summary>
public sealed class BuiltDeck : IAsyncLifetime
{
    public DirectoryInfo Output { get; } = Directory.CreateTempSubdirectory("pstm-deck-");

    public string HtmlPath => Path.Combine(Output.FullName, "it", "slides.html");

    public string Html { get; private set; } = "";

    public byte[] Pdf { get; private set; } = [];

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var result = await EditionBuilder.BuildAsync(
            BuiltBooklet.Request(Output.FullName) with { Targets = [BuildTarget.Slides] }, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Where(d => d.IsError).Select(d => d.Message)));
        Html = await File.ReadAllTextAsync(HtmlPath);
        Pdf = await File.ReadAllBytesAsync(Path.Combine(Output.FullName, "it", "slides.pdf"));

        var executable = BrowserLocator.Locate(null, new DiagnosticBag())!;
        Browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        await Browser.DisposeAsync();
        Output.Delete(recursive: true);
    }

    /// <summary>A page showing the deck at the given size, recording blocked requests and errors.</summary>
    /// <paramref name="zoom"/> is the device pixels per CSS pixel, as a browser zoomed to 200% has 2;
    /// <paramref name="window"/>, the browser window's own size in screen pixels, which zoom leaves as
    /// it is (outerWidth, outerHeight), when a test needs it;
    /// <paramref name="fragment"/> may start with a query (<c>?presenter#slide-3</c>).
    public async Task<DeckPage> OpenAsync(int width = 1280, int height = 720, string fragment = "", bool script = true, double zoom = 1, (int Width, int Height)? window = null)
    {
        var page = await Browser.NewPageAsync();
        if (window is { } size)
        {
            var found = await page.Client.SendAsync<System.Text.Json.JsonElement>("Browser.getWindowForTarget");
            await page.Client.SendAsync("Browser.setWindowBounds", new
            {
                windowId = found.GetProperty("windowId").GetInt32(),
                bounds = new { width = size.Width, height = size.Height },
            });
        }

        await page.SetJavaScriptEnabledAsync(script);
        await page.SetViewportAsync(new ViewPortOptions { Width = width, Height = height, DeviceScaleFactor = zoom });
        return await WatchAsync(page, fragment);
    }

    /// <summary>A page the deck opened (the presenter window), watched as <see cref="OpenAsync"/> watches its pages.</summary>
    public Task<DeckPage> AdoptAsync(IPage page) => WatchAsync(page, null);

    private async Task<DeckPage> WatchAsync(IPage page, string? fragment)
    {
        var deck = new DeckPage(page);
        await page.SetRequestInterceptionAsync(true);
        var url = new Uri(HtmlPath).AbsoluteUri;
        page.Request += async (_, e) =>
        {
            if (e.Request.Url.StartsWith(url, StringComparison.Ordinal) || e.Request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                await e.Request.ContinueAsync();
            }
            else
            {
                deck.LeavingRequests.Add(e.Request.Url);
                await e.Request.AbortAsync();
            }
        };
        page.Console += (_, e) =>
        {
            if (e.Message.Type == ConsoleType.Error)
            {
                deck.Errors.Add(e.Message.Text);
            }
        };
        page.PageError += (_, e) => deck.Errors.Add(e.Message);
        if (fragment is not null)
        {
            await page.GoToAsync(url + fragment, WaitUntilNavigation.Load);
        }

        return deck;
    }
}

/// <summary>The deck open in a browser page.</summary>
public sealed class DeckPage(IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public List<string> LeavingRequests { get; } = [];

    public List<string> Errors { get; } = [];

    public Task<string> CurrentAsync() => Page.EvaluateExpressionAsync<string>("document.querySelector('.slide.current').id");

    public Task<string> HashAsync() => Page.EvaluateExpressionAsync<string>("location.hash");

    public ValueTask DisposeAsync() => new(Page.CloseAsync());
}
