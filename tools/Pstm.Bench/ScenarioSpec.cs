namespace Pstm.Bench;

/// <summary>
/// A scenario to measure: the command of each run (0 is the warm-up) and its untimed steps, or why
/// it cannot run here (a tool not installed).
/// </summary>
internal sealed record ScenarioSpec(string Name, string Title, Func<int, BenchCommand> Command)
{
    /// <summary>Untimed work once before the warm-up (writing the HTML a peer prints, a first build); returns what went wrong, or null.</summary>
    public Func<Task<string?>>? Setup { get; init; }

    /// <summary>Untimed work before run <c>i</c>, such as making a fresh output folder.</summary>
    public Action<int>? Prepare { get; init; }

    /// <summary>Checks what run <c>i</c> did (its outputs, what it printed): null when right, else what is wrong.</summary>
    public Func<int, RunResult, string?>? Verify { get; init; }

    /// <summary>Untimed work after run <c>i</c>.</summary>
    public Action<int>? CleanUp { get; init; }

    /// <summary>Why it does not run here; null when it does.</summary>
    public string? Skipped { get; init; }

    /// <summary>For validations: how many objectives the plan has.</summary>
    public int? Objectives { get; init; }

    public static ScenarioSpec Skip(string name, string title, string reason) =>
        new(name, title, _ => throw new InvalidOperationException($"{name} is skipped")) { Skipped = reason };
}
