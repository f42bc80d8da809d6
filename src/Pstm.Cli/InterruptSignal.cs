using Mono.Unix.Native;

namespace Pstm.Cli;

/// <summary>
/// Ctrl+C (SIGINT) stops pstm even when pstm was started with SIGINT ignored: a shell without job
/// control starts a command run in the background (<c>pstm serve &amp;</c>, <c>nohup … &amp;</c> in a
/// script) so, its children inherit it, and .NET then leaves SIGINT ignored: <c>kill -INT</c> and
/// Ctrl+C did nothing, and only SIGTERM stopped <c>pstm build --watch</c>. At start, before .NET
/// takes the signals, an ignored SIGINT is given back its default, which .NET then handles as Ctrl+C
/// (the command is cancelled and cleans up, exit 130). Linux, where /proc says what is ignored.
/// </summary>
internal static class InterruptSignal
{
    // SIGINT is signal 2: bit 1 of the masks in /proc/self/status.
    private const ulong Mask = 1UL << 1;

    public static void Restore()
    {
        if (OperatingSystem.IsLinux() && IsIgnored())
        {
            try
            {
                Stdlib.SetSignalAction(Signum.SIGINT, SignalAction.Default);
            }
            catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
            {
                // Without Mono.Unix's native part SIGINT stays ignored, as before; SIGTERM still stops pstm.
            }
        }
    }

    /// <summary>Whether this process ignores SIGINT, as /proc/self/status's SigIgn says.</summary>
    public static bool IsIgnored()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("SigIgn:", StringComparison.Ordinal))
                {
                    return (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & Mask) != 0;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException)
        {
            // Not readable: leave the signal as it is.
        }

        return false;
    }
}
