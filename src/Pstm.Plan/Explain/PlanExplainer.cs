using System.Globalization;
using Pstm.Diagnostics;
using Pstm.Plan.Coverage;
using Pstm.Plan.Model;

namespace Pstm.Plan.Explain;

/// <summary>
/// Answers "what is this id, and what uses it?" from a checked plan: the item's definition, the
/// references between it and other items, its matrix cells, and its coverage as the validation
/// already computed it (the coverage report and the diagnostics are reused, not recomputed).
/// </summary>
public static class PlanExplainer
{
    /// <summary>Every item of the plan that has an id, in plan order: the plan, chapters, process, vision, missions and their objectives, drivers.</summary>
    public static IReadOnlyList<PlanItem> Items(StrategicPlan plan)
    {
        var items = new List<PlanItem> { new(PlanItemKind.Plan, plan.Id.Value, plan.Title, plan.Id.Span, plan.Span, null) };
        items.AddRange(plan.Chapters.Select(c => new PlanItem(PlanItemKind.Chapter, c.Id.Value, c.Title, c.Id.Span, c.Span, null)));
        foreach (var phase in plan.Process)
        {
            items.Add(new PlanItem(PlanItemKind.Phase, phase.Id.Value, phase.Title, phase.Id.Span, phase.Span, null));
            items.AddRange(phase.Milestones.Select(m => new PlanItem(PlanItemKind.Milestone, m.Id.Value, m.Title, m.Id.Span, m.Span, phase.Id.Value)));
        }

        items.AddRange(plan.Vision.Select(p => new PlanItem(PlanItemKind.Pillar, p.Id.Value, p.Name, p.Id.Span, p.Span, null)));
        foreach (var mission in plan.Missions)
        {
            items.Add(new PlanItem(PlanItemKind.Mission, mission.Id.Value, mission.Title, mission.Id.Span, mission.Span, null));
            items.AddRange(mission.Objectives.Select(o => new PlanItem(PlanItemKind.Objective, o.Id.Value, o.Text, o.Id.Span, o.Span, mission.Id.Value)));
        }

        items.AddRange(plan.Drivers.Select(d => new PlanItem(PlanItemKind.Driver, d.Id.Value, d.Name, d.Id.Span, d.Span, null)));
        return items;
    }

    /// <summary>The item with this id (ids are unique across the plan, and compared exactly), or null.</summary>
    public static PlanItem? Find(StrategicPlan plan, string id) =>
        Items(plan).FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.Ordinal));

    /// <summary>The id nearest to a misspelt one ("m2" gives "M2", "D11" gives "D1"), or null.</summary>
    public static string? Suggest(StrategicPlan plan, string id) => DidYouMean.Suggest(id, Items(plan).Select(i => i.Id));

    /// <summary>What the plan says about the item with <paramref name="id"/>; null when no item has it.</summary>
    public static PlanExplanation? Explain(StrategicPlan plan, CoverageReport coverage, IReadOnlyList<Diagnostic> diagnostics, string id)
    {
        var items = Items(plan);
        var item = items.FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.Ordinal));
        if (item is null)
        {
            return null;
        }

        var references = new List<PlanReference>();
        var cells = new List<MatrixCell>();
        var notes = new List<string>();
        switch (item.Kind)
        {
            case PlanItemKind.Mission:
                ExplainMission(plan, coverage, item, references, cells, notes);
                break;
            case PlanItemKind.Objective:
                ExplainObjective(plan, coverage, item, references, cells, notes);
                break;
            case PlanItemKind.Driver:
                ExplainDriver(plan, item, references, cells, notes);
                break;
            case PlanItemKind.Chapter:
                var chapter = plan.Chapters.First(c => c.Id.Value == item.Id);
                notes.Add(chapter.Sections.Count == 0
                    ? "places no section"
                    : "places the sections " + string.Join(", ", chapter.Sections.Select(s => s.Value)));
                break;
            case PlanItemKind.Phase:
                references.AddRange(PlacedIn(plan, "process"));
                var phase = plan.Process.First(p => p.Id.Value == item.Id);
                references.AddRange(phase.Milestones.Select(m => new PlanReference("has", PlanItemKind.Milestone, m.Id.Value, m.Id.Span)));
                notes.Add($"runs {phase.Period.From}..{phase.Period.To}");
                break;
            case PlanItemKind.Milestone:
                var owner = plan.Process.First(p => p.Id.Value == item.ParentId);
                references.Add(new PlanReference("belongs to", PlanItemKind.Phase, owner.Id.Value, owner.Id.Span));
                references.AddRange(PlacedIn(plan, "process"));
                break;
            case PlanItemKind.Pillar:
                references.AddRange(PlacedIn(plan, "vision"));
                break;
            case PlanItemKind.Plan:
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{plan.Chapters.Count} chapters, {plan.Missions.Count} missions with {coverage.ObjectiveCount} objectives, {plan.Drivers.Count} drivers"));
                break;
        }

        var own = diagnostics.Where(d => Owner(items, d.Span) == item).ToList();
        if (own.Any(d => d.Code == PlanDiagnostics.TextMissing.Code))
        {
            notes.Add($"driver text not written yet ({PlanDiagnostics.TextMissing.Code}): the booklet and the deck show it as in preparation");
        }

        return new PlanExplanation(item, references, cells, notes, own);
    }

    private static void ExplainMission(
        StrategicPlan plan, CoverageReport coverage, PlanItem item, List<PlanReference> references, List<MatrixCell> cells, List<string> notes)
    {
        var covered = coverage.Missions.First(m => m.Mission.Id.Value == item.Id);
        references.AddRange(PlacedIn(plan, "missions"));
        foreach (var driver in covered.ServedBy)
        {
            references.Add(new PlanReference("served by", PlanItemKind.Driver, driver.Id.Value, driver.Missions.First(m => m.Value == item.Id).Span));
            cells.Add(Cell(driver, covered.Mission));
        }

        notes.Add(covered.ServedBy.Count == 0
            ? $"no driver serves this mission ({PlanDiagnostics.MissionNotServed.Code})"
            : $"this mission is served by {Drivers(covered.ServedBy)}");
        var cited = covered.Objectives.Count(o => o.CitedBy.Count > 0);
        notes.Add(string.Create(CultureInfo.InvariantCulture, $"{cited} of {covered.Objectives.Count} objectives cited by a driver"));
        var uncited = covered.Objectives.Where(o => o.CitedBy.Count == 0).Select(o => o.Objective.Id.Value).ToList();
        if (uncited.Count > 0)
        {
            notes.Add($"objectives no driver cites: {string.Join(", ", uncited)} ({PlanDiagnostics.ObjectiveNotCited.Code})");
        }
    }

    private static void ExplainObjective(
        StrategicPlan plan, CoverageReport coverage, PlanItem item, List<PlanReference> references, List<MatrixCell> cells, List<string> notes)
    {
        var mission = coverage.Missions.First(m => m.Mission.Id.Value == item.ParentId);
        var covered = mission.Objectives.First(o => o.Objective.Id.Value == item.Id);
        references.Add(new PlanReference("belongs to", PlanItemKind.Mission, mission.Mission.Id.Value, mission.Mission.Id.Span));
        references.AddRange(PlacedIn(plan, "missions"));
        foreach (var driver in covered.CitedBy)
        {
            references.Add(new PlanReference("cited by", PlanItemKind.Driver, driver.Id.Value, driver.Objectives.First(o => o.Value == item.Id).Span));
            cells.Add(Cell(driver, mission.Mission));
        }

        notes.Add(covered.CitedBy.Count == 0
            ? $"no driver cites this objective ({PlanDiagnostics.ObjectiveNotCited.Code}): the booklet's appendix lists it among the objectives no driver cites"
            : $"cited by {Drivers(covered.CitedBy)}");
    }

    private static void ExplainDriver(StrategicPlan plan, PlanItem item, List<PlanReference> references, List<MatrixCell> cells, List<string> notes)
    {
        var driver = plan.Drivers.First(d => d.Id.Value == item.Id);
        references.AddRange(PlacedIn(plan, "drivers"));
        references.AddRange(driver.Missions.Select(m => new PlanReference("serves", PlanItemKind.Mission, m.Value, m.Span)));
        references.AddRange(driver.Objectives.Select(o => new PlanReference("cites", PlanItemKind.Objective, o.Value, o.Span)));

        // The matrix lists missions in plan order, whatever order the driver names them in.
        var served = driver.Missions.Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        cells.AddRange(plan.Missions.Where(m => served.Contains(m.Id.Value)).Select(m => Cell(driver, m)));
        notes.Add(driver.Missions.Count == 0 && driver.Objectives.Count == 0
            ? "serves no mission and cites no objective: its row of the matrix is empty"
            : string.Create(CultureInfo.InvariantCulture,
                $"serves {served.Count} {(served.Count == 1 ? "mission" : "missions")} and cites {driver.Objectives.Select(o => o.Value).Distinct().Count()} {(driver.Objectives.Count == 1 ? "objective" : "objectives")}"));
    }

    private static MatrixCell Cell(Driver driver, Mission mission)
    {
        var cited = driver.Objectives.Select(o => o.Value).ToHashSet(StringComparer.Ordinal);
        return new MatrixCell(driver.Id.Value, mission.Id.Value, mission.Objectives.Select(o => o.Id.Value).Where(cited.Contains).ToList());
    }

    /// <summary>The chapter that places a section, pointing at where it names the section.</summary>
    private static IEnumerable<PlanReference> PlacedIn(StrategicPlan plan, string section) =>
        plan.Chapters.SelectMany(c => c.Sections.Where(s => s.Value == section).Select(s => new PlanReference("placed in", PlanItemKind.Chapter, c.Id.Value, s.Span))).Take(1);

    private static string Drivers(IReadOnlyList<Driver> drivers) =>
        (drivers.Count == 1 ? "driver " : "drivers ") + string.Join(", ", drivers.Select(d => d.Id.Value));

    /// <summary>The innermost item whose span holds <paramref name="span"/>: a diagnostic inside an objective is the objective's, not its mission's.</summary>
    private static PlanItem? Owner(IReadOnlyList<PlanItem> items, SourceSpan span) =>
        items.Where(i => Contains(i.Span, span))
            .OrderByDescending(i => (i.Span.StartLine, i.Span.StartColumn))
            .ThenBy(i => (i.Span.EndLine, i.Span.EndColumn))
            .FirstOrDefault();

    private static bool Contains(SourceSpan outer, SourceSpan inner) =>
        outer.HasPosition && inner.HasPosition && outer.File == inner.File
        && (outer.StartLine, outer.StartColumn).CompareTo((inner.StartLine, inner.StartColumn)) <= 0
        && (inner.EndLine, inner.EndColumn).CompareTo((outer.EndLine, outer.EndColumn)) <= 0;
}
