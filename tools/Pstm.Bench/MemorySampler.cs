using System.Globalization;

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

    // Whether each live process is below this one. A process outside the tree can never join it (orphans
    // are adopted by this process only when their parent was inside), so each process's parent is read
    // once, when it first appears: the sampler then costs little more than the memory reads themselves.
    private readonly Dictionary<int, bool> _inTree = [];
    private readonly HashSet<int> _listed = [];
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
        if (!_stopping)
        {
            _stopping = true;
            _thread.Join();
            Sample();
        }
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
        _listed.Clear();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(directory.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            _listed.Add(pid);
            if (IsInTree(pid, depth: 0))
            {
                sum += ProcessTree.ResidentBytes(pid);
            }
        }

        // Forget the processes that have gone, so that a reused process id is looked at afresh.
        foreach (var gone in _inTree.Keys.Where(pid => !_listed.Contains(pid)).ToList())
        {
            _inTree.Remove(gone);
        }

        long seen;
        while (sum > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, sum, seen) != seen)
        {
        }
    }

    private bool IsInTree(int pid, int depth)
    {
        if (_inTree.TryGetValue(pid, out var inside))
        {
            return inside;
        }

        if (pid <= 1 || depth > 64 || ProcessTree.ParentOf(pid) is not { } parent)
        {
            return false;
        }

        inside = parent == _self || IsInTree(parent, depth + 1);
        _inTree[pid] = inside;
        return inside;
    }
}
