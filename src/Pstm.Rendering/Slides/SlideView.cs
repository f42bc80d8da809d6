using Pstm.Rendering.Booklet;

namespace Pstm.Rendering.Slides;

/// <summary>
/// One slide of the deck. <c>Kind</c> says which partial draws it (title, process, vision, missions,
/// mission, drivers, driver, matrix, closing); a part of a longer content carries <c>Part</c> of
/// <c>Parts</c>, and only its share of the items, so that nothing is clipped or shrunk. <c>Title</c> is
/// HTML for the heading; <c>TitlePlain</c> is plain escaped text with the part, for attributes.
/// </summary>
public sealed record SlideView(
    int Number,
    string Anchor,
    string Kind,
    string Title,
    string TitlePlain,
    int Part,
    int Parts,
    MissionView? Mission,
    DriverView? Driver,
    IReadOnlyList<object> Items,
    string? Text,
    string? NotesHtml)
{
    /// <summary>How many columns its list flows into: 2 when short items fit so and not in one.</summary>
    public int Columns { get; init; } = 1;

    /// <summary>
    /// The sections that share this slide after its own (a short driver beside the next), each drawn by
    /// its own partial under its own heading; empty on most slides.
    /// </summary>
    public IReadOnlyList<SlideView> Joined { get; init; } = [];

    /// <summary>Whether the one section joined to it stands beside it (two columns) rather than below.</summary>
    public bool Beside { get; init; }

    /// <summary>
    /// Whether what is under its heading is set larger (the stylesheet's <c>.larger</c>): a section alone
    /// on a slide it would fill less than half, where the browser measured that it fits so.
    /// </summary>
    public bool Larger { get; init; }

    /// <summary>The anchor of the item the slide presents (<c>driver-D3</c>, as in the booklet) on its first part; null on others.</summary>
    public string? ItemAnchor { get; init; }
}
