namespace Pstm.Plan.Model;

/// <summary>
/// What <c>build:</c> in plan.yaml asks of a bare <c>pstm build</c>: where the editions go, and which
/// locales and targets it builds. The command line's options go over each of them.
/// </summary>
public sealed record BuildDefaults
{
    /// <summary>The output folder as written, relative to the plan folder; null for the command line's default.</summary>
    public Located<string>? Out { get; init; }

    /// <summary>The locales to build; empty for every locale the plan declares.</summary>
    public IReadOnlyList<Located<string>> Locales { get; init; } = [];

    /// <summary>What to build (booklet, slides, all); empty for all.</summary>
    public IReadOnlyList<Located<string>> Targets { get; init; } = [];

    /// <summary>The output folder as a full path, or null when <see cref="Out"/> is not given.</summary>
    public string? OutputDirectory(string planDirectory) =>
        Out is { } written ? Path.GetFullPath(Path.Combine(planDirectory, written.Value)) : null;
}
