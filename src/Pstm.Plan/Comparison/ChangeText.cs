using Pstm.Diagnostics;

namespace Pstm.Plan.Comparison;

/// <summary>The changes between two editions as lines of text (<c>pstm diff</c>'s default output).</summary>
public static class ChangeText
{
    /// <summary>One change as a line: what, which, and how; a body's line breaks, and any control character, shown as escapes.</summary>
    public static string Line(PlanChange change) => PrintableText.Escape(change.Kind switch
    {
        ChangeKind.Added => $"{change.Item} {change.Id} added: {change.After}",
        ChangeKind.Removed => $"{change.Item} {change.Id} removed: {change.Before}",
        ChangeKind.Renamed => $"{change.Item} {change.Id} renamed from {change.Before}",
        ChangeKind.Renumbered => $"{change.Item} {change.Id} renumbered: {change.Before} → {change.After}",
        ChangeKind.Moved => $"{change.Item} {change.Id} moved: from {change.Before} to {change.After}",
        ChangeKind.Relinked => $"{change.Item} {change.Id} relinked {change.Field}: {string.Join(", ", change.Linked.Select(id => "+" + id).Concat(change.Unlinked.Select(id => "-" + id)))}",
        _ => $"{change.Item} {change.Id} reworded {change.Field}: {WordDiff.Format(change.Words ?? [])}",
    });

    /// <summary>"no changes", or "5 changes: 1 removed, 1 renamed, …" in the order of <see cref="ChangeKind"/>.</summary>
    public static string Summary(IReadOnlyList<PlanChange> changes) =>
        changes.Count == 0
            ? "no changes"
            : $"{changes.Count} change{(changes.Count == 1 ? "" : "s")}: " + string.Join(", ", changes.GroupBy(c => c.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));
}
