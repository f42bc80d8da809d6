using Pstm.Plan.Comparison;

namespace Pstm.Rendering.Changes;

/// <summary>The changes to list, and the earlier edition they are counted from, as readers name it ("v2025.1").</summary>
public sealed record EditionChanges(string Since, IReadOnlyList<PlanChange> Changes);
