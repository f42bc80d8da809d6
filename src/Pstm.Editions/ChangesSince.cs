using Pstm.Diagnostics;
using Pstm.Plan;
using Pstm.Plan.Comparison;
using Pstm.Plan.Model;
using Pstm.Plan.Translation;
using Pstm.Rendering.Changes;

namespace Pstm.Editions;

/// <summary>
/// An earlier edition of the plan, whose changes a booklet lists in its appendix: its name as readers
/// know it ("v2025.1") and its plan folder (a folder of the working tree, or one taken out of git).
/// </summary>
public sealed record ChangesSince(string Name, string PlanDirectory)
{
    /// <summary>How diagnostics name the earlier edition: as the user gave it (v2025.1:plan), not a temporary folder.</summary>
    public string Display { get; init; } = PlanDirectory;

    /// <summary>The earlier edition, checked; null after reporting why it cannot be compared.</summary>
    public StrategicPlan? Load(DiagnosticBag diagnostics)
    {
        var check = PlanCheck.Run(PlanDirectory);
        if (check.Plan is { } plan && !check.HasErrors)
        {
            return plan;
        }

        var first = check.Diagnostics.FirstOrDefault(d => d.IsError);
        diagnostics.Add(EditionDiagnostics.EarlierEditionUnusable.Create(
            SourceSpan.ForFile(Display.Length == 0 ? "--changes-since" : Display),
            $"the earlier edition {Name} cannot be compared: it has {check.Diagnostics.Count(d => d.IsError)} error(s)" + (first is null ? "" : $", the first: {first.Message}"),
            $"pstm diff {Display} {Display} lists its errors; fix them, or compare with another edition"));
        return null;
    }

    /// <summary>
    /// The changes since this edition, in the words of <paramref name="locale"/>: both editions are read
    /// in it (the earlier one through its own translations), so an English booklet lists English words.
    /// Which items changed is decided in the source language: a translation added or missing on one side
    /// only is no change to the plan, and a source change its translation has not caught up with is
    /// listed in the source's words.
    /// </summary>
    public EditionChanges Changes(StrategicPlan earlier, StrategicPlan plan, StrategicPlan edition, string locale)
    {
        var changes = PlanDiff.Compare(earlier, plan, plan.Renamed);
        if (locale == plan.Language)
        {
            return new EditionChanges(Name, changes);
        }

        var translated = PlanDiff.Compare(Translated(earlier, PlanDirectory, locale), edition, plan.Renamed).ToDictionary(Key);
        return new EditionChanges(Name, [.. changes.Select(c => translated.GetValueOrDefault(Key(c), c))])
        {
            Untranslated = new HashSet<PlanChange>(changes.Where(c => !translated.ContainsKey(Key(c)) && c.Kind is ChangeKind.Reworded or ChangeKind.Added or ChangeKind.Removed), ReferenceEqualityComparer.Instance),
            SourceLanguage = plan.Language,
        };
    }

    /// <summary>The changes since this edition to the plan in <paramref name="planDirectory"/>, read in <paramref name="locale"/>.</summary>
    public EditionChanges Changes(StrategicPlan earlier, StrategicPlan plan, string planDirectory, string locale) =>
        Changes(earlier, plan, Translated(plan, planDirectory, locale), locale);

    // What an edition's translations report concerns that edition's build, not this list.
    private static StrategicPlan Translated(StrategicPlan plan, string planDirectory, string locale) =>
        Translator.Edition(plan, planDirectory, locale, Directory.GetCurrentDirectory(), strict: false, new DiagnosticBag());

    private static (string, string, ChangeKind, string?) Key(PlanChange change) => (change.Item, change.Id, change.Kind, change.Field);
}
