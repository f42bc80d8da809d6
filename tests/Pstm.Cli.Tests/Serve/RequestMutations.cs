using System.Text;

namespace Pstm.Cli.Tests.Serve;

/// <summary>Valid requests to pstm serve, and random mutations of them: bytes changed, cut, repeated, or hostile pieces put in.</summary>
internal static class RequestMutations
{
    private static readonly string[] Valid =
    [
        RawHttp.Get("/"),
        RawHttp.Get("/en/booklet.html", "localhost"),
        RawHttp.Get("/en/assets/booklet.css"),
        RawHttp.Get("/__pstm/events"),
        "HEAD /en/booklet.html HTTP/1.1\r\nHost: [::1]\r\nAccept: */*\r\nConnection: keep-alive\r\n\r\n",
    ];

    private static readonly string[] Pieces =
    [
        "%00", "\0", "%", "%ZZ", "%2e%2e/", "../", "..\\", "//", "/.pstm-build.json", "/linked/secret.txt", "/en/secret.txt",
        "?", "#", " ", "\t", "\r", "\n", "\r\n", "\r\n\r\n", ":", "é", "\u202e", "%C0%AE", "%FF",
        "Host: evil.example\r\n", "Transfer-Encoding: chunked\r\n", "Content-Length: 99\r\n", "Content-Length: -1\r\n",
        "Expect: 100-continue\r\n", "Connection: upgrade\r\nUpgrade: websocket\r\n", " HTTP/1.1\r\n", "HTTP/1.0", "/__pstm/events",
        new string('a', 300), new string('/', 200),
    ];

    public static byte[] Mutate(Random random)
    {
        var request = Encoding.UTF8.GetBytes(Valid[random.Next(Valid.Length)]).ToList();
        for (var mutations = random.Next(1, 5); mutations > 0; mutations--)
        {
            var at = random.Next(request.Count + 1);
            switch (random.Next(5))
            {
                case 0:
                    request.Insert(at, (byte)random.Next(256));
                    break;
                case 1 when at < request.Count:
                    request[at] = (byte)random.Next(256);
                    break;
                case 2 when at < request.Count:
                    request.RemoveRange(at, random.Next(1, Math.Min(16, request.Count - at) + 1));
                    break;
                case 3:
                    request.InsertRange(at, Encoding.UTF8.GetBytes(Pieces[random.Next(Pieces.Length)]));
                    break;
                default:
                    var from = random.Next(request.Count);
                    request.InsertRange(at, request.GetRange(from, random.Next(0, Math.Min(32, request.Count - from) + 1)));
                    break;
            }
        }

        return [.. request];
    }
}
