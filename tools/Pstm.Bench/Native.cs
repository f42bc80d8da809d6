using System.Runtime.InteropServices;

namespace Pstm.Bench;

/// <summary>The few libc calls the harness needs on Linux: .NET has no managed API for them.</summary>
internal static partial class Native
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    private const int PrSetChildSubreaper = 36;
    private const int WNoHang = 1;

    /// <summary>
    /// Makes this process adopt its orphaned descendants (Chromium's crash handler outlives its browser, for
    /// one), so that they stay in the process tree the harness measures and ends.
    /// </summary>
    public static bool BecomeSubreaper() =>
        OperatingSystem.IsLinux() && prctl(PrSetChildSubreaper, 1, 0, 0, 0) == 0;

    public static bool IsRoot() => !OperatingSystem.IsWindows() && geteuid() == 0;

    public static bool Signal(int pid, int signal) => kill(pid, signal) == 0;

    /// <summary>Collects an adopted child that has exited, so that it does not stay a zombie.</summary>
    public static void Reap(int pid) => waitpid(pid, out _, WNoHang);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int prctl(int option, ulong arg2, ulong arg3, ulong arg4, ulong arg5);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int waitpid(int pid, out int status, int options);

    [LibraryImport("libc")]
    private static partial uint geteuid();
}
