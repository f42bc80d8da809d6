using Pstm.Diagnostics;

namespace Pstm.Editions;

/// <summary>What a build has found and left unchanged so far, its progress lines, and its result when it stops.</summary>
internal sealed class BuildOutcome(BuildRequest request, ISourceLines sources)
{
    private readonly System.Diagnostics.Stopwatch _started = System.Diagnostics.Stopwatch.StartNew();

    public DiagnosticBag Diagnostics { get; } = new();

    /// <summary>Outputs that stand as the last build made them.</summary>
    public List<string> Unchanged { get; } = [];

    /// <summary>The files the build read (see <see cref="BuildResult.Inputs"/>).</summary>
    public IReadOnlyList<string> Inputs { get; set; } = [];

    /// <summary>A progress line, with the time since the build started.</summary>
    public void Report(string step) => request.Progress?.Invoke($"{step} ({_started.Elapsed.TotalSeconds:0.0} s)");

    /// <summary>The build's result, with the outputs it wrote (none when it stops early).</summary>
    public BuildResult Done(IReadOnlyList<string>? outputs = null) =>
        new(Diagnostics.ToSortedList(), outputs ?? [], sources) { Unchanged = Unchanged, Inputs = Inputs };
}
