using Pstm.Plan.Explain;

namespace Pstm.Editions.Explain;

/// <summary>A slide that shows the item: its number (the deck's <c>#slide-N</c>), kind, plain title and part.</summary>
public sealed record SlidePlace(int Number, string Anchor, string Kind, string Title);

/// <summary>The slides that show the item in the decks of <paramref name="Locales"/>, which number them alike.</summary>
public sealed record DeckPlaces(IReadOnlyList<string> Locales, IReadOnlyList<SlidePlace> Slides);

/// <summary>
/// Where the last build printed the item in one locale's booklet: the page of the heading it is under,
/// and the page of the appendix (the matrix and the objectives no driver cites), when recorded.
/// </summary>
public sealed record BookletPlace(string Locale, int? Page, int? AppendixPage);

/// <summary>
/// Everything <c>pstm explain</c> says about one item: what the plan says (definition, references,
/// matrix cells, coverage), the slides that show it, and the booklet pages the last build recorded.
/// </summary>
public sealed record ItemReport(
    PlanExplanation Explanation,
    IReadOnlyList<DeckPlaces> Decks,
    string? BookletHeading,
    bool OwnHeading,
    bool InAppendix,
    string OutputDirectory,
    bool BuildRecorded,
    bool PlanChangedSinceBuild,
    IReadOnlyList<BookletPlace> Booklets);
