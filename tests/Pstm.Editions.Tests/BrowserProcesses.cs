namespace Pstm.Editions.Tests;

/// <summary>
/// Tests that count the browsers this test process runs, or the browser profiles in the temporary
/// folder: alone, so that no other test's browser is counted.
/// </summary>
[CollectionDefinition(nameof(BrowserProcesses), DisableParallelization = true)]
public sealed class BrowserProcesses
{
    /// <summary>The processes started, directly or not, by this test process (Linux: read from /proc).</summary>
    public static List<int> OwnDescendants()
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

    /// <summary>
    /// This test process's browser profiles in the temporary folder: each build makes one and must remove
    /// it. Other processes' (another test run on the machine) are not counted.
    /// </summary>
    public static HashSet<string> BrowserProfiles() =>
        [.. Directory.GetDirectories(Path.GetTempPath(), $"{Pstm.Pdf.ChromiumBrowser.ProfilePrefix}{Environment.ProcessId}-*")];

    /// <summary>What a folder holds besides the output folder's lock file, which stays for the next build.</summary>
    public static string[] EntriesBesidesTheLock(string folder) =>
        [.. Directory.GetFileSystemEntries(folder).Where(e => Path.GetFileName(e) != OutputFolder.LockFileName)];
}
