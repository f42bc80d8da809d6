using Pstm.Plan.Model;

namespace Pstm.Plan.Comparison;

/// <summary>
/// The semantic difference between two editions of a plan: items matched by their stable ids (through
/// the new edition's renames), then compared field by field. Unlike a text diff, moving an item to
/// another file or reordering a list is no change, and a reworded objective shows its words.
/// </summary>
public static class PlanDiff
{
    /// <param name="renamed">Old id → new id, as the new edition declares them: followed, not shown as removed and added.</param>
    public static IReadOnlyList<PlanChange> Compare(StrategicPlan before, StrategicPlan after, IReadOnlyDictionary<string, string>? renamed = null)
    {
        renamed ??= new Dictionary<string, string>();
        var changes = new List<PlanChange>();
        Items(changes, "mission", before.Missions, after.Missions, m => m.Id.Value, renamed, (old, now) =>
        [
            Number("number", old.Number.Value, now.Number.Value),
            Text("code", old.Code?.Value, now.Code?.Value),
            Text("title", old.Title, now.Title),
        ]);
        Items(changes, "objective", before.Objectives, after.Objectives, o => o.Id.Value, renamed, (old, now) =>
        [
            Moved(Follow(old.MissionId, renamed), now.MissionId),
            Text("code", old.Code?.Value, now.Code?.Value),
            Text("title", old.Title, now.Title),
            Text("text", old.Text, now.Text),
            Text("body", old.Body, now.Body),
        ]);
        Items(changes, "action", before.Actions, after.Actions, a => a.Id.Value, renamed, (old, now) =>
        [
            Text("code", old.Code?.Value, now.Code?.Value),
            Text("text", old.Text, now.Text),
        ]);
        Items(changes, "driver", before.Drivers, after.Drivers, d => d.Id.Value, renamed, (old, now) =>
        [
            Number("number", old.Number.Value, now.Number.Value),
            Text("code", old.Code?.Value, now.Code?.Value),
            Text("name", old.Name, now.Name),
            Text("subtitle", old.Subtitle, now.Subtitle),
            Text("description", old.Description, now.Description),
            Links("missions", old.Missions.Select(m => Follow(m.Value, renamed)), now.Missions.Select(m => m.Value)),
            Links("objectives", old.Objectives.Select(o => Follow(o.Value, renamed)), now.Objectives.Select(o => o.Value)),
        ]);
        Items(changes, "chapter", before.Chapters, after.Chapters, c => c.Id.Value, renamed, (old, now) =>
        [
            Number("number", old.Number.Value, now.Number.Value),
            Text("title", old.Title, now.Title),
            Text("body", old.Body, now.Body),
        ]);
        return changes;
    }

    private static void Items<T>(
        List<PlanChange> changes,
        string item,
        IEnumerable<T> before,
        IEnumerable<T> after,
        Func<T, string> id,
        IReadOnlyDictionary<string, string> renamed,
        Func<T, T, Func<string, string, PlanChange?>[]> compare)
    {
        var now = after.ToDictionary(id, StringComparer.Ordinal);
        var matched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var old in before)
        {
            var oldId = id(old);
            var newId = Follow(oldId, renamed);
            if (!now.TryGetValue(newId, out var current))
            {
                changes.Add(new PlanChange(item, oldId, ChangeKind.Removed, null, Describe(old), null));
                continue;
            }

            matched.Add(newId);
            if (newId != oldId)
            {
                changes.Add(new PlanChange(item, newId, ChangeKind.Renamed, "id", oldId, newId));
            }

            changes.AddRange(compare(old, current).Select(c => c(item, newId)).OfType<PlanChange>());
        }

        changes.AddRange(after.Where(a => !matched.Contains(id(a))).Select(a => new PlanChange(item, id(a), ChangeKind.Added, null, null, Describe(a))));
    }

    private static string Follow(string id, IReadOnlyDictionary<string, string> renamed) =>
        renamed.TryGetValue(id, out var newId) ? newId : id;

    private static Func<string, string, PlanChange?> Number(string field, int before, int after) =>
        (item, id) => before == after ? null : new PlanChange(item, id, ChangeKind.Renumbered, field, $"{before}", $"{after}");

    private static Func<string, string, PlanChange?> Text(string field, string? before, string? after) =>
        (item, id) => (before ?? "") == (after ?? "")
            ? null
            : new PlanChange(item, id, ChangeKind.Reworded, field, before, after, WordDiff.Between(before ?? "", after ?? ""));

    private static Func<string, string, PlanChange?> Moved(string before, string after) =>
        (item, id) => before == after ? null : new PlanChange(item, id, ChangeKind.Moved, "mission", before, after);

    private static Func<string, string, PlanChange?> Links(string field, IEnumerable<string> before, IEnumerable<string> after)
    {
        var old = before.ToList();
        var now = after.ToList();
        return (item, id) => old.Order(StringComparer.Ordinal).SequenceEqual(now.Order(StringComparer.Ordinal))
            ? null
            : new PlanChange(item, id, ChangeKind.Relinked, field, string.Join(", ", old), string.Join(", ", now))
            {
                Linked = [.. now.Except(old)],
                Unlinked = [.. old.Except(now)],
            };
    }

    private static string Describe<T>(T item) => item switch
    {
        Mission m => m.Title,
        Objective o => o.Text,
        ObjectiveAction a => a.Text,
        Driver d => d.Name,
        Chapter c => c.Title,
        _ => "",
    };
}
