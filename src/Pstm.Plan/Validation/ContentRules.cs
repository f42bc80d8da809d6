using Pstm.Diagnostics;
using Pstm.Plan.Coverage;
using Pstm.Plan.Model;

namespace Pstm.Plan.Validation;

/// <summary>
/// What readers would miss: expected texts not written yet (see <see cref="ExpectedTexts"/>), chapters with nothing in them, missions without
/// objectives or drivers, objectives no driver cites, milestones outside their phase.
/// </summary>
internal static class ContentRules
{
    public static void Check(StrategicPlan plan, CoverageReport coverage, DiagnosticBag diagnostics)
    {
        // Subtitles and descriptions are optional: only a plan that writes them for one driver expects them of all.
        var expected = ExpectedTexts.Of(plan);
        foreach (var driver in plan.Drivers)
        {
            var subject = $"driver {driver.Id.Value} '{driver.Name}'";
            foreach (var field in expected.MissingOf(driver))
            {
                diagnostics.Add(Missing(driver.Span, subject, field, expected.InPreparation(driver)));
            }
        }

        foreach (var chapter in plan.Chapters.Where(c => c.Body is null))
        {
            if (chapter.Sections.Count == 0)
            {
                diagnostics.Add(PlanDiagnostics.ChapterWithoutContent.Create(
                    chapter.Span,
                    $"chapter {chapter.Id.Value} '{chapter.Title}' has no body and places no section: readers will see only its title",
                    "write its 'body', or place sections in it with 'sections'; the booklet marks it as in preparation"));
            }
            else if (chapter.Sections.All(s => SectionEntries.CountOf(plan, s.Value) == 0))
            {
                diagnostics.Add(PlanDiagnostics.ChapterWithoutContent.Create(
                    chapter.Span,
                    $"chapter {chapter.Id.Value} '{chapter.Title}' has no body and its sections ({string.Join(", ", chapter.Sections.Select(s => s.Value))}) have no entries: readers will see only its title",
                    "write its 'body' or the entries of its sections; the booklet marks it as in preparation"));
            }
        }

        foreach (var mission in plan.Missions.Where(m => m.Objectives.Count == 0))
        {
            diagnostics.Add(PlanDiagnostics.MissionWithoutObjectives.Create(
                mission.Span,
                $"mission {mission.Id.Value} '{mission.Title}' has no objectives",
                "add its strategic objectives under 'objectives'"));
        }

        foreach (var phase in plan.Process)
        {
            foreach (var milestone in phase.Milestones.Where(m => m.Date.Value != default && !phase.Period.Contains(m.Date.Value)))
            {
                diagnostics.Add(PlanDiagnostics.MilestoneOutsidePhase.Create(
                    milestone.Date.Span,
                    $"milestone {milestone.Id.Value} on {milestone.Date.Value:yyyy-MM-dd} falls outside phase {phase.Id.Value} ({phase.Period})",
                    "check the date, or move the milestone to the phase it belongs to"));
            }
        }

        CheckCoverage(coverage, diagnostics);
    }

    private static void CheckCoverage(CoverageReport coverage, DiagnosticBag diagnostics)
    {
        // A plan without drivers (Torino's axes and actions, say) has nothing to cover.
        if (!coverage.PlanHasDrivers)
        {
            return;
        }

        foreach (var mission in coverage.Missions)
        {
            if (mission.ServedBy.Count == 0)
            {
                diagnostics.Add(PlanDiagnostics.MissionNotServed.Create(
                    mission.Mission.Span,
                    $"no driver serves mission {mission.Mission.Id.Value} '{mission.Mission.Title}'",
                    $"list {mission.Mission.Id.Value} in the 'missions' of the drivers that work towards it"));
            }

            foreach (var objective in mission.Objectives.Where(o => o.CitedBy.Count == 0))
            {
                diagnostics.Add(PlanDiagnostics.ObjectiveNotCited.Create(
                    objective.Objective.Span,
                    $"no driver cites objective {objective.Objective.Id.Value} '{objective.Objective.Text}'",
                    "the coverage summary and the booklet's matrix list it as not yet addressed by a driver"));
            }
        }
    }

    private static Diagnostic Missing(SourceSpan span, string subject, string field, bool inPreparation) =>
        PlanDiagnostics.TextMissing.Create(
            span,
            $"{subject} has no {field} yet",
            inPreparation
                ? $"write its '{field}' when the text is available; until then the booklet shows it as in preparation"
                : $"other drivers have one: write its '{field}' when the text is available; until then the editions show the texts it has");
}
