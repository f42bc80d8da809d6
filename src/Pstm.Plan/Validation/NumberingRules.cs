using Pstm.Diagnostics;
using Pstm.Plan.Model;

namespace Pstm.Plan.Validation;

/// <summary>Numbers of chapters, phases, missions and drivers run 1, 2, 3… without repeats or gaps.</summary>
internal static class NumberingRules
{
    public static void Check(StrategicPlan plan, DiagnosticBag diagnostics)
    {
        Check("chapter", plan.Chapters.Select(c => (c.Id.Value, c.Number)), diagnostics);
        Check("phase", plan.Process.Select(p => (p.Id.Value, p.Number)), diagnostics);
        Check("mission", plan.Missions.Select(m => (m.Id.Value, m.Number)), diagnostics);
        Check("driver", plan.Drivers.Select(d => (d.Id.Value, d.Number)), diagnostics);
    }

    private static void Check(string kind, IEnumerable<(string Id, Located<int> Number)> items, DiagnosticBag diagnostics)
    {
        var numbered = items.Where(i => i.Number.Value >= 1).ToList();
        var seen = new Dictionary<int, string>();
        foreach (var (id, number) in numbered)
        {
            if (!seen.TryAdd(number.Value, id))
            {
                diagnostics.Add(PlanDiagnostics.DuplicateNumber.Create(
                    number.Span,
                    $"{kind} {id} has number {number.Value}, which {kind} {seen[number.Value]} already has",
                    $"give each {kind} its own number"));
            }
        }

        var expected = 1;
        foreach (var (id, number) in numbered.DistinctBy(i => i.Number.Value).OrderBy(i => i.Number.Value))
        {
            if (number.Value > expected)
            {
                var missing = number.Value - 1 == expected ? $"{expected} is" : $"{expected} to {number.Value - 1} are";
                diagnostics.Add(PlanDiagnostics.NumberingGap.Create(
                    number.Span,
                    $"{kind} numbers skip: {kind} {id} is number {number.Value}, but {missing} missing",
                    $"renumber the {kind}s, or add the missing one (a {kind} whose text is not ready may have only its number and name)"));
            }

            expected = number.Value + 1;
        }
    }
}
