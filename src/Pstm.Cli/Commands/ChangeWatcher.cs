using System.Threading.Channels;

namespace Pstm.Cli.Commands;

/// <summary>
/// Waits for changes to files under some folders, gathering the bursts editors make into one; the
/// editors' own temporary files (<see cref="EditorFiles"/>) and the files <c>counts</c> leaves out are no change.
/// </summary>
internal sealed class ChangeWatcher : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(50);

    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>();
    private readonly string? _ignored;
    private readonly Func<string, bool> _counts;

    /// <param name="ignored">A folder whose changes do not count (the output folder, when it lies inside).</param>
    /// <param name="counts">Whether a change to the file at this full path counts; asked as the change comes.</param>
    public ChangeWatcher(IEnumerable<string> folders, string? ignored, Func<string, bool>? counts = null)
    {
        _ignored = ignored is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(ignored)) + Path.DirectorySeparatorChar;
        _counts = counts ?? (_ => true);
        Watch(folders);
    }

    /// <summary>Also watches those of <paramref name="folders"/> not watched yet.</summary>
    public void Watch(IEnumerable<string> folders)
    {
        foreach (var folder in folders.Where(Directory.Exists).Select(Path.GetFullPath).Distinct().Where(f => !_watchers.Any(w => w.Path == f)))
        {
            var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true, EnableRaisingEvents = true };
            watcher.Changed += (_, e) => Notify(e.FullPath);
            watcher.Created += (_, e) => Notify(e.FullPath);
            watcher.Deleted += (_, e) => Notify(e.FullPath);
            watcher.Renamed += (_, e) =>
            {
                // A file renamed over one the build reads (sed -i, vim) or away from it: either name may count.
                Notify(e.OldFullPath);
                Notify(e.FullPath);
            };
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
        if ((_ignored is null || !path.StartsWith(_ignored, StringComparison.Ordinal)) && !EditorFiles.IsTemporary(path) && _counts(path))
        {
            _changes.Writer.TryWrite(path);
        }
    }
}
