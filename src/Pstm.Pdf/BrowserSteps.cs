using PuppeteerSharp;

namespace Pstm.Pdf;

/// <summary>
/// Runs each step with the browser (open a tab, load, print) within the build's time limit, and ends it
/// at once when the browser ends: PuppeteerSharp does not always fail a waiting step when the browser's
/// process dies, which left a killed browser's build waiting out the whole time limit.
/// </summary>
internal sealed class BrowserSteps
{
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public BrowserSteps(IBrowser browser, TimeSpan timeout)
    {
        Timeout = timeout;
        browser.Disconnected += (_, _) => _ended.TrySetResult();
        if (browser.Process is { } process)
        {
            try
            {
                process.EnableRaisingEvents = true;
                process.Exited += (_, _) => _ended.TrySetResult();
                if (process.HasExited)
                {
                    _ended.TrySetResult();
                }
            }
            catch (InvalidOperationException)
            {
                // The process is not ours to watch: the connection's end still tells.
            }
        }
    }

    public TimeSpan Timeout { get; }

    public bool HasEnded => _ended.Task.IsCompleted;

    /// <summary>Completes when the browser's process ends or its connection closes.</summary>
    public Task Ended => _ended.Task;

    /// <summary>Whether the browser has ended, or ends within <paramref name="grace"/>.</summary>
    public async Task<bool> EndsWithinAsync(TimeSpan grace)
    {
        if (!HasEnded)
        {
            await Task.WhenAny(_ended.Task, Task.Delay(grace));
        }

        return HasEnded;
    }

    /// <summary>
    /// Whether a step's failure is one to report: one PuppeteerSharp reports as such (<see cref="BrowserFailure.Is"/>),
    /// or any other a step ends with as the browser goes away, when PuppeteerSharp's objects are half gone (a
    /// page whose main frame is gone throws NullReferenceException). Anything else is a bug, let through.
    /// </summary>
    public async Task<bool> IsFailureAsync(Exception exception) =>
        BrowserFailure.Is(exception) || (BrowserFailure.MayComeFromItsEnd(exception) && await EndsWithinAsync(EndGrace));

    // How long a step that failed oddly waits to see the browser end before its failure is taken for a bug.
    private static readonly TimeSpan EndGrace = TimeSpan.FromSeconds(2);

    public async Task RunAsync(Task step, CancellationToken cancellation)
    {
        var bounded = step.WaitAsync(Timeout, cancellation);
        if (await Task.WhenAny(bounded, _ended.Task) != bounded)
        {
            Observe(bounded);
            throw new BrowserEndedException();
        }

        await bounded;
    }

    public async Task<T> RunAsync<T>(Task<T> step, CancellationToken cancellation)
    {
        await RunAsync((Task)step, cancellation);
        return await step;
    }

    // The abandoned step fails later, when its connection is disposed: nobody waits for that failure.
    private static void Observe(Task task) =>
        task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}
