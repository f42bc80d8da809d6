using System.Threading.Channels;

namespace Pstm.Cli.Commands;

/// <summary>Waits for changes to files under some folders, gathering the bursts editors make into one.</summary>
internal sealed class ChangeWatcher : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(50);

    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>();
    private readonly string? _ignored;

    /// <param name="ignored">A folder whose changes do not count (the output folder, when it lies inside).</param>
    public ChangeWatcher(IEnumerable<string> folders, string? ignored)
    {
        _ignored = ignored is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(ignored)) + Path.DirectorySeparatorChar;
        foreach (var folder in folders.Where(Directory.Exists).Select(Path.GetFullPath).Distinct())
        {
            var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true, EnableRaisingEvents = true };
            watcher.Changed += (_, e) => Notify(e.FullPath);
            watcher.Created += (_, e) => Notify(e.FullPath);
            watcher.Deleted += (_, e) => Notify(e.FullPath);
            watcher.Renamed += (_, e) => Notify(e.FullPath);
            _watchers.Add(watcher);
        }
    }

    /// <summary>The files changed, once no change has come for a moment.</summary>
    public async Task<IReadOnlyList<string>> NextAsync(CancellationToken cancellation)
    {
        var changed = new SortedSet<string>(StringComparer.Ordinal) { await _changes.Reader.ReadAsync(cancellation) };
        while (true)
        {
            using var pause = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            pause.CancelAfter(Quiet);
            try
            {
                changed.Add(await _changes.Reader.ReadAsync(pause.Token));
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                return [.. changed];
            }
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }
    }

    private void Notify(string path)
    {
        if (_ignored is null || !path.StartsWith(_ignored, StringComparison.Ordinal))
        {
            _changes.Writer.TryWrite(path);
        }
    }
}
