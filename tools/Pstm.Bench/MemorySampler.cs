namespace Pstm.Bench;

/// <summary>
/// Samples, every 10 ms on a thread of its own, the resident memory of every process below this one
/// (the run's process and all it started, the adopted orphans too) and keeps the largest sum seen.
/// Sampled, so a peak shorter than the interval can be missed.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);

    private readonly Thread _thread;
    private readonly int _self = Environment.ProcessId;
    private volatile bool _stopping;
    private long _peak;

    private MemorySampler()
    {
        _thread = new Thread(Loop) { IsBackground = true, Name = "memory sampler", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    /// <summary>Starts sampling; null where there is no <c>/proc</c> to read.</summary>
    public static MemorySampler? Start() => ProcessTree.IsSupported ? new MemorySampler() : null;

    /// <summary>The largest sum of resident memory seen since the start or the last reset, in bytes.</summary>
    public long Peak => Interlocked.Read(ref _peak);

    public void Reset() => Interlocked.Exchange(ref _peak, 0);

    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
        Sample();
    }

    private void Loop()
    {
        while (!_stopping)
        {
            Sample();
            Thread.Sleep(Interval);
        }
    }

    private void Sample()
    {
        long sum = 0;
        foreach (var process in ProcessTree.DescendantsOf(_self))
        {
            sum += ProcessTree.ResidentBytes(process.Pid);
        }

        long seen;
        while (sum > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, sum, seen) != seen)
        {
        }
    }
}
