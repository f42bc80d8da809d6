namespace Pstm.Rendering.Slides;

/// <summary>
/// How the measuring script cut each section of the deck into slides: for each section, in order,
/// its slides; the keys of the items that do not fit on a slide even alone and cut where they can;
/// and the elements whose text is below the deck's minimum size.
/// </summary>
public sealed record DeckLayout(IReadOnlyList<SectionLayout> Sections, IReadOnlyList<string> SmallText)
{
    /// <summary>How long the measure took in the page, for the build's progress.</summary>
    public double Milliseconds { get; init; }

    /// <summary>Each section on one slide with all its items: the measuring deck itself, or a plan without a browser.</summary>
    public static DeckLayout Unmeasured(IReadOnlyList<SlideSection> sections) => new(
        sections.Select(s => new SectionLayout(
            s.Units.Count == 0 ? [] : [new SlideFill(1, s.Units.Select((_, i) => new UnitPart(i, 0, -1)).ToList())],
            [])).ToList(),
        []);
}

/// <summary>
/// The slides of one section, and the keys of its items too tall for a slide of their own.
/// <c>JoinsPrevious</c>: the section, on one slide, shares the previous section's one slide, where
/// the browser measured that both fit together at the deck's text size (one of them under half full):
/// below it, or <c>Beside</c> it, the slide then in two columns. <c>Larger</c>: the section, alone on
/// a slide it fills less than half, fits that slide set larger (see <see cref="SlideView.Larger"/>).
/// </summary>
public sealed record SectionLayout(IReadOnlyList<SlideFill> Slides, IReadOnlyList<string> Unfit, bool JoinsPrevious = false, bool Beside = false, bool Larger = false);

/// <summary>One slide of a section: its columns (1 or 2) and the items on it.</summary>
public sealed record SlideFill(int Columns, IReadOnlyList<UnitPart> Units);

/// <summary>
/// A unit on a slide: all of it (<c>To</c> is -1), or its words <c>From</c> to <c>To</c> (excluded)
/// when it is cut between slides.
/// </summary>
public sealed record UnitPart(int Unit, int From, int To);
