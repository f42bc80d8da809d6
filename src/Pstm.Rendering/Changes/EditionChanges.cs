using Pstm.Plan.Comparison;

namespace Pstm.Rendering.Changes;

/// <summary>The changes to list, and the earlier edition they are counted from, as readers name it ("v2025.1").</summary>
public sealed record EditionChanges(string Since, IReadOnlyList<PlanChange> Changes)
{
    /// <summary>
    /// The changes whose texts are in the plan's source language (<see cref="SourceLanguage"/>) in an
    /// edition of another: their translations have not caught up. Readers' tools are told (lang).
    /// </summary>
    public IReadOnlySet<PlanChange> Untranslated { get; init; } = new HashSet<PlanChange>();

    public string? SourceLanguage { get; init; }
}
