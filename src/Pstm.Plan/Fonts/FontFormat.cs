namespace Pstm.Plan.Fonts;

/// <summary>
/// The font formats a plan may bring, known by their first four bytes rather than their file's name:
/// a PNG named title.woff2 is no font, and a TrueType file named title.otf is still TrueType.
/// <see cref="CssFormat"/> is what an @font-face rule's <c>format()</c> says of it.
/// </summary>
public sealed record FontFormat(string Name, string MediaType, string Extension, string CssFormat)
{
    public static readonly FontFormat Woff2 = new("WOFF2", "font/woff2", "woff2", "woff2");
    public static readonly FontFormat Woff = new("WOFF", "font/woff", "woff", "woff");
    public static readonly FontFormat TrueType = new("TrueType", "font/ttf", "ttf", "truetype");
    public static readonly FontFormat OpenType = new("OpenType", "font/otf", "otf", "opentype");

    /// <summary>The format of <paramref name="bytes"/>, or null when they are none of the four (a collection is none).</summary>
    public static FontFormat? Of(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4)
        {
            return null;
        }

        var tag = bytes[..4];
        if (tag.SequenceEqual("wOF2"u8))
        {
            return Woff2;
        }

        if (tag.SequenceEqual("wOFF"u8))
        {
            return Woff;
        }

        // 0x00010000 is the TrueType version number; 'true' is the tag Apple's older TrueType fonts carry.
        if (tag.SequenceEqual((ReadOnlySpan<byte>)[0x00, 0x01, 0x00, 0x00]) || tag.SequenceEqual("true"u8))
        {
            return TrueType;
        }

        // 'OTTO': an OpenType font whose outlines are CFF.
        return tag.SequenceEqual("OTTO"u8) ? OpenType : null;
    }

    /// <summary>
    /// True for a TrueType or OpenType collection ('ttcf', several fonts in one file), bare or inside a
    /// WOFF or WOFF2 file (whose flavour, bytes 4 to 8, says what it wraps).
    /// </summary>
    public static bool IsCollection(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("ttcf"u8)
        || (bytes.Length >= 8 && (bytes.StartsWith("wOFF"u8) || bytes.StartsWith("wOF2"u8)) && bytes[4..8].SequenceEqual("ttcf"u8));
}
