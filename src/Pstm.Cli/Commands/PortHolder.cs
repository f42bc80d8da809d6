using System.Globalization;
using System.Text;
using Pstm.Diagnostics;

namespace Pstm.Cli.Commands;

/// <summary>
/// Which process listens on a TCP port, when it can be known: on Linux, the port's listening socket in
/// /proc/net/tcp and /proc/net/tcp6 gives its inode, and the process whose /proc/PID/fd holds
/// <c>socket:[inode]</c> is the one; its name and command line come from /proc/PID/comm and cmdline.
/// Elsewhere, or when another user's processes cannot be read, it cannot be known.
/// </summary>
internal static class PortHolder
{
    // The state of a listening socket in /proc/net/tcp (TCP_LISTEN).
    private const string Listening = "0A";

    // A command line longer than this is cut: it is named, not quoted in full.
    private const int MaxCommandLine = 160;

    /// <summary>"process 1234 (name: command line)", or why it cannot be known.</summary>
    public static string Describe(int port) => Describe(port, "/proc");

    /// <summary>As <see cref="Describe(int)"/>, reading the given /proc (tests give their own).</summary>
    internal static string Describe(int port, string proc)
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists(Path.Combine(proc, "net")))
        {
            return "which program holds it cannot be known on this system";
        }

        var inodes = ListeningInodes(port, proc);
        if (inodes.Count == 0)
        {
            return "no listening socket on it was found, so which program holds it cannot be known";
        }

        var holders = Holders(inodes, proc);
        if (holders.Count == 0)
        {
            return "which program holds it cannot be known: its process is not readable by this user (another user's, or in another container)";
        }

        return string.Join("; ", holders.Select(pid => $"held by process {pid.ToString(CultureInfo.InvariantCulture)} ({Name(pid, proc)})"));
    }

    /// <summary>The inodes of the sockets listening on <paramref name="port"/>, IPv4 and IPv6.</summary>
    internal static HashSet<string> ListeningInodes(int port, string proc)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in new[] { "tcp", "tcp6" })
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines(Path.Combine(proc, "net", table));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            // "sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode …"
            foreach (var line in lines.Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 10 || fields[3] != Listening)
                {
                    continue;
                }

                var local = fields[1];
                var colon = local.LastIndexOf(':');
                if (colon > 0 && int.TryParse(local[(colon + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var listening)
                    && listening == port && fields[9] != "0")
                {
                    inodes.Add(fields[9]);
                }
            }
        }

        return inodes;
    }

    /// <summary>The processes, by id, one of whose open files is one of these sockets.</summary>
    private static List<int> Holders(HashSet<string> inodes, string proc)
    {
        var wanted = inodes.Select(i => $"socket:[{i}]").ToHashSet(StringComparer.Ordinal);
        var holders = new List<int>();
        foreach (var directory in SafeDirectories(proc))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            foreach (var fd in SafeEntries(Path.Combine(directory, "fd")))
            {
                string? target;
                try
                {
                    target = new FileInfo(fd).LinkTarget;
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    continue;
                }

                if (target is not null && wanted.Contains(target))
                {
                    holders.Add(pid);
                    break;
                }
            }
        }

        holders.Sort();
        return holders;
    }

    /// <summary>"name: command line", as printable text.</summary>
    private static string Name(int pid, string proc)
    {
        var folder = Path.Combine(proc, pid.ToString(CultureInfo.InvariantCulture));
        var name = Read(Path.Combine(folder, "comm"))?.TrimEnd('\n') ?? "?";
        var commandLine = Read(Path.Combine(folder, "cmdline"))?.TrimEnd('\0').Replace('\0', ' ') ?? "";
        if (commandLine.Length > MaxCommandLine)
        {
            commandLine = commandLine[..MaxCommandLine] + "…";
        }

        var text = commandLine.Length == 0 ? name : $"{name}: {commandLine}";
        return PrintableText.Escape(text);
    }

    private static string? Read(string file)
    {
        try
        {
            return Encoding.UTF8.GetString(File.ReadAllBytes(file));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string[] SafeDirectories(string folder)
    {
        try
        {
            return Directory.GetDirectories(folder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static string[] SafeEntries(string folder)
    {
        try
        {
            return Directory.GetFileSystemEntries(folder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
