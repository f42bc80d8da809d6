using System.Net;
using System.Net.Sockets;
using Pstm.Rendering.Slides;

namespace Pstm.Editions.Tests;

/// <summary>The deck a reader opens from disk reaches no one, and still runs.</summary>
public partial class SlidesDeckTests
{
    [Fact]
    public void The_deck_s_policy_is_the_first_thing_in_its_head()
    {
        var head = deck.Html.IndexOf("<head>", StringComparison.Ordinal);

        Assert.True(head > 0);
        Assert.StartsWith(
            $"<head>\n<meta http-equiv=\"Content-Security-Policy\" content=\"{DeckPolicy.ContentSecurityPolicy}\">",
            deck.Html[head..],
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opened_from_disk_the_deck_runs_its_script_but_cannot_open_a_connection()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var stop = new CancellationTokenSource();
        var accepting = listener.AcceptTcpClientAsync(stop.Token).AsTask();
        await using var page = await deck.OpenAsync();

        // Request interception in the test's tab does not see WebSockets or beacons: only the deck's policy stops them.
        await page.Page.EvaluateExpressionAsync($$"""
            (() => { try { new WebSocket('ws://127.0.0.1:{{port}}/' + encodeURIComponent(document.title)); } catch (e) {}
              try { navigator.sendBeacon('http://127.0.0.1:{{port}}/beacon', document.title); } catch (e) {} })()
            """);

        var first = await Task.WhenAny(accepting, Task.Delay(TimeSpan.FromSeconds(2)));
        await stop.CancelAsync();
        Assert.True(first != accepting || !accepting.IsCompletedSuccessfully, "the deck opened a connection to the listener");
        Assert.True(await page.Page.EvaluateExpressionAsync<bool>("document.documentElement.classList.contains('js')"));
        Assert.Equal("slide-1", await page.CurrentAsync());
    }
}
