using System.Text;
using Microsoft.AspNetCore.Http;

namespace Pstm.Cli.Commands;

/// <summary>
/// The open pages listening for "reload" (server-sent events). Each stream ends when its page goes away
/// (Kestrel sees the connection close, or a heartbeat fails to be written) or the server stops, and no
/// more than <paramref name="capacity"/> are open at once: any page can open them, from any site.
/// </summary>
internal sealed class ReloadEvents(int capacity, TimeSpan heartbeat)
{
    private static readonly byte[] Connected = Encoding.UTF8.GetBytes(": connected\n\n");
    private static readonly byte[] Heartbeat = Encoding.UTF8.GetBytes(": heartbeat\n\n");
    private static readonly byte[] ReloadMessage = Encoding.UTF8.GetBytes("data: reload\n\n");

    private int _open;
    private TaskCompletionSource _reloaded = NewReload();

    /// <summary>How many streams are open now.</summary>
    public int Open => Volatile.Read(ref _open);

    /// <summary>Tells every open page to reload.</summary>
    public void Reload() => Interlocked.Exchange(ref _reloaded, NewReload()).TrySetResult();

    /// <summary>Streams events to one page until it goes away or <paramref name="stopping"/> is cancelled.</summary>
    public async Task ServeAsync(HttpContext context, CancellationToken stopping)
    {
        var response = context.Response;
        if (Interlocked.Increment(ref _open) > capacity)
        {
            Interlocked.Decrement(ref _open);
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            response.Headers.Connection = "close";
            await response.WriteAsync($"too many pages are listening (at most {capacity})\n", stopping);
            return;
        }

        try
        {
            using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            response.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-store";
            await WriteAsync(response, Connected, ended.Token);
            var reloaded = Volatile.Read(ref _reloaded).Task;
            while (true)
            {
                var beat = Task.Delay(heartbeat, ended.Token);
                if (await Task.WhenAny(reloaded, beat) == reloaded)
                {
                    await WriteAsync(response, ReloadMessage, ended.Token);
                    reloaded = Volatile.Read(ref _reloaded).Task;
                }
                else
                {
                    // Cancelled: the page went away or the server stops. Otherwise a write that fails tells a page that is gone.
                    await beat;
                    await WriteAsync(response, Heartbeat, ended.Token);
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The page went away, or the server stops.
        }
        finally
        {
            Interlocked.Decrement(ref _open);
        }
    }

    private static async Task WriteAsync(HttpResponse response, byte[] message, CancellationToken cancellation)
    {
        await response.Body.WriteAsync(message, cancellation);
        await response.Body.FlushAsync(cancellation);
    }

    private static TaskCompletionSource NewReload() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
