using Pstm.Diagnostics;
using Pstm.Plan.Coverage;
using Pstm.Plan.Labels;
using Pstm.Plan.Loading;
using Pstm.Plan.Model;
using Pstm.Plan.Translation;
using Pstm.Plan.Validation;

namespace Pstm.Plan;

/// <summary>
/// A plan folder loaded and validated: the single entry point that commands use before rendering.
/// </summary>
public sealed record PlanCheck(StrategicPlan? Plan, IReadOnlyList<Diagnostic> Diagnostics, CoverageReport? Coverage, SourceSet Sources)
{
    private static readonly HashSet<string> FileNotRead =
    [
        PlanDiagnostics.FileUnreadable.Code, PlanDiagnostics.InvalidUtf8.Code, PlanDiagnostics.IncludeNotFound.Code,
        PlanDiagnostics.IncludeOutsidePlan.Code, PlanDiagnostics.YamlSyntax.Code, PlanDiagnostics.TabIndentation.Code,
        PlanDiagnostics.UnclosedFlow.Code, PlanDiagnostics.FileTooLarge.Code, PlanDiagnostics.TooManyFiles.Code,
        PlanDiagnostics.PlanTooLarge.Code, PlanDiagnostics.NestingTooDeep.Code, PlanDiagnostics.AliasesTooLarge.Code,
        PlanDiagnostics.CharacterNotAllowed.Code, PlanDiagnostics.TooManyProblems.Code,
    ];

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>The plan in each locale asked of <see cref="WithEditions"/>; none from <see cref="Run"/>.</summary>
    public IReadOnlyList<PlanEdition> Editions { get; init; } = [];

    /// <summary>
    /// The plan checked, then its editions in <paramref name="locales"/> (null: every locale it declares;
    /// those it does not declare are left out) made from the translation files, whose problems join the
    /// diagnostics: everything of the plan folder that a build reads. With <paramref name="strict"/>,
    /// missing and stale translations are errors, as in <c>build --strict</c>.
    /// </summary>
    public static PlanCheck WithEditions(
        string planDirectory, IReadOnlyList<string>? locales, bool strict, string? displayRoot = null, LabelKeys? labelKeys = null)
    {
        var check = Run(planDirectory, displayRoot, labelKeys);
        if (check.HasErrors || check.Plan is not { } plan)
        {
            return check;
        }

        var diagnostics = new DiagnosticBag();
        var root = displayRoot ?? Directory.GetCurrentDirectory();
        var editions = EditionTranslations.Make(
            plan, planDirectory, (locales ?? plan.Locales).Where(plan.Locales.Contains), root, strict, check.Sources, diagnostics, labelKeys);
        EditionTranslations.ReportUnread(plan, planDirectory, root, diagnostics);
        return check with { Diagnostics = DiagnosticBag.Sort(check.Diagnostics.Concat(diagnostics.ToSortedList())), Editions = editions };
    }

    /// <param name="labelKeys">
    /// The label keys of the templates the plan is built with (<see cref="LabelKeys.InTemplates"/>); the shipped
    /// templates' keys when null, as for <c>pstm validate</c> without <c>--templates</c>.
    /// </param>
    public static PlanCheck Run(string planDirectory, string? displayRoot = null, LabelKeys? labelKeys = null)
    {
        var loaded = PlanLoader.Load(planDirectory, displayRoot);
        if (loaded.Plan is null)
        {
            return new PlanCheck(null, loaded.Diagnostics, null, loaded.Sources);
        }

        // Checks across files need every file: with one unreadable, they would report its entities as
        // missing everywhere else. The reading errors come first; the rest follows once they are fixed.
        if (loaded.Diagnostics.Any(d => d.IsError && FileNotRead.Contains(d.Code)))
        {
            return new PlanCheck(loaded.Plan, loaded.Diagnostics, null, loaded.Sources);
        }

        var validated = PlanValidator.Validate(loaded.Plan, planDirectory, loaded.Sources, labelKeys);
        var all = DiagnosticBag.Sort(loaded.Diagnostics.Concat(validated.Diagnostics));
        return new PlanCheck(loaded.Plan with { Images = validated.Images, ThemeAssets = validated.ThemeAssets }, all, validated.Coverage, loaded.Sources);
    }
}
