using System.Net;
using System.Text;

namespace Pstm.Cli.Commands;

/// <summary>
/// Serves a build's output folder on 127.0.0.1 only, and tells the open pages to reload after each
/// rebuild (server-sent events; the HTML files are served with a one-line script that listens).
/// </summary>
internal sealed class LiveReloadServer : IDisposable
{
    private const string EventsPath = "/__pstm/events";
    private const string ReloadScript = "<script>new EventSource('" + EventsPath + "').onmessage = () => location.reload();</script>";

    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly List<HttpListenerResponse> _clients = [];

    public LiveReloadServer(string root, int port)
    {
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        Address = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Address);
        _listener.Start();
        _ = Task.Run(AcceptAsync);
    }

    public string Address { get; }

    /// <summary>Tells every open page to reload.</summary>
    public void Reload()
    {
        lock (_clients)
        {
            foreach (var client in _clients.ToList())
            {
                try
                {
                    var message = Encoding.UTF8.GetBytes("data: reload\n\n");
                    client.OutputStream.Write(message);
                    client.OutputStream.Flush();
                }
                catch (Exception exception) when (exception is HttpListenerException or IOException or ObjectDisposedException)
                {
                    _clients.Remove(client);
                }
            }
        }
    }

    public void Dispose()
    {
        lock (_clients)
        {
            foreach (var client in _clients)
            {
                client.Abort();
            }
        }

        _listener.Close();
    }

    private async Task AcceptAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => Serve(context));
        }
    }

    private void Serve(HttpListenerContext context)
    {
        var response = context.Response;
        var path = Uri.UnescapeDataString(context.Request.Url?.AbsolutePath ?? "/");
        if (path == EventsPath)
        {
            response.ContentType = "text/event-stream";
            response.Headers["Cache-Control"] = "no-store";
            response.SendChunked = true;
            response.OutputStream.Write(": connected\n\n"u8);
            response.OutputStream.Flush();
            lock (_clients)
            {
                _clients.Add(response);
            }

            return;
        }

        var file = path.EndsWith('/') ? null : Path.GetFullPath(Path.Combine(_root, path.TrimStart('/')));
        if (path == "/")
        {
            Write(response, 200, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(Index()));
        }
        else if (file is null || !file.StartsWith(_root, StringComparison.Ordinal) || !File.Exists(file))
        {
            Write(response, 404, "text/plain; charset=utf-8", "not found\n"u8.ToArray());
        }
        else if (file.EndsWith(".html", StringComparison.Ordinal))
        {
            var html = File.ReadAllText(file);
            var at = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
            html = at < 0 ? html + ReloadScript : html.Insert(at, ReloadScript);
            Write(response, 200, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html));
        }
        else
        {
            Write(response, 200, ContentType(file), File.ReadAllBytes(file));
        }
    }

    private string Index()
    {
        var links = Directory.Exists(_root)
            ? Directory.EnumerateFiles(_root, "*.*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(_root, f).Replace('\\', '/'))
                .Where(f => !f.Contains("assets/", StringComparison.Ordinal) && !f.StartsWith('.'))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
        var items = string.Concat(links.Select(l => $"<li><a href=\"{WebUtility.HtmlEncode(l)}\">{WebUtility.HtmlEncode(l)}</a></li>"));
        return $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>pstm editions</title></head><body><h1>pstm editions</h1><ul>{items}</ul>{ReloadScript}</body></html>";
    }

    private static void Write(HttpListenerResponse response, int status, string type, byte[] body)
    {
        try
        {
            response.StatusCode = status;
            response.ContentType = type;
            response.Headers["Cache-Control"] = "no-store";
            response.ContentLength64 = body.Length;
            response.OutputStream.Write(body);
            response.Close();
        }
        catch (Exception exception) when (exception is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The page went away before it was answered.
        }
    }

    private static string ContentType(string file) => Path.GetExtension(file) switch
    {
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".woff2" => "font/woff2",
        ".pdf" => "application/pdf",
        ".json" => "application/json",
        ".png" => "image/png",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}
