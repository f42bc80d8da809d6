namespace Pstm.Plan.Comparison;

/// <summary>What happened to an item between two editions of a plan.</summary>
public enum ChangeKind
{
    Added,
    Removed,
    Renamed,
    Renumbered,
    Reworded,
    Moved,
    Relinked,
}

/// <summary>
/// One change to one item, found by its stable id: a mission, objective, driver or chapter.
/// </summary>
/// <param name="Item">mission, objective, driver or chapter.</param>
/// <param name="Id">The item's id in the new edition (in the old one when it was removed).</param>
/// <param name="Field">The field that changed (title, text, name, subtitle, description, number, mission, missions, objectives, id), or null for the whole item.</param>
/// <param name="Before">The old value, as text (a list as its ids joined by ", "); null when added.</param>
/// <param name="After">The new value, as text; null when removed.</param>
/// <param name="Words">For a reworded text, its word-level difference.</param>
public sealed record PlanChange(
    string Item,
    string Id,
    ChangeKind Kind,
    string? Field,
    string? Before,
    string? After,
    IReadOnlyList<WordRun>? Words = null)
{
    /// <summary>For a relinked item: the ids it links to now and did not before.</summary>
    public IReadOnlyList<string> Linked { get; init; } = [];

    /// <summary>For a relinked item: the ids it linked to before and does not now.</summary>
    public IReadOnlyList<string> Unlinked { get; init; } = [];
}
