namespace Pstm.Bench;

/// <summary>What one scenario measured: its timed runs (the warm-up excluded), or why it was skipped or failed.</summary>
internal sealed record ScenarioResult(string Name, string Title, string Command)
{
    public IReadOnlyList<double> Seconds { get; init; } = [];

    /// <summary>The largest sampled sum of resident memory of the whole process tree over the timed runs, in bytes.</summary>
    public long PeakBytes { get; init; }

    /// <summary>Why it did not run (a tool not installed, not selected).</summary>
    public string? Skipped { get; init; }

    /// <summary>Why it stopped (an exit code, a timeout), with the last lines of output.</summary>
    public string? Failed { get; init; }

    /// <summary>Processes and temporary files the runs left behind (the harness removed them).</summary>
    public IReadOnlyList<string> LeftBehind { get; init; } = [];

    /// <summary>What else the report should say of it.</summary>
    public string? Note { get; init; }

    /// <summary>For validations: how many objectives the plan has, to show time per 1000 objectives.</summary>
    public int? Objectives { get; init; }

    public bool Measured => Seconds.Count > 0 && Failed is null;

    public double Median => MedianOf(Seconds);

    public static double MedianOf(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public double Min => Seconds.Min();

    public double Max => Seconds.Max();

    public static ScenarioResult Skip(string name, string title, string reason) => new(name, title, "") { Skipped = reason };
}
