namespace Pstm.Editions.Tests;

/// <summary>Tests that count the browsers this test process runs: alone, so that no other test's browser is counted.</summary>
[CollectionDefinition(nameof(BrowserProcesses), DisableParallelization = true)]
public sealed class BrowserProcesses;

[Collection(nameof(BrowserProcesses))]
public class CancellationTests
{
    // Cancelled at a step of the build, not after a time: a fast machine would finish first.
    [Theory]
    [InlineData("ready to print")] // the browser is up, the tabs are opening
    [InlineData("printed")] // the first PDF is done, the others are printing
    public async Task Cancelling_a_build_ends_the_browser_and_writes_nothing(string step)
    {
        using var output = new TemporaryFolder();
        using var cancellation = new CancellationTokenSource();
        var request = BuiltBooklet.Request(output.Path) with
        {
            Locales = [],
            Targets = [],
            Progress = reported =>
            {
                if (reported.StartsWith(step, StringComparison.Ordinal))
                {
                    cancellation.Cancel();
                }
            },
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => EditionBuilder.BuildAsync(request, cancellation.Token));

        Assert.True(cancellation.IsCancellationRequested);
        Assert.Empty(Directory.GetFileSystemEntries(output.Path));
        Assert.Empty(OwnDescendants());
    }

    /// <summary>The processes started, directly or not, by this test process (Linux: read from /proc).</summary>
    private static List<int> OwnDescendants()
    {
        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.GetDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && TryParentOf(pid, out var parent))
            {
                parents[pid] = parent;
            }
        }

        var self = Environment.ProcessId;
        return parents.Keys.Where(pid => pid != self && IsDescendant(pid, self, parents)).ToList();
    }

    private static bool IsDescendant(int pid, int ancestor, Dictionary<int, int> parents)
    {
        for (var hops = 0; hops < 64 && parents.TryGetValue(pid, out var parent); hops++)
        {
            if (parent == ancestor)
            {
                return true;
            }

            pid = parent;
        }

        return false;
    }

    private static bool TryParentOf(int pid, out int parent)
    {
        parent = 0;
        try
        {
            // /proc/PID/stat: "pid (name) state ppid …"; the name may hold spaces, so read after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.TryParse(fields[1], out parent);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
