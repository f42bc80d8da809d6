using System.Text;

namespace Pstm.Plan.Images;

/// <summary>
/// The image formats a plan text may show, known by their first bytes rather than their file's name:
/// a text file named logo.png is no PNG, and a PNG named logo.jpg is still one.
/// </summary>
public sealed record ImageFormat(string Name, string MediaType, string Extension)
{
    public static readonly ImageFormat Png = new("PNG", "image/png", "png");
    public static readonly ImageFormat Jpeg = new("JPEG", "image/jpeg", "jpg");
    public static readonly ImageFormat WebP = new("WebP", "image/webp", "webp");
    public static readonly ImageFormat Svg = new("SVG", "image/svg+xml", "svg");

    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The format of <paramref name="bytes"/>, or null when they are none of the four.</summary>
    public static ImageFormat? Of(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(PngSignature))
        {
            return Png;
        }

        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        {
            return Jpeg;
        }

        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }

        return SvgDocument.IsSvg(bytes) ? Svg : null;
    }

    /// <summary>The text of an SVG file's bytes, without a byte order mark.</summary>
    internal static string Text(byte[] bytes) => new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF');
}
