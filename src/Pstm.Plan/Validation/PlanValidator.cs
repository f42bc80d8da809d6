using Pstm.Diagnostics;
using Pstm.Plan.Coverage;
using Pstm.Plan.Images;
using Pstm.Plan.Labels;
using Pstm.Plan.Loading;
using Pstm.Plan.Model;

namespace Pstm.Plan.Validation;

/// <summary>What validating a loaded plan found, the plan's coverage, and the images its texts show.</summary>
public sealed record PlanValidationResult(IReadOnlyList<Diagnostic> Diagnostics, CoverageReport Coverage)
{
    public PlanImages Images { get; init; } = PlanImages.None;

    /// <summary>The theme's pictures and typefaces, read and checked.</summary>
    public ThemeAssets ThemeAssets { get; init; } = ThemeAssets.None;
}

/// <summary>
/// Checks a loaded plan as a whole, once every file is read: unique ids, numbering, references,
/// texts still missing, labels against the templates' keys, coverage of missions and objectives by
/// drivers, and the Markdown of the texts with the images they show (read from <c>planDirectory</c>,
/// located through <c>sources</c>).
/// </summary>
public static class PlanValidator
{
    /// <param name="labelKeys">The label keys of the templates the plan is built with; the shipped ones when null.</param>
    public static PlanValidationResult Validate(StrategicPlan plan, string? planDirectory = null, SourceSet? sources = null, LabelKeys? labelKeys = null)
    {
        var diagnostics = new DiagnosticBag();
        var index = new PlanIndex(plan, diagnostics);
        NumberingRules.Check(plan, diagnostics);
        ReferenceRules.Check(plan, index, PlanSections.Names, diagnostics);
        var coverage = CoverageReport.Compute(plan);
        ContentRules.Check(plan, coverage, diagnostics);
        LabelRules.Check(plan.Labels, plan.LabelsAt, labelKeys ?? LabelKeys.Shipped, plan.Language, "the plan's labels", diagnostics);
        var images = new PlanImages(planDirectory);
        MarkdownRules.Check(plan, sources ?? new SourceSet(), images, diagnostics);
        ItemLookRules.Check(plan, diagnostics);
        PublicationRules.Check(plan, diagnostics);
        var themeAssets = ThemeRules.Check(plan, images, planDirectory, diagnostics);
        TemplateFolderRules.Check(plan, planDirectory, diagnostics);
        return new PlanValidationResult(diagnostics.ToSortedList(), coverage) { Images = images, ThemeAssets = themeAssets };
    }
}
