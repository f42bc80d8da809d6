using Pstm.Diagnostics;
using Pstm.Plan.Model;

namespace Pstm.Plan.Validation;

/// <summary>
/// Checks <c>templates:</c> of plan.yaml: each entry names a folder (relative to the plan folder) that
/// exists, and names it once. What the folders hold is checked when they are opened as layers.
/// </summary>
internal static class TemplateFolderRules
{
    public static void Check(StrategicPlan plan, string? planDirectory, DiagnosticBag diagnostics)
    {
        if (planDirectory is null)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in plan.Templates)
        {
            var folder = Path.GetFullPath(Path.Combine(planDirectory, entry.Value));
            if (!Directory.Exists(folder))
            {
                diagnostics.Add(PlanDiagnostics.TemplatesFolderNotFound.Create(
                    entry.Span,
                    $"the templates folder '{entry.Value}' does not exist, counted from the folder that holds plan.yaml",
                    "write the folder's path relative to the folder that holds plan.yaml, for example templates: [../entity-theme, theme]; 'pstm templates eject FILE --out DIR' starts one"));
            }
            else if (!seen.Add(folder))
            {
                diagnostics.Add(PlanDiagnostics.ListedTwice.Create(entry.Span, $"the templates folder '{entry.Value}' is listed twice", "remove the repeated folder"));
            }
        }
    }
}
