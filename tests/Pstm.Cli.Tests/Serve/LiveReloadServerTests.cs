using System.Net.Sockets;
using System.Text;
using Pstm.Cli.Commands;

namespace Pstm.Cli.Tests.Serve;

/// <summary>
/// The server of pstm serve, in process, over raw TCP: every request is answered and closed, pages that
/// listen for reloads are let go of when they leave and are bounded in number, only this machine's names
/// are answered, and nothing outside the output folder, behind a link or in a dotfile is served.
/// </summary>
public class LiveReloadServerTests
{
    [Fact]
    public async Task A_request_with_NUL_in_its_path_is_answered_400_and_closed()
    {
        await using var served = await ServedFolder.StartAsync();

        var answer = await RawHttp.SendAsync(served.Port, RawHttp.Get("/en/booklet%00.html"));

        Assert.Equal(400, answer.Status);
        Assert.True(answer.Closed, "the server kept the connection open");
        Assert.Equal(200, (await RawHttp.SendAsync(served.Port, RawHttp.Get("/en/booklet.html"))).Status);
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_is_answered_500_and_closed_and_the_server_goes_on()
    {
        await using var served = await ServedFolder.StartAsync();

        // Given a file too large to be read into memory (sparse: it takes no room on the disk)
        using (var huge = File.Create(Path.Combine(served.Output, "en", "huge.pdf")))
        {
            huge.SetLength(3L << 30);
        }

        var answer = await RawHttp.SendAsync(served.Port, RawHttp.Get("/en/huge.pdf"));

        Assert.Equal(500, answer.Status);
        Assert.True(answer.Closed, "the server kept the connection open");
        Assert.Equal(200, (await RawHttp.SendAsync(served.Port, RawHttp.Get("/en/booklet.html"))).Status);
    }

    [Fact]
    public async Task Every_answer_closes_its_connection()
    {
        await using var served = await ServedFolder.StartAsync();

        foreach (var path in new[] { "/", "/en/booklet.html", "/en/assets/booklet.css", "/missing.html" })
        {
            var answer = await RawHttp.SendAsync(served.Port, RawHttp.Get(path));
            Assert.NotNull(answer.Status);
            Assert.True(answer.Closed, $"{path}: the server kept the connection open");
        }
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:{port}")]
    [InlineData("localhost:{port}")]
    [InlineData("LOCALHOST")]
    [InlineData("[::1]:{port}")]
    public async Task The_names_of_this_machine_are_answered(string host)
    {
        await using var served = await ServedFolder.StartAsync();

        var answer = await RawHttp.SendAsync(served.Port, RawHttp.Get("/en/booklet.html", host.Replace("{port}", served.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));

        Assert.Equal(200, answer.Status);
        Assert.Contains("<h1>Booklet</h1>", answer.Text);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:{port}")]
    [InlineData("127.0.0.1.evil.example")]
    [InlineData("localhost.evil.example:{port}")]
    [InlineData("0.0.0.0")]
    public async Task Another_name_is_refused_so_that_a_rebound_site_cannot_read_the_editions(string host)
    {
        await using var served = await ServedFolder.StartAsync();

        var answer = await RawHttp.SendAsync(served.Port, RawHttp.Get("/en/booklet.html", host.Replace("{port}", served.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));

        Assert.NotNull(answer.Status);
        Assert.NotEqual(200, answer.Status);
        Assert.DoesNotContain("<h1>Booklet</h1>", answer.Text);
    }

    [Theory]
    [InlineData("/en/secret.txt")]
    [InlineData("/en/secret.html")]
    [InlineData("/linked/secret.txt")]
    [InlineData("/.pstm-build.json")]
    [InlineData("/.pstm-lock")]
    [InlineData("/.pstm-staging-1/en/booklet.html")]
    [InlineData("/en/%2e%2e/.pstm-build.json")]
    [InlineData("/../outside/secret.txt")]
    [InlineData("/en/..%2f..%2foutside/secret.txt")]
    [InlineData("/en/pipe.html")]
    public async Task Links_out_of_the_folder_and_dotfiles_are_not_found(string path)
    {
        await using var served = await ServedFolder.StartAsync();

        var answer = await RawHttp.SendAsync(served.Port, RawHttp.Get(path));

        Assert.Equal(404, answer.Status);
        Assert.DoesNotContain(ServedFolder.Secret, answer.Text);
    }

    [Fact]
    public async Task The_index_lists_the_editions_but_no_link_or_dotfile()
    {
        await using var served = await ServedFolder.StartAsync();

        var answer = await RawHttp.SendAsync(served.Port, RawHttp.Get("/"));

        Assert.Equal(200, answer.Status);
        Assert.Contains("href=\"en/booklet.html\"", answer.Text);
        Assert.DoesNotContain("secret", answer.Text);
        Assert.DoesNotContain(".pstm", answer.Text);
    }

    [Fact]
    public async Task Pages_that_listen_and_leave_are_let_go_of()
    {
        await using var served = await ServedFolder.StartAsync();

        // Given 300 pages that open the event stream, read its first line and go away
        for (var page = 0; page < 300; page++)
        {
            using var client = new TcpClient();
            await client.ConnectAsync(System.Net.IPAddress.Loopback, served.Port);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(RawHttp.Get("/__pstm/events")));
            Assert.Contains(": connected", await ReadSomeAsync(stream));
        }

        // Then the server holds none of their connections (none left in CLOSE-WAIT), and counts no listener
        var deadline = DateTime.UtcNow + RawHttp.Patience;
        while (RawHttp.ServerConnections(served.Port) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(0, RawHttp.ServerConnections(served.Port));
        Assert.Equal(0, served.Server.Events.Open);
        Assert.Equal(200, (await RawHttp.SendAsync(served.Port, RawHttp.Get("/"))).Status);
    }

    [Fact]
    public async Task No_more_than_32_pages_listen_at_once_the_next_is_answered_503()
    {
        await using var served = await ServedFolder.StartAsync();
        var listening = new List<TcpClient>();
        try
        {
            for (var page = 0; page < LiveReloadServer.MaxListeningPages; page++)
            {
                var client = new TcpClient();
                listening.Add(client);
                await client.ConnectAsync(System.Net.IPAddress.Loopback, served.Port);
                await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(RawHttp.Get("/__pstm/events")));
                Assert.StartsWith("HTTP/1.1 200", await ReadSomeAsync(client.GetStream()));
            }

            var refused = await RawHttp.SendAsync(served.Port, RawHttp.Get("/__pstm/events"));
            Assert.Equal(503, refused.Status);
            Assert.True(refused.Closed);
            Assert.Equal(200, (await RawHttp.SendAsync(served.Port, RawHttp.Get("/en/booklet.html"))).Status);
        }
        finally
        {
            listening.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task A_listening_page_gets_heartbeats_and_the_reload()
    {
        await using var served = await ServedFolder.StartAsync(heartbeat: TimeSpan.FromMilliseconds(200));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{served.Port}/"), Timeout = RawHttp.Patience };
        using var events = new StreamReader(await http.GetStreamAsync("__pstm/events"));

        Assert.Equal(": connected", await events.ReadLineAsync());
        Assert.Equal(": heartbeat", await NextLineAsync(events));
        served.Server.Reload();
        string? line;
        do
        {
            line = await NextLineAsync(events);
        }
        while (line == ": heartbeat");

        Assert.Equal("data: reload", line);
    }

    private static async Task<string?> NextLineAsync(StreamReader reader)
    {
        string? line;
        do
        {
            line = await reader.ReadLineAsync().WaitAsync(RawHttp.Patience);
        }
        while (line is { Length: 0 });

        return line;
    }

    private static async Task<string> ReadSomeAsync(NetworkStream stream)
    {
        var buffer = new byte[4096];
        using var patience = new CancellationTokenSource(RawHttp.Patience);
        var text = "";
        while (!text.Contains("\n\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, patience.Token);
            if (read == 0)
            {
                break;
            }

            text += Encoding.ASCII.GetString(buffer, 0, read);
        }

        return text;
    }
}
