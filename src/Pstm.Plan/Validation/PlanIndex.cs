using Pstm.Diagnostics;
using Pstm.Plan.Model;

namespace Pstm.Plan.Validation;

/// <summary>
/// Every id of the plan in one namespace, with what it names and where. The first entity to claim an id
/// keeps it; later claims are reported as duplicates.
/// </summary>
internal sealed class PlanIndex
{
    private readonly Dictionary<string, (string Kind, SourceSpan Span)> _ids = new(StringComparer.Ordinal);

    public PlanIndex(StrategicPlan plan, DiagnosticBag diagnostics)
    {
        Claim(plan.Id, "plan", diagnostics);
        foreach (var chapter in plan.Chapters)
        {
            Claim(chapter.Id, "chapter", diagnostics);
        }

        foreach (var phase in plan.Process)
        {
            Claim(phase.Id, "phase", diagnostics);
            foreach (var milestone in phase.Milestones)
            {
                Claim(milestone.Id, "milestone", diagnostics);
            }
        }

        foreach (var pillar in plan.Vision)
        {
            Claim(pillar.Id, "vision pillar", diagnostics);
        }

        foreach (var mission in plan.Missions)
        {
            Claim(mission.Id, "mission", diagnostics);
            foreach (var objective in mission.Objectives)
            {
                Claim(objective.Id, "objective", diagnostics);
                foreach (var action in objective.Actions)
                {
                    Claim(action.Id, "action", diagnostics);
                }
            }
        }

        foreach (var driver in plan.Drivers)
        {
            Claim(driver.Id, "driver", diagnostics);
        }

        Missions = plan.Missions.Where(m => KindOf(m.Id.Value) == "mission").GroupBy(m => m.Id.Value).ToDictionary(g => g.Key, g => g.First());
        Objectives = plan.Objectives.Where(o => KindOf(o.Id.Value) == "objective").GroupBy(o => o.Id.Value).ToDictionary(g => g.Key, g => g.First());
    }

    public IReadOnlyDictionary<string, Mission> Missions { get; }

    public IReadOnlyDictionary<string, Objective> Objectives { get; }

    /// <summary>What an id names ("mission", "driver", …), or null when no entity has it.</summary>
    public string? KindOf(string id) => _ids.TryGetValue(id, out var entry) ? entry.Kind : null;

    private void Claim(Located<string> id, string kind, DiagnosticBag diagnostics)
    {
        if (id.Value.Length == 0)
        {
            return;
        }

        if (_ids.TryGetValue(id.Value, out var first))
        {
            diagnostics.Add(PlanDiagnostics.DuplicateId.Create(
                id.Span,
                $"id '{id.Value}' of this {kind} is already used by {English.WithArticle(first.Kind)} at {first.Span}",
                "ids are unique across the whole plan: give this one another id"));
            return;
        }

        _ids.Add(id.Value, (kind, id.Span));
    }
}
