namespace Pstm.Bench;

/// <summary>One timed run: its wall time, the peak memory of its process tree, its exit code and its last lines of output.</summary>
internal sealed record RunResult(TimeSpan Elapsed, long PeakBytes, int ExitCode, IReadOnlyList<string> Output)
{
    /// <summary>Processes and temporary files the run left behind, which the harness then removed.</summary>
    public IReadOnlyList<string> LeftBehind { get; init; } = [];
}
