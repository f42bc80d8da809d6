using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Pstm.Cli.Commands;

/// <summary>
/// Serves a build's output folder on 127.0.0.1 only (Kestrel), and tells the open pages to reload after
/// each rebuild (server-sent events; the HTML files are served with a one-line script that listens).
/// Every request is answered and its connection closed; one that cannot be is answered 400 or 500.
/// </summary>
internal sealed class LiveReloadServer : IAsyncDisposable
{
    /// <summary>At most this many pages listen for reloads at once; more are answered 503.</summary>
    public const int MaxListeningPages = 32;

    private const string EventsPath = "/__pstm/events";
    private const string ReloadScript = "<script>new EventSource('" + EventsPath + "').onmessage = () => location.reload();</script>";

    // The names this machine answers to; a page of another site that renames itself (DNS rebinding) is refused.
    private static readonly string[] LoopbackHosts = ["127.0.0.1", "localhost", "[::1]", "::1"];

    private readonly WebApplication _app;
    private readonly ServedFiles _files;

    private LiveReloadServer(WebApplication app, ServedFiles files, ReloadEvents events, int port)
    {
        _app = app;
        _files = files;
        Events = events;
        Address = $"http://127.0.0.1:{port}/";
    }

    public string Address { get; }

    /// <summary>The pages listening for reloads.</summary>
    public ReloadEvents Events { get; }

    /// <summary>Listens on 127.0.0.1:<paramref name="port"/>; an <see cref="IOException"/> when the port cannot be listened on.</summary>
    public static async Task<LiveReloadServer> StartAsync(string root, int port, TimeSpan? heartbeat = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxConcurrentConnections = 4 * MaxListeningPages;
            kestrel.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(10);
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http1);
        });
        // Ctrl+C is pstm's to handle (it ends the watch, then this server), not the host's.
        builder.Services.AddSingleton<IHostLifetime, NoHostLifetime>();
        var app = builder.Build();
        var server = new LiveReloadServer(app, new ServedFiles(root), new ReloadEvents(MaxListeningPages, heartbeat ?? TimeSpan.FromSeconds(5)), port);
        app.Run(server.AnswerAsync);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Tells every open page to reload.</summary>
    public void Reload() => Events.Reload();

    public async ValueTask DisposeAsync()
    {
        // The event streams end on ApplicationStopping; what is still open after that is cut.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(deadline.Token);
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            var path = request.Path.Value ?? "/";
            if (!LoopbackHosts.Contains(request.Host.Host, StringComparer.OrdinalIgnoreCase))
            {
                await WriteAsync(context, 400, "text/plain; charset=utf-8", "this server answers to 127.0.0.1 and localhost only\n"u8.ToArray());
            }
            else if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
            {
                response.Headers.Allow = "GET, HEAD";
                await WriteAsync(context, 405, "text/plain; charset=utf-8", "method not allowed\n"u8.ToArray());
            }
            else if (ServedFiles.IsMalformed(path))
            {
                await WriteAsync(context, 400, "text/plain; charset=utf-8", "bad request\n"u8.ToArray());
            }
            else if (path == EventsPath)
            {
                await Events.ServeAsync(context, _app.Lifetime.ApplicationStopping);
            }
            else if (path == "/")
            {
                await WriteAsync(context, 200, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(Index()));
            }
            else if (_files.Find(path) is not { } file)
            {
                await WriteAsync(context, 404, "text/plain; charset=utf-8", "not found\n"u8.ToArray());
            }
            else if (file.EndsWith(".html", StringComparison.Ordinal))
            {
                var html = await File.ReadAllTextAsync(file, context.RequestAborted);
                var at = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
                html = at < 0 ? html + ReloadScript : html.Insert(at, ReloadScript);
                await WriteAsync(context, 200, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html));
            }
            else
            {
                await WriteAsync(context, 200, ContentType(file), await File.ReadAllBytesAsync(file, context.RequestAborted));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            // A file that went away or cannot be read while being answered: say so, and close.
            if (response.HasStarted)
            {
                context.Abort();
            }
            else
            {
                response.Clear();
                await WriteAsync(context, 500, "text/plain; charset=utf-8", "the file could not be read\n"u8.ToArray());
            }
        }
    }

    private string Index()
    {
        var items = string.Concat(_files.Listed().Select(l => $"<li><a href=\"{WebUtility.HtmlEncode(l)}\">{WebUtility.HtmlEncode(l)}</a></li>"));
        return $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>pstm editions</title></head><body><h1>pstm editions</h1><ul>{items}</ul>{ReloadScript}</body></html>";
    }

    private static async Task WriteAsync(HttpContext context, int status, string type, byte[] body)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = type;
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.Connection = "close";
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(body, context.RequestAborted);
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
