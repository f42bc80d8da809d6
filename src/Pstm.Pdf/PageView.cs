namespace Pstm.Pdf;

/// <summary>
/// How a tab shows a document while it loads and is measured: its window and its media. Set before the
/// page loads, so that the first layout is the one that is measured, not one laid out again at once.
/// A print is laid out for its pages whatever the view.
/// </summary>
/// <param name="Print">Whether the page is shown with its print stylesheet (emulated print media).</param>
public sealed record PageView(int Width, int Height, bool Print = false)
{
    /// <summary>The browser's own window, on screen: what a tab shows unless asked otherwise.</summary>
    public static PageView Default { get; } = new(800, 600);
}
