namespace Pstm.Pdf.Layout;

/// <summary>
/// Content that does not fit its box in a printed document, as the overflow probe found it.
/// </summary>
/// <param name="Kind">What was found: <see cref="Beyond"/> or <see cref="Overflows"/>.</param>
/// <param name="Key">The <c>data-item</c> of the nearest ancestor that has one (the plan item); null when none.</param>
/// <param name="Element">The element, as <c>tag.class</c>.</param>
/// <param name="Text">The start of the text that does not fit.</param>
/// <param name="Amount">By how many CSS pixels it does not fit.</param>
/// <param name="Frame">What it reaches past: <see cref="Page"/> (the page's text area), or the clipping element as <c>tag.class</c>.</param>
/// <param name="Where">Where it was measured: "" for a booklet, the slide's size for a deck ("at 1280×720", "at 960×720").</param>
public sealed record LayoutFinding(string Kind, string? Key, string Element, string Text, int Amount, string Frame, string Where)
{
    /// <summary>The frame of an element that reaches past the page's text area.</summary>
    public const string Page = "page";

    /// <summary>An element, or its text, reaches past the box that clips it (a slide) or past the page's text area.</summary>
    public const string Beyond = "beyond";

    /// <summary>A run of text (a long word, a URL) runs past the element that holds it.</summary>
    public const string Overflows = "overflows";
}
