using Pstm.Diagnostics;
using Pstm.Plan.Coverage;
using Pstm.Plan.Labels;
using Pstm.Plan.Loading;
using Pstm.Plan.Model;

namespace Pstm.Plan.Validation;

/// <summary>What validating a loaded plan found, and the plan's coverage.</summary>
public sealed record PlanValidationResult(IReadOnlyList<Diagnostic> Diagnostics, CoverageReport Coverage);

/// <summary>
/// Checks a loaded plan as a whole, once every file is read: unique ids, numbering, references,
/// texts still missing, labels against the templates' keys, and coverage of missions and objectives by drivers.
/// </summary>
public static class PlanValidator
{
    /// <param name="labelKeys">The label keys of the templates the plan is built with; the shipped ones when null.</param>
    public static PlanValidationResult Validate(StrategicPlan plan, LabelKeys? labelKeys = null)
    {
        var diagnostics = new DiagnosticBag();
        var index = new PlanIndex(plan, diagnostics);
        NumberingRules.Check(plan, diagnostics);
        ReferenceRules.Check(plan, index, PlanSections.Names, diagnostics);
        var coverage = CoverageReport.Compute(plan);
        ContentRules.Check(plan, coverage, diagnostics);
        LabelRules.Check(plan.Labels, plan.LabelsAt, labelKeys ?? LabelKeys.Shipped, plan.Language, "the plan's labels", diagnostics);
        return new PlanValidationResult(diagnostics.ToSortedList(), coverage);
    }
}
