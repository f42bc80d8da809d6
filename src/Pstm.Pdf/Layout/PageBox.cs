namespace Pstm.Pdf.Layout;

/// <summary>
/// The page a print stylesheet asks for, in CSS pixels: its size, its top and bottom margins, and the
/// text width left between the side margins on its narrowest side.
/// </summary>
public sealed record PageBox(double Width, double Height, double Top, double Bottom, double TextWidth)
{
    /// <summary>PDF points per CSS pixel (72 / 96).</summary>
    public const double PointsPerPixel = 0.75;
}
