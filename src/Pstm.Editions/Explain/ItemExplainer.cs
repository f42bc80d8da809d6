using Pstm.Plan;
using Pstm.Plan.Explain;
using Pstm.Plan.Model;
using Pstm.Rendering.Booklet;
using Pstm.Rendering.Slides;

namespace Pstm.Editions.Explain;

/// <summary>
/// <c>pstm explain</c>: what the plan says about an item (<see cref="PlanExplainer"/>), the slides of
/// each locale's deck that the last build wrote into the output folder, and the booklet pages where it
/// printed it (read from the deck and from the build's record, never guessed).
/// </summary>
public static class ItemExplainer
{
    /// <summary>The report on <paramref name="id"/> in a plan checked without errors; null when no item has that id.</summary>
    public static ItemReport? Explain(PlanCheck check, string id, string outputDirectory)
    {
        if (check.Plan is not { } plan || check.Coverage is not { } coverage)
        {
            throw new InvalidOperationException("explain needs a plan that checked without errors");
        }

        if (PlanExplainer.Explain(plan, coverage, check.Diagnostics, id) is not { } explanation)
        {
            return null;
        }

        var item = explanation.Item;
        var decks = Decks(plan, outputDirectory, item);
        var heading = BookletAnchors.HeadingOf(item);
        var inAppendix = item.Kind is PlanItemKind.Mission or PlanItemKind.Driver or PlanItemKind.Objective && coverage.PlanHasDrivers;

        var fingerprints = new BuildFingerprints(outputDirectory);
        var booklets = new List<BookletPlace>();
        var changed = false;
        if (fingerprints.Exists)
        {
            foreach (var locale in plan.Locales)
            {
                if (fingerprints.PagesOf($"{locale}/{EditionBuilder.BookletName}") is { } pages)
                {
                    booklets.Add(new BookletPlace(
                        locale,
                        heading is { Anchor: var anchor } && pages.TryGetValue(anchor, out var page) ? page : null,
                        inAppendix && pages.TryGetValue(BookletAnchors.Appendix, out var appendix) ? appendix : null));
                }
            }

            // The record is as old as the last build: a plan file edited since may have moved the pages.
            var recorded = File.GetLastWriteTimeUtc(Path.Combine(outputDirectory, BuildFingerprints.FileName));
            changed = check.Sources.Files.Any(f => File.GetLastWriteTimeUtc(f.FullPath) > recorded);
        }

        return new ItemReport(
            explanation, decks, heading?.Anchor, heading?.Own ?? false, inAppendix,
            outputDirectory, fingerprints.Exists, changed, booklets);
    }

    /// <summary>
    /// The item's slides in each locale's deck that the last build wrote into the output folder (whose
    /// cuts the browser measured, so never guessed); locales whose decks number them alike are grouped.
    /// </summary>
    private static List<DeckPlaces> Decks(StrategicPlan plan, string outputDirectory, PlanItem item)
    {
        var decks = new List<DeckPlaces>();
        foreach (var locale in plan.Locales)
        {
            var path = Path.Combine(outputDirectory, locale, "slides.html");
            if (!File.Exists(path))
            {
                continue;
            }

            var slides = SlideIndex.Showing(File.ReadAllText(path), item)
                .Select(s => new SlidePlace(s.Number, s.Anchor, s.Kind, s.Title))
                .ToList();
            var same = decks.FirstOrDefault(d => d.Slides.Select(s => s.Number).SequenceEqual(slides.Select(s => s.Number)));
            if (same is not null)
            {
                decks[decks.IndexOf(same)] = same with { Locales = [.. same.Locales, locale] };
            }
            else
            {
                decks.Add(new DeckPlaces([locale], slides));
            }
        }

        return decks;
    }
}
