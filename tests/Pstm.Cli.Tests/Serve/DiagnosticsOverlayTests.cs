using System.Text.Json;
using Pstm.Cli.Commands;
using Pstm.Diagnostics;

namespace Pstm.Cli.Tests.Serve;

/// <summary>
/// What the served pages show of a failed build, in process: every failing diagnostic over the page in
/// an accessible dialog, HTML-escaped; the same as JSON; an index or a page not built yet that lists
/// them; nothing of it once a build succeeds. And port 0 takes a free port.
/// </summary>
public class DiagnosticsOverlayTests
{
    private static readonly Diagnostic Hostile = new(
        "PSTM0302", Severity.Error, SourceSpan.At("plan/content.yaml", 27, 13, 3),
        "'number' of mission M2 must be a whole number, found '<img src=x onerror=alert(1)>'", "write 'number' as a whole number & <b>save</b>");

    private static readonly Diagnostic WholeFile = new("PSTM0001", Severity.Error, SourceSpan.ForFile("plan/missions.yaml"), "the file cannot be read");

    [Fact]
    public async Task After_a_failed_build_a_page_shows_every_error_in_an_accessible_dialog_html_escaped()
    {
        await using var served = await ServedFolder.StartAsync();

        served.Server.Publish([Hostile, WholeFile]);
        var page = (await RawHttp.SendAsync(served.Port, RawHttp.Get("/en/booklet.html"))).Text;

        Assert.Contains("<h1>Booklet</h1>", page);
        Assert.Contains("role=\"alertdialog\"", page);
        Assert.Contains("aria-modal=\"true\"", page);
        Assert.Contains("aria-labelledby=\"pstm-overlay-title\"", page);
        Assert.Contains("<h2 id=\"pstm-overlay-title\">The build failed: 2 errors</h2>", page);
        Assert.Contains("<button type=\"button\" id=\"pstm-overlay-close\">", page);
        Assert.Contains("e.key==='Escape'", page);
        Assert.Contains("b.focus()", page);
        Assert.Contains("<code>plan/content.yaml:27:13</code>", page);
        Assert.Contains("<strong>PSTM0302</strong>", page);
        Assert.Contains("found &#39;&lt;img src=x onerror=alert(1)&gt;&#39;", page);
        Assert.Contains("hint: write &#39;number&#39; as a whole number &amp; &lt;b&gt;save&lt;/b&gt;", page);
        Assert.Contains("<code>plan/missions.yaml</code>", page);
        Assert.DoesNotContain("<img src=x", page);
        Assert.DoesNotContain("<b>save</b>", page);

        // The overlay and the reload script come before the body's end, the overlay first.
        Assert.True(page.IndexOf("pstm-overlay", StringComparison.Ordinal) < page.IndexOf("new EventSource", StringComparison.Ordinal));
        Assert.True(page.IndexOf("new EventSource", StringComparison.Ordinal) < page.IndexOf("</body>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_diagnostics_are_served_as_json_until_a_build_succeeds()
    {
        await using var served = await ServedFolder.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{served.Port}/"), Timeout = RawHttp.Patience };

        Assert.Equal("building", await StateAsync(http));
        served.Server.Publish([Hostile]);
        using (var failed = JsonDocument.Parse(await http.GetStringAsync("__pstm/diagnostics")))
        {
            Assert.Equal("failed", failed.RootElement.GetProperty("state").GetString());
            var diagnostic = Assert.Single(failed.RootElement.GetProperty("diagnostics").EnumerateArray());
            Assert.Equal("PSTM0302", diagnostic.GetProperty("code").GetString());
            Assert.Equal("plan/content.yaml", diagnostic.GetProperty("file").GetString());
            Assert.Equal(27, diagnostic.GetProperty("line").GetInt32());
            Assert.Equal(13, diagnostic.GetProperty("column").GetInt32());
            Assert.Equal(Hostile.Hint, diagnostic.GetProperty("hint").GetString());
        }

        served.Server.Publish([]);

        Assert.Equal("succeeded", await StateAsync(http));
        var page = await http.GetStringAsync("en/booklet.html");
        Assert.DoesNotContain("pstm-overlay", page);
        Assert.Contains("new EventSource('/__pstm/events')", page);
    }

    [Fact]
    public async Task Publishing_a_build_tells_the_open_pages_to_reload()
    {
        await using var served = await ServedFolder.StartAsync(heartbeat: TimeSpan.FromMinutes(1));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{served.Port}/"), Timeout = RawHttp.Patience };
        using var events = new StreamReader(await http.GetStreamAsync("__pstm/events"));
        Assert.Equal(": connected", await events.ReadLineAsync());

        served.Server.Publish([Hostile]);

        Assert.Equal("", await events.ReadLineAsync().WaitAsync(RawHttp.Patience));
        Assert.Equal("data: reload", await events.ReadLineAsync().WaitAsync(RawHttp.Patience));
    }

    [Fact]
    public async Task With_no_edition_built_the_index_and_an_edition_s_address_list_the_errors_and_reload()
    {
        await using var served = await ServedFolder.StartAsync();
        Directory.Delete(Path.Combine(served.Output, "en"), recursive: true);

        var building = await RawHttp.SendAsync(served.Port, RawHttp.Get("/"));
        Assert.Contains("pstm is building the editions", building.Text);

        served.Server.Publish([Hostile]);
        var index = await RawHttp.SendAsync(served.Port, RawHttp.Get("/"));
        var edition = await RawHttp.SendAsync(served.Port, RawHttp.Get("/en/booklet.html"));
        var other = await RawHttp.SendAsync(served.Port, RawHttp.Get("/en/booklet.pdf"));

        Assert.Equal(200, index.Status);
        Assert.Equal(404, edition.Status);
        foreach (var page in new[] { index.Text, edition.Text })
        {
            Assert.Contains("<h2 id=\"pstm-failed\">The build failed: 1 error</h2>", page);
            Assert.Contains("No edition has been built yet", page);
            Assert.Contains("<code>plan/content.yaml:27:13</code>", page);
            Assert.Contains("new EventSource('/__pstm/events')", page);
            Assert.DoesNotContain("<img src=x", page);
        }

        Assert.Equal(404, other.Status);
        Assert.DoesNotContain("PSTM0302", other.Text);
    }

    [Fact]
    public async Task A_served_deck_may_listen_for_reloads_its_file_on_disk_stays_closed()
    {
        await using var served = await ServedFolder.StartAsync();
        var deck = $"<!DOCTYPE html><html><head>\n<meta http-equiv=\"Content-Security-Policy\" content=\"{Rendering.Slides.DeckPolicy.ContentSecurityPolicy}\"></head><body><p>connect-src 'none'</p></body></html>";
        var file = Path.Combine(served.Output, "en", "slides.html");
        File.WriteAllText(file, deck);

        var page = (await RawHttp.SendAsync(served.Port, RawHttp.Get("/en/slides.html"))).Text;

        Assert.Contains("connect-src 'self'", page);
        Assert.DoesNotContain("content=\"default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; font-src data:; img-src data:; media-src data:; connect-src 'none'", page);
        Assert.Contains("<p>connect-src 'none'</p>", page);
        Assert.Equal(deck, File.ReadAllText(file));
    }

    [Fact]
    public async Task Port_0_listens_on_a_free_port_and_says_which()
    {
        using var root = new TemporaryFolder("pstm-port0-");
        await using var server = await LiveReloadServer.StartAsync(root.Path, 0);

        Assert.InRange(server.Port, 1, 65535);
        Assert.Equal($"http://127.0.0.1:{server.Port}/", server.Address);
        Assert.Equal(200, (await RawHttp.SendAsync(server.Port, RawHttp.Get("/"))).Status);
    }

    private static async Task<string?> StateAsync(HttpClient http)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync("__pstm/diagnostics"));
        return document.RootElement.GetProperty("state").GetString();
    }
}
