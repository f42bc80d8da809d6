using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pstm.Diagnostics;

namespace Pstm.Cli.Commands;

/// <summary>
/// Serves a build's output folder on 127.0.0.1 only (Kestrel), and tells the open pages to reload after
/// each rebuild (server-sent events; the HTML files are served with a one-line script that listens).
/// When the last build failed, the served pages show its errors over the page (<see cref="DiagnosticsOverlay"/>),
/// and the index, or a page not built yet, lists them; <c>/__pstm/diagnostics</c> gives them as JSON.
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
    private ServedBuildState _state = ServedBuildState.Building;

    private LiveReloadServer(WebApplication app, ServedFiles files, ReloadEvents events)
    {
        _app = app;
        _files = files;
        Events = events;
    }

    /// <summary>The address served, with the port actually listened on (the one given, or the free one taken for port 0).</summary>
    public string Address => $"http://127.0.0.1:{Port}/";

    /// <summary>The port listened on.</summary>
    public int Port { get; private set; }

    /// <summary>The state of the build served, as the pages show it.</summary>
    public ServedBuildState State => Volatile.Read(ref _state);

    /// <summary>The pages listening for reloads.</summary>
    public ReloadEvents Events { get; }

    /// <summary>
    /// Listens on 127.0.0.1:<paramref name="port"/> (0: a free port the system gives); an <see cref="IOException"/>
    /// when the port cannot be listened on.
    /// </summary>
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
        var server = new LiveReloadServer(app, new ServedFiles(root), new ReloadEvents(MaxListeningPages, heartbeat ?? TimeSpan.FromSeconds(5)));
        app.Run(server.AnswerAsync);
        try
        {
            await app.StartAsync();
            server.Port = port != 0 ? port : ListenedPort(app);
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

    /// <summary>
    /// A build ended: <paramref name="failures"/> are the diagnostics that failed it (none when it succeeded),
    /// which the pages show from now on; every open page reloads.
    /// </summary>
    public void Publish(IReadOnlyList<Diagnostic> failures)
    {
        Volatile.Write(ref _state, new ServedBuildState(true, failures));
        Reload();
    }

    // The port Kestrel was given by the system for port 0, as its address says.
    private static int ListenedPort(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            if (Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Port > 0)
            {
                return uri.Port;
            }
        }

        throw new IOException("the server did not say which port it listens on");
    }

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
            else if (path == DiagnosticsOverlay.Path)
            {
                await WriteAsync(context, 200, "application/json; charset=utf-8", DiagnosticsOverlay.Json(State));
            }
            else if (path == "/")
            {
                await WriteAsync(context, 200, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(Index()));
            }
            else if (_files.Find(path) is not { } file)
            {
                await NotFoundAsync(context, path);
            }
            else if (file.EndsWith(".html", StringComparison.Ordinal))
            {
                var html = Served(await File.ReadAllTextAsync(file, context.RequestAborted));
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

    /// <summary>
    /// An HTML file as served: the overlay of the last build's errors, when it failed, and the script that
    /// reloads the page, before its body's end. A deck forbids its page to connect anywhere (for readers
    /// who open it from disk): served, it may listen to this server.
    /// </summary>
    private string Served(string html)
    {
        var state = State;
        var added = (state.Failed ? DiagnosticsOverlay.Dialog(state.Failures) : "") + ReloadScript;
        var policy = html.IndexOf(DeckPolicyStart, StringComparison.OrdinalIgnoreCase);
        var policyEnd = policy < 0 ? -1 : html.IndexOf('>', policy);
        if (policyEnd > 0)
        {
            html = string.Concat(html.AsSpan(0, policy), html[policy..policyEnd].Replace(DeckNoConnection, DeckConnectsHere, StringComparison.Ordinal), html.AsSpan(policyEnd));
        }

        var at = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? html + added : html.Insert(at, added);
    }

    // The deck's Content-Security-Policy (Pstm.Rendering.Slides.DeckPolicy), first in its head, lets it connect nowhere.
    private const string DeckPolicyStart = "<meta http-equiv=\"Content-Security-Policy\"";
    private const string DeckNoConnection = "connect-src 'none'";
    private const string DeckConnectsHere = "connect-src 'self'";

    /// <summary>
    /// Not found. A page asked for while no build has ended, or after one that failed, may be an edition
    /// not built yet: the answer is a page that says so, lists the errors, and reloads after the next build.
    /// </summary>
    private async Task NotFoundAsync(HttpContext context, string path)
    {
        var state = State;
        if ((!state.Ended || state.Failed) && path.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
        {
            var body = state.Failed ? DiagnosticsOverlay.Section(state.Failures) : Building;
            await WriteAsync(context, 404, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(Page("pstm: edition not built", $"<h1>{WebUtility.HtmlEncode(path)} is not built</h1>{body}")));
        }
        else
        {
            await WriteAsync(context, 404, "text/plain; charset=utf-8", "not found\n"u8.ToArray());
        }
    }

    private const string Building = "<p>pstm is building the editions: this page reloads when the build ends.</p>";

    private string Index()
    {
        var state = State;
        var listed = _files.Listed();
        var items = string.Concat(listed.Select(l => $"<li><a href=\"{WebUtility.HtmlEncode(l)}\">{WebUtility.HtmlEncode(l)}</a></li>"));
        var body = "<h1>pstm editions</h1>"
            + (listed.Count > 0 ? $"<ul>{items}</ul>" : !state.Ended ? Building : state.Failed ? "" : "<p>The build wrote no edition.</p>")
            + (!state.Failed ? "" : listed.Count > 0 ? DiagnosticsOverlay.Dialog(state.Failures) : DiagnosticsOverlay.Section(state.Failures));
        return Page("pstm editions", body);
    }

    private static string Page(string title, string body) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body>{body}{ReloadScript}</body></html>";

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
