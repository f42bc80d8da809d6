using Pstm.Plan.Model;
using Pstm.Plan.Validation;

namespace Pstm.Rendering.Booklet;

/// <summary>
/// The parts an edition shows, decided once from the plan so that the booklet, its table of contents,
/// its PDF outline and the deck cannot disagree: a part with nothing to show is in none of them.
/// </summary>
/// <param name="Sections">The sections shown, in the booklet's order: those a chapter places and that
/// have entries, or, in a plan without chapters, every section that has entries.</param>
/// <param name="InChapters">Whether the sections are printed inside the plan's chapters; false when the
/// plan has no chapters, so that each section is a part of its own.</param>
/// <param name="Matrix">Whether the drivers × missions matrix (and its list of objectives no driver
/// cites) is shown: only when both drivers and missions are.</param>
public sealed record EditionParts(IReadOnlyList<string> Sections, bool InChapters, bool Matrix)
{
    public bool Has(string section) => Sections.Contains(section, StringComparer.Ordinal);

    /// <summary>Whether the booklet has an appendix: the matrix, or a list of changes.</summary>
    public bool Appendix(bool withChanges) => Matrix || withChanges;

    public static EditionParts Of(StrategicPlan plan)
    {
        var inChapters = plan.Chapters.Count > 0;
        var sections = inChapters
            ? plan.Chapters.OrderBy(c => c.Number.Value).SelectMany(c => c.Sections.Select(s => s.Value))
            : SectionEntries.Names;
        var shown = sections.Where(kind => SectionEntries.CountOf(plan, kind) > 0).Distinct(StringComparer.Ordinal).ToList();
        return new EditionParts(shown, inChapters, shown.Contains("drivers") && shown.Contains("missions"));
    }
}
