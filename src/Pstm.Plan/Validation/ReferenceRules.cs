using Pstm.Diagnostics;
using Pstm.Plan.Model;

namespace Pstm.Plan.Validation;

/// <summary>Every reference resolves: drivers to missions and objectives, chapters to sections.</summary>
internal static class ReferenceRules
{
    public static void Check(StrategicPlan plan, PlanIndex index, IReadOnlyCollection<string> sectionNames, DiagnosticBag diagnostics)
    {
        foreach (var driver in plan.Drivers)
        {
            CheckDriver(driver, index, diagnostics);
        }

        CheckSections(plan, sectionNames, diagnostics);
        CheckRenames(plan, index, diagnostics);
    }

    /// <summary>A rename says an old id is now another: to itself, to no item, or from an id still in use, it says nothing true.</summary>
    private static void CheckRenames(StrategicPlan plan, PlanIndex index, DiagnosticBag diagnostics)
    {
        foreach (var (old, now) in plan.Renamed)
        {
            var span = plan.RenamedAt.GetValueOrDefault(old, plan.Span);
            var problem = old == now ? $"renamed: {old}: {now} renames an id to itself"
                : index.KindOf(now) is null ? $"renamed: {old}: {now} renames to an id no item of the plan has"
                : index.KindOf(old) is not null ? $"renamed: {old}: {now} renames an id an item still has ({index.KindOf(old)} {old})"
                : null;
            if (problem is not null)
            {
                diagnostics.Add(PlanDiagnostics.RenameUnfollowable.Create(
                    span, problem, "renamed: maps each old id to the id its item has now (M1.4: M2.9); remove the entry, or correct it"));
            }
        }
    }

    private static void CheckDriver(Driver driver, PlanIndex index, DiagnosticBag diagnostics)
    {
        var subject = $"driver {driver.Id.Value}";
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mission in driver.Missions)
        {
            if (!listed.Add(mission.Value))
            {
                diagnostics.Add(PlanDiagnostics.ListedTwice.Create(mission.Span, $"{subject} lists mission '{mission.Value}' twice", "remove the repeated entry"));
            }
            else if (!index.Missions.ContainsKey(mission.Value))
            {
                diagnostics.Add(Unknown(PlanDiagnostics.UnknownMission, subject, "serves", "mission", mission, index.Missions.Keys, index));
            }
        }

        var cited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in driver.Objectives)
        {
            if (!cited.Add(reference.Value))
            {
                diagnostics.Add(PlanDiagnostics.ListedTwice.Create(reference.Span, $"{subject} cites objective '{reference.Value}' twice", "remove the repeated entry"));
            }
            else if (!index.Objectives.TryGetValue(reference.Value, out var objective))
            {
                diagnostics.Add(Unknown(PlanDiagnostics.UnknownObjective, subject, "cites", "objective", reference, index.Objectives.Keys, index));
            }
            else if (!listed.Contains(objective.MissionId) && index.Missions.ContainsKey(objective.MissionId))
            {
                diagnostics.Add(PlanDiagnostics.ObjectiveOfUnlistedMission.Create(
                    reference.Span,
                    $"{subject} cites objective {reference.Value} of mission {objective.MissionId}, but does not list {objective.MissionId} among its missions",
                    $"add {objective.MissionId} to the driver's 'missions', or remove {reference.Value} from its 'objectives'"));
            }
        }
    }

    private static Diagnostic Unknown(
        DiagnosticDescriptor descriptor, string subject, string verb, string kind, Located<string> reference, IEnumerable<string> known, PlanIndex index)
    {
        var knownIds = known.ToList();
        var actualKind = index.KindOf(reference.Value);
        var suggestion = DidYouMean.Suggest(reference.Value, knownIds);
        var message = actualKind is null
            ? $"{subject} {verb} unknown {kind} '{reference.Value}'" + (suggestion is null ? "" : $". Did you mean '{suggestion}'?")
            : $"{subject} {verb} '{reference.Value}', which is {English.WithArticle(actualKind)}, not {English.WithArticle(kind)}";
        var hint = knownIds.Count == 0
            ? $"the plan has no {kind}s"
            : $"the {kind}s are " + string.Join(", ", knownIds.Take(12)) + (knownIds.Count > 12 ? $" and {knownIds.Count - 12} more" : "");
        return descriptor.Create(reference.Span, message, hint);
    }

    private static void CheckSections(StrategicPlan plan, IReadOnlyCollection<string> sectionNames, DiagnosticBag diagnostics)
    {
        var placedIn = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chapter in plan.Chapters)
        {
            foreach (var section in chapter.Sections)
            {
                if (!sectionNames.Contains(section.Value) || section.Value == "chapters")
                {
                    var suggestion = DidYouMean.Suggest(section.Value, sectionNames.Where(n => n != "chapters"));
                    diagnostics.Add(PlanDiagnostics.UnknownSection.Create(
                        section.Span,
                        $"chapter {chapter.Id.Value} places unknown section '{section.Value}'" + (suggestion is null ? "" : $". Did you mean '{suggestion}'?"),
                        "a chapter may hold the sections " + string.Join(", ", sectionNames.Where(n => n != "chapters"))));
                }
                else if (!placedIn.TryAdd(section.Value, chapter.Id.Value))
                {
                    diagnostics.Add(PlanDiagnostics.SectionPlacedTwice.Create(
                        section.Span,
                        $"section '{section.Value}' is placed in chapter {chapter.Id.Value} and already in chapter {placedIn[section.Value]}",
                        "a section appears in one chapter only; remove it from one of them"));
                }
            }
        }

        if (plan.Chapters.Count == 0)
        {
            return;
        }

        var filled = new (string Name, int Count)[]
        {
            ("process", plan.Process.Count), ("vision", plan.Vision.Count), ("missions", plan.Missions.Count), ("drivers", plan.Drivers.Count),
        };
        foreach (var (name, count) in filled)
        {
            if (count > 0 && !placedIn.ContainsKey(name))
            {
                diagnostics.Add(PlanDiagnostics.SectionNotPlaced.Create(
                    plan.Chapters[0].Span,
                    $"the '{name}' section has {count} {(count == 1 ? "entry" : "entries")}, but no chapter places it, so readers will not see it",
                    $"add '{name}' to the 'sections' of the chapter it belongs in"));
            }
        }
    }
}
