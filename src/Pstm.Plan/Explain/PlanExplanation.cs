using Pstm.Diagnostics;

namespace Pstm.Plan.Explain;

/// <summary>The kinds of item that carry a stable id in a plan.</summary>
public enum PlanItemKind
{
    Plan,
    Chapter,
    Phase,
    Milestone,
    Pillar,
    Mission,
    Objective,
    Driver,
}

/// <summary>
/// An item of the plan found by its id: what it is, its title or text, where its id is written
/// (<paramref name="Definition"/>), the span of the whole item, and the item it belongs to (an
/// objective's mission, a milestone's phase), if any.
/// </summary>
public sealed record PlanItem(PlanItemKind Kind, string Id, string Title, SourceSpan Definition, SourceSpan Span, string? ParentId)
{
    /// <summary>The kind as readers say it: "mission", "objective", "driver"…</summary>
    public string KindName => Kind.ToString().ToLowerInvariant();
}

/// <summary>
/// A link between the item explained and another item: <paramref name="Relation"/> says how
/// ("cited by", "cites", "serves", "served by", "placed in", "belongs to", "has"),
/// <paramref name="At"/> where the link is written.
/// </summary>
public sealed record PlanReference(string Relation, PlanItemKind Kind, string Id, SourceSpan At);

/// <summary>
/// A cell of the traceability matrix (drivers × missions) the item takes part in: the driver serves
/// the mission, and <paramref name="Objectives"/> are the objectives of that mission the driver cites.
/// </summary>
public sealed record MatrixCell(string Driver, string Mission, IReadOnlyList<string> Objectives);

/// <summary>
/// Everything the plan itself says about one item: where it is defined, what refers to it and what it
/// refers to, the matrix cells it is part of, notes on its coverage, and the diagnostics about it.
/// </summary>
public sealed record PlanExplanation(
    PlanItem Item,
    IReadOnlyList<PlanReference> References,
    IReadOnlyList<MatrixCell> MatrixCells,
    IReadOnlyList<string> Notes,
    IReadOnlyList<Diagnostic> Diagnostics);
