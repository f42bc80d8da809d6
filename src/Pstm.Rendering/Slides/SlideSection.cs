using Pstm.Diagnostics;
using Pstm.Rendering.Booklet;

namespace Pstm.Rendering.Slides;

/// <summary>
/// One idea of the deck before it is cut into slides: a title and all its items (a mission and its
/// objectives, the drivers, the matrix's rows, a driver and its description). The measuring deck
/// shows each section as one slide with every item; the planner then cuts it where the browser says
/// the items stop fitting. <c>Units</c> are what may go to the next slide, one per item (or the
/// driver's description), each found in the page by its <c>data-item</c> key.
/// </summary>
public sealed record SlideSection(
    string Kind,
    string Title,
    string TitlePlain,
    IReadOnlyList<object> Items,
    IReadOnlyList<SlideUnit> Units,
    bool Columns,
    MissionView? Mission,
    DriverView? Driver,
    string? Text,
    string? NotesHtml);

/// <summary>
/// An item that may be moved to the next slide: its <c>data-item</c> key, where the plan defines it,
/// and, for a text that may be cut between its words, that text's HTML.
/// </summary>
public sealed record SlideUnit(string Key, SourceSpan Span, string? SplitHtml);
