using System.Globalization;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Pstm.Bench;

/// <summary>One process as <c>/proc/PID/stat</c> shows it.</summary>
internal readonly record struct ProcessEntry(int Pid, int ParentPid, char State, string Name);

/// <summary>
/// The processes below this one, read from <c>/proc</c> (Linux only): what the memory sampler sums and
/// what must be gone after each run.
/// </summary>
internal static class ProcessTree
{
    public static bool IsSupported { get; } = OperatingSystem.IsLinux() && Directory.Exists("/proc/self");

    private static readonly int PageSize = Environment.SystemPageSize;

    /// <summary>Every descendant of <paramref name="root"/> (not the root itself), zombies included.</summary>
    public static List<ProcessEntry> DescendantsOf(int root)
    {
        var children = new Dictionary<int, List<ProcessEntry>>();
        Span<byte> buffer = stackalloc byte[1024];
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            var name = directory.AsSpan(6);
            if (name.Length == 0 || !char.IsAsciiDigit(name[0]) || !int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            if (Stat(pid, buffer) is { } entry)
            {
                if (!children.TryGetValue(entry.ParentPid, out var list))
                {
                    children[entry.ParentPid] = list = [];
                }

                list.Add(entry);
            }
        }

        var found = new List<ProcessEntry>();
        var pending = new Stack<int>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            foreach (var child in children.GetValueOrDefault(pending.Pop()) ?? [])
            {
                found.Add(child);
                pending.Push(child.Pid);
            }
        }

        return found;
    }

    /// <summary>The parent of a process, or null when it has gone.</summary>
    public static int? ParentOf(int pid)
    {
        Span<byte> buffer = stackalloc byte[1024];
        return Stat(pid, buffer)?.ParentPid;
    }

    /// <summary>The resident memory of a process (its VmRSS), or 0 when it has gone.</summary>
    public static long ResidentBytes(int pid)
    {
        Span<byte> buffer = stackalloc byte[256];
        var length = Read($"/proc/{pid}/statm", buffer);
        if (length <= 0)
        {
            return 0;
        }

        // statm: size resident shared text lib data dt, in pages.
        var text = buffer[..length];
        var space = text.IndexOf((byte)' ');
        if (space < 0)
        {
            return 0;
        }

        var rest = text[(space + 1)..];
        var end = rest.IndexOf((byte)' ');
        return long.TryParse(end < 0 ? rest : rest[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var pages) ? pages * PageSize : 0;
    }

    private static ProcessEntry? Stat(int pid, Span<byte> buffer)
    {
        var length = Read($"/proc/{pid}/stat", buffer);
        if (length <= 0)
        {
            return null;
        }

        // "pid (comm) state ppid …": the name may hold spaces and parentheses, so split at the last ')'.
        var text = buffer[..length];
        var open = text.IndexOf((byte)'(');
        var close = text.LastIndexOf((byte)')');
        if (open < 0 || close < open || close + 4 >= text.Length)
        {
            return null;
        }

        var after = text[(close + 2)..];
        var state = (char)after[0];
        var ppidText = after[2..];
        var end = ppidText.IndexOf((byte)' ');
        if (end < 0 || !int.TryParse(ppidText[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var parent))
        {
            return null;
        }

        return new ProcessEntry(pid, parent, state, Encoding.UTF8.GetString(text[(open + 1)..close]));
    }

    // One open and one read, without the allocations of File.ReadAllText: the sampler reads every process every 10 ms.
    private static int Read(string path, Span<byte> buffer)
    {
        try
        {
            using SafeFileHandle handle = File.OpenHandle(path);
            return RandomAccess.Read(handle, buffer, 0);
        }
        catch (IOException)
        {
            return -1;
        }
        catch (UnauthorizedAccessException)
        {
            return -1;
        }
    }
}
