using System.Text;

namespace Pstm.Plan.Fonts;

/// <summary>
/// What a font says of itself: its family (name table), weight and italic (OS/2, head), and the
/// embedding its licence allows (OS/2 fsType).
/// </summary>
internal sealed record FontFace(string Family, int Weight, bool Italic, ushort EmbeddingFlags)
{
    /// <summary>fsType bit 1 alone: the font may not be embedded without the legal owner's permission.</summary>
    public const ushort RestrictedLicense = 0x0002;

    /// <summary>fsType bit 9: only the font's bitmaps may be embedded, not its outlines.</summary>
    public const ushort BitmapOnly = 0x0200;

    // The usage bits of fsType (1 restricted, 2 preview and print, 3 editable): when more than one is
    // set, the least restrictive applies, so a font is restricted only when bit 1 is its only one.
    private const ushort UsageBits = 0x000E;

    // The longest family name kept: real ones have a few dozen characters.
    private const int MaxFamilyLength = 200;

    private const ushort TypographicFamily = 16;
    private const ushort FontFamily = 1;

    /// <summary>True when the licence forbids embedding the font in a document (Restricted License embedding).</summary>
    public bool IsRestricted => (EmbeddingFlags & UsageBits) == RestrictedLicense;

    /// <summary>True when only the font's bitmaps may be embedded: a PDF would show its text as pictures.</summary>
    public bool IsBitmapOnly => (EmbeddingFlags & BitmapOnly) != 0;

    /// <summary>The face the tables describe, or null and <paramref name="damage"/>, what is wrong with them.</summary>
    public static FontFace? Read(Dictionary<string, byte[]> tables, out string damage)
    {
        if (!tables.TryGetValue(FontTables.Os2, out var os2))
        {
            damage = "it has no OS/2 table, which says its weight, its style and whether it may be embedded";
            return null;
        }

        // fsSelection, the last field read, ends at byte 64; every version of the table is longer.
        if (os2.Length < 64)
        {
            damage = $"its OS/2 table has {os2.Length} bytes, fewer than any version of it";
            return null;
        }

        if (!tables.TryGetValue(FontTables.Name, out var name))
        {
            damage = "it has no name table, which gives its family name";
            return null;
        }

        var weight = FontTables.U16(os2, 4);
        var embedding = FontTables.U16(os2, 8);
        var italic = (FontTables.U16(os2, 62) & 0x0001) != 0;

        // head's macStyle (bit 1 italic) is the older way to say it; some fonts set only that one.
        if (tables.TryGetValue(FontTables.Head, out var head) && head.Length >= 46)
        {
            italic |= (FontTables.U16(head, 44) & 0x0002) != 0;
        }

        if (FamilyName(name, out damage) is not { } family)
        {
            return null;
        }

        return new FontFace(family, weight, italic, embedding);
    }

    /// <summary>The typographic family (name ID 16) when the table has one, else the family (name ID 1).</summary>
    private static string? FamilyName(byte[] name, out string damage)
    {
        if (name.Length < 6)
        {
            damage = "its name table ends before its first record";
            return null;
        }

        var count = FontTables.U16(name, 2);
        var storage = FontTables.U16(name, 4);
        if (6 + (count * 12) > name.Length)
        {
            damage = "its name table's records run past the end of the table";
            return null;
        }

        (string Text, int Rank)? typographic = null, family = null;
        for (var i = 0; i < count; i++)
        {
            var record = 6 + (i * 12);
            var nameId = FontTables.U16(name, record + 6);
            if (nameId is not (TypographicFamily or FontFamily))
            {
                continue;
            }

            var platform = FontTables.U16(name, record);
            var encoding = FontTables.U16(name, record + 2);
            var language = FontTables.U16(name, record + 4);
            var length = FontTables.U16(name, record + 8);
            var offset = storage + FontTables.U16(name, record + 10);
            if (offset + length > name.Length || Rank(platform, encoding, language) is not { } rank || Decode(platform, name.AsSpan(offset, length)) is not { } text)
            {
                continue;
            }

            ref var best = ref nameId == TypographicFamily ? ref typographic : ref family;
            if (text.Length > 0 && (best is null || rank < best.Value.Rank))
            {
                best = (text, rank);
            }
        }

        if ((typographic ?? family) is not { } found)
        {
            damage = "its name table gives no family name pstm can read";
            return null;
        }

        damage = "";
        return found.Text;
    }

    /// <summary>
    /// Which record to prefer, lowest first: Windows English (United States), other Windows English,
    /// other Windows languages, Unicode, Macintosh Roman English; null for an encoding pstm does not read.
    /// </summary>
    private static int? Rank(ushort platform, ushort encoding, ushort language) => platform switch
    {
        3 when encoding is 0 or 1 or 10 => language == 0x0409 ? 0 : (language & 0x03FF) == 0x0009 ? 1 : 2,
        0 => 3,
        1 when encoding == 0 => language == 0 ? 4 : 5,
        _ => null,
    };

    /// <summary>
    /// The record's text: UTF-16BE for the Unicode and Windows platforms; Macintosh Roman only when it is
    /// plain ASCII (pstm carries no Mac Roman decoder, and every such family name seen is ASCII). Control
    /// characters are dropped: the name reaches messages and stylesheets.
    /// </summary>
    private static string? Decode(ushort platform, ReadOnlySpan<byte> bytes)
    {
        string text;
        if (platform == 1)
        {
            if (!Ascii.IsValid(bytes))
            {
                return null;
            }

            text = Encoding.ASCII.GetString(bytes);
        }
        else
        {
            if (bytes.Length % 2 != 0)
            {
                return null;
            }

            text = Encoding.BigEndianUnicode.GetString(bytes);
        }

        var kept = new string([.. text.Where(c => !char.IsControl(c))]).Trim();
        return kept.Length > MaxFamilyLength ? kept[..MaxFamilyLength] : kept;
    }
}
