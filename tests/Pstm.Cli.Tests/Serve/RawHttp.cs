using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pstm.Cli.Tests.Serve;

/// <summary>Requests sent as bytes over TCP, as a hostile client would: what came back, and whether the server closed.</summary>
internal static class RawHttp
{
    private static readonly string[] SocketTables = ["/proc/net/tcp", "/proc/net/tcp6"];

    /// <summary>Long enough to fail only on a real hang, on a loaded machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public sealed record Answer(string Text, bool Closed)
    {
        /// <summary>The status code of the first line, or null when the server closed without answering.</summary>
        public int? Status => Text.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) && Text.Length >= 12 && int.TryParse(Text.AsSpan(9, 3), out var status) ? status : null;
    }

    public static Task<Answer> SendAsync(int port, string request) => SendAsync(port, Encoding.UTF8.GetBytes(request));

    /// <summary>
    /// Sends <paramref name="request"/> and reads until the server closes the connection or <see cref="Patience"/> runs out.
    /// With <paramref name="endAfter"/>, a client that got nothing back by then says it has nothing more to send,
    /// so that a request left unfinished is not waited for as long as the server would wait for its end.
    /// </summary>
    public static async Task<Answer> SendAsync(int port, byte[] request, TimeSpan? endAfter = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(request);
        }
        catch (IOException)
        {
            // The server may close before reading it all: what it answered is still to be read.
        }

        var received = new MemoryStream();
        var buffer = new byte[16384];
        var patience = Task.Delay(Patience);
        var end = endAfter is { } after ? Task.Delay(after) : null;
        try
        {
            while (true)
            {
                var read = stream.ReadAsync(buffer).AsTask();
                if (end is not null && received.Length == 0 && await Task.WhenAny(read, end) == end)
                {
                    client.Client.Shutdown(SocketShutdown.Send);
                    end = null;
                }

                if (await Task.WhenAny(read, patience) == patience)
                {
                    return new Answer(Encoding.Latin1.GetString(received.ToArray()), Closed: false);
                }

                var count = await read;
                if (count == 0)
                {
                    return new Answer(Encoding.Latin1.GetString(received.ToArray()), Closed: true);
                }

                received.Write(buffer, 0, count);
            }
        }
        catch (IOException)
        {
            // Reset by the server: closed, too.
            return new Answer(Encoding.Latin1.GetString(received.ToArray()), Closed: true);
        }
    }

    public static string Get(string path, string host = "127.0.0.1") => $"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n";

    /// <summary>
    /// The connections the server holds on <paramref name="port"/> (any state but listening), from /proc/net/tcp and
    /// tcp6: a page that went away and was never let go of stays here in CLOSE-WAIT.
    /// </summary>
    public static int ServerConnections(int port)
    {
        var local = $":{port:X4}";
        return SocketTables.Where(File.Exists)
            .SelectMany(file => File.ReadLines(file).Skip(1))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Count(fields => fields.Length > 3 && fields[1].EndsWith(local, StringComparison.Ordinal) && fields[3] != "0A");
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
