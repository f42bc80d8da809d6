using System.Runtime.InteropServices;

namespace Pstm.Bench;

/// <summary>What the numbers were measured on: processors, memory, system, and the versions of every program timed.</summary>
internal static class MachineInfo
{
    public static async Task<IReadOnlyList<(string Name, string Value)>> DescribeAsync(ChildProcesses processes, PstmExecutable pstm, Tools tools)
    {
        var facts = new List<(string, string)>
        {
            ("cores", Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("processor", FirstValue("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString()),
            ("memory", FirstValue("/proc/meminfo", "MemTotal") is { } total ? Gigabytes(total) : "unknown"),
            ("system", $"{FirstValue("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription}, kernel {Kernel()}"),
            (".NET", RuntimeInformation.FrameworkDescription),
            ("pstm", await VersionAsync(processes, pstm.Command("--version"), "") ?? "unknown"),
        };
        facts.Add(("chromium", tools.Chromium is null ? "not installed" : await VersionAsync(processes, new BenchCommand(tools.Chromium, "--version"), "Chrom") ?? "unknown"));
        facts.Add(("chromium-headless-shell (pstm prints with it when installed)", tools.HeadlessShell is null ? "not installed" : await VersionAsync(processes, new BenchCommand(tools.HeadlessShell, "--version"), "Chrom") ?? "unknown"));
        facts.Add(("pandoc", tools.Pandoc is null ? "not installed" : await VersionAsync(processes, new BenchCommand(tools.Pandoc, "--version"), "pandoc") ?? "unknown"));
        facts.Add(("weasyprint", tools.WeasyPrint is null ? "not installed" : await VersionAsync(processes, new BenchCommand(tools.WeasyPrint, "--version"), "WeasyPrint") ?? "unknown"));
        facts.Add(("pdflatex", tools.PdfLatex is null ? "not installed" : await VersionAsync(processes, new BenchCommand(tools.PdfLatex, "--version"), "pdfTeX") ?? "unknown"));
        return facts;
    }

    /// <summary>The first line of the command's output that holds <paramref name="marker"/> (Debian's chromium script prints a warning first).</summary>
    private static async Task<string?> VersionAsync(ChildProcesses processes, BenchCommand command, string marker) =>
        (await processes.CaptureAsync(command))?.Split('\n').FirstOrDefault(l => l.Contains(marker, StringComparison.Ordinal) && l.Trim().Length > 0)?.Trim();

    /// <summary>The load averages (1, 5, 15 min): other work on the machine skews the times, so the report says how busy it was.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Kernel() =>
        File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : RuntimeInformation.OSArchitecture.ToString();

    private static string? FirstValue(string file, string key, char separator = ':')
    {
        if (!File.Exists(file))
        {
            return null;
        }

        return File.ReadLines(file)
            .Select(l => l.Split(separator, 2))
            .FirstOrDefault(p => p.Length == 2 && p[0].Trim() == key)?[1].Trim();
    }

    private static string Gigabytes(string memTotal) =>
        long.TryParse(memTotal.Split(' ')[0], out var kilobytes) ? $"{kilobytes / 1024.0 / 1024.0:0.0} GiB" : memTotal;
}
