using Pstm.Diagnostics;
using Pstm.Plan.Model;

namespace Pstm.Plan.Validation;

/// <summary>
/// How items look to readers: two missions drawn in one colour cannot be told apart in a chip or a
/// matrix column, and two items of a kind with one code cannot be told apart anywhere.
/// </summary>
internal static class ItemLookRules
{
    public static void Check(StrategicPlan plan, DiagnosticBag diagnostics)
    {
        CheckColors(plan.Missions, MissionPalette.SizeOf(plan), diagnostics);
        CheckCodes("mission", plan.Missions.Select(m => m.Code), diagnostics);
        CheckCodes("objective", plan.Objectives.Select(o => o.Code), diagnostics);
        CheckCodes("action", plan.Actions.Select(a => a.Code), diagnostics);
        CheckCodes("driver", plan.Drivers.Select(d => d.Code), diagnostics);
    }

    private static void CheckColors(IReadOnlyList<Mission> missions, int paletteSize, DiagnosticBag diagnostics)
    {
        var positions = MissionPalette.Positions(missions, paletteSize);
        var first = new Dictionary<string, Mission>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < missions.Count; i++)
        {
            var mission = missions[i];
            var colour = mission.Color?.Value ?? $"palette {positions[i]}";
            if (!first.TryAdd(colour, mission))
            {
                var earlier = first[colour];
                var hint = mission.Color is null
                    ? $"the theme's palette has {paletteSize} colours: give this mission its own with color: \"#rrggbb\", or the theme's palette more colours"
                    : "give one of the two missions another colour, or leave 'color' out to use the theme's palette";
                diagnostics.Add(PlanDiagnostics.SharedColor.Create(
                    mission.Color?.Span ?? mission.Id.Span,
                    $"mission {mission.Id.Value} is drawn in the same colour as mission {earlier.Id.Value} ({earlier.Id.Span}): readers cannot tell them apart in chips and the matrix",
                    hint));
            }
        }
    }

    private static void CheckCodes(string kind, IEnumerable<Located<string>?> codes, DiagnosticBag diagnostics)
    {
        var first = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            if (code is { } written && !first.TryAdd(written.Value, written.Span))
            {
                diagnostics.Add(PlanDiagnostics.CodeUsedTwice.Create(
                    written.Span,
                    $"code '{written.Value}' of this {kind} is already shown for another {kind} at {first[written.Value]}",
                    $"give each {kind} its own code: readers know items by it"));
            }
        }
    }
}
