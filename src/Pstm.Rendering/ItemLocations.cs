using Pstm.Diagnostics;
using Pstm.Plan.Model;
using Pstm.Plan.Translation;

namespace Pstm.Rendering;

/// <summary>
/// Where each plan item is written, under the key that templates put in <c>data-item</c>: the item's
/// translation-key prefix (<c>missions.M1</c>, <c>objectives.M1.1</c>, <c>drivers.D3</c>,
/// <c>actions.A1</c>, <c>chapters.C1</c>, <c>vision.P1</c>, <c>process.fase-1</c>, <c>milestones.ID</c>, <c>plan</c>), so a
/// problem found in the printed output can name the YAML line that caused it.
/// </summary>
public sealed class ItemLocations
{
    private readonly Dictionary<string, SourceSpan> _spans;
    private readonly SourceSpan _plan;

    private ItemLocations(Dictionary<string, SourceSpan> spans, SourceSpan plan)
    {
        _spans = spans;
        _plan = plan;
    }

    /// <summary>The locations of every item of <paramref name="plan"/>.</summary>
    public static ItemLocations Of(StrategicPlan plan)
    {
        var spans = new Dictionary<string, SourceSpan>(StringComparer.Ordinal) { ["plan"] = plan.Span, ["plan.keywords"] = plan.Span };
        if (plan.Publication is { } publication)
        {
            // The translatable parts of publication: (publication.approval.act, publication.credits.1.role).
            spans["publication"] = publication.Span;
            if (publication.Approval is { } approval)
            {
                spans["publication.approval"] = approval.Span;
            }

            for (var i = 0; i < publication.Credits.Count; i++)
            {
                spans[TextKeys.CreditRole(i + 1)[..^".role".Length]] = publication.Credits[i].Span;
            }
        }

        foreach (var chapter in plan.Chapters)
        {
            spans[TextKeys.Chapter(chapter.Id.Value)] = chapter.Span;
        }

        foreach (var phase in plan.Process)
        {
            spans[TextKeys.Phase(phase.Id.Value)] = phase.Span;
            foreach (var milestone in phase.Milestones)
            {
                spans[TextKeys.Milestone(milestone.Id.Value)] = milestone.Span;
            }
        }

        foreach (var pillar in plan.Vision)
        {
            spans[TextKeys.Pillar(pillar.Id.Value)] = pillar.Span;
        }

        foreach (var mission in plan.Missions)
        {
            spans[TextKeys.Mission(mission.Id.Value)] = mission.Span;
            foreach (var objective in mission.Objectives)
            {
                spans[TextKeys.Objective(objective.Id.Value)] = objective.Span;
                foreach (var action in objective.Actions)
                {
                    spans[TextKeys.Action(action.Id.Value)] = action.Span;
                }
            }
        }

        foreach (var driver in plan.Drivers)
        {
            spans[TextKeys.Driver(driver.Id.Value)] = driver.Span;
        }

        return new ItemLocations(spans, plan.Span);
    }

    /// <summary>The keys known, in no particular order.</summary>
    public IEnumerable<string> Keys => _spans.Keys;

    /// <summary>Whether <paramref name="key"/> names an item of the plan.</summary>
    public bool Contains(string? key) => key is not null && _spans.ContainsKey(key);

    /// <summary>
    /// The start of the item named by <paramref name="key"/> (one character, so a diagnostic points at
    /// the line); the plan file itself when the key is missing or unknown (a template's own element).
    /// </summary>
    public SourceSpan Locate(string? key)
    {
        var span = key is not null && _spans.TryGetValue(key, out var found) ? found : _plan;
        return span.HasPosition ? SourceSpan.At(span.File, span.StartLine, span.StartColumn) : span;
    }
}
