using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Pstm.Plan.Tests;

/// <summary>
/// Fonts built byte by byte for tests: the tables pstm reads (OS/2, name, head) and any others,
/// wrapped as TrueType or OpenType (a table directory), WOFF (tables zlib-compressed one by one) or
/// WOFF2 (one Brotli stream). Nothing draws with them; they hold what a font says of itself.
/// </summary>
internal static class TestFonts
{
    public static readonly byte[] TrueTypeFlavor = [0x00, 0x01, 0x00, 0x00];

    public static readonly byte[] OpenTypeFlavor = "OTTO"u8.ToArray();

    /// <summary>
    /// One table of a font: its tag and bytes; in WOFF2, its transform version, its transformed bytes,
    /// and a length its directory entry claims instead of the true one.
    /// </summary>
    public sealed record Table(string Tag, byte[] Data, int TransformVersion = 0, byte[]? Transformed = null, uint? DeclaredLength = null);

    /// <summary>A font's OS/2, name and head tables, saying the given family, weight, style and embedding.</summary>
    public static List<Table> Face(string family, ushort weight = 400, bool italic = false, ushort fsType = 0, string? typographicFamily = null, bool italicInHeadOnly = false)
    {
        var names = new List<(ushort Id, string Text)> { (1, family), (2, italic ? "Italic" : "Regular") };
        if (typographicFamily is not null)
        {
            names.Add((16, typographicFamily));
        }

        return
        [
            new("OS/2", Os2(weight, fsType, italic && !italicInHeadOnly)),
            new("head", Head(italic)),
            new("name", Name(names)),
        ];
    }

    /// <summary>An OS/2 table of version 0 (78 bytes): weight class at 4, fsType at 8, fsSelection at 62.</summary>
    public static byte[] Os2(ushort weight, ushort fsType, bool italic)
    {
        var table = new byte[78];
        BinaryPrimitives.WriteUInt16BigEndian(table.AsSpan(4), weight);
        BinaryPrimitives.WriteUInt16BigEndian(table.AsSpan(6), 5);
        BinaryPrimitives.WriteUInt16BigEndian(table.AsSpan(8), fsType);
        BinaryPrimitives.WriteUInt16BigEndian(table.AsSpan(62), (ushort)(italic ? 0x0001 : 0x0040));
        return table;
    }

    /// <summary>A head table (54 bytes) whose macStyle (at 44) says italic or not.</summary>
    public static byte[] Head(bool italic)
    {
        var table = new byte[54];
        BinaryPrimitives.WriteUInt32BigEndian(table.AsSpan(0), 0x00010000);
        BinaryPrimitives.WriteUInt32BigEndian(table.AsSpan(12), 0x5F0F3CF5);
        BinaryPrimitives.WriteUInt16BigEndian(table.AsSpan(18), 1000);
        BinaryPrimitives.WriteUInt16BigEndian(table.AsSpan(44), (ushort)(italic ? 0x0002 : 0));
        return table;
    }

    /// <summary>A name table of format 0 with one Windows, Unicode, English (United States) record a name.</summary>
    public static byte[] Name(IReadOnlyList<(ushort Id, string Text)> names)
    {
        var storage = 6 + (12 * names.Count);
        var strings = new MemoryStream();
        var table = new byte[storage];
        BinaryPrimitives.WriteUInt16BigEndian(table.AsSpan(2), (ushort)names.Count);
        BinaryPrimitives.WriteUInt16BigEndian(table.AsSpan(4), (ushort)storage);
        for (var i = 0; i < names.Count; i++)
        {
            var text = Encoding.BigEndianUnicode.GetBytes(names[i].Text);
            var record = table.AsSpan(6 + (12 * i));
            BinaryPrimitives.WriteUInt16BigEndian(record, 3);
            BinaryPrimitives.WriteUInt16BigEndian(record[2..], 1);
            BinaryPrimitives.WriteUInt16BigEndian(record[4..], 0x0409);
            BinaryPrimitives.WriteUInt16BigEndian(record[6..], names[i].Id);
            BinaryPrimitives.WriteUInt16BigEndian(record[8..], (ushort)text.Length);
            BinaryPrimitives.WriteUInt16BigEndian(record[10..], (ushort)strings.Length);
            strings.Write(text);
        }

        return [.. table, .. strings.ToArray()];
    }

    /// <summary>A TrueType or OpenType file: the offset table, one record a table, the tables 4-byte aligned.</summary>
    public static byte[] Sfnt(byte[] flavor, IReadOnlyList<Table> tables)
    {
        var header = new byte[12 + (16 * tables.Count)];
        flavor.CopyTo(header, 0);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(4), (ushort)tables.Count);
        var data = new MemoryStream();
        for (var i = 0; i < tables.Count; i++)
        {
            var record = header.AsSpan(12 + (16 * i));
            Encoding.ASCII.GetBytes(tables[i].Tag, record);
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)(header.Length + data.Length));
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)tables[i].Data.Length);
            data.Write(tables[i].Data);
            Pad4(data);
        }

        return [.. header, .. data.ToArray()];
    }

    /// <summary>
    /// A WOFF 1.0 file: each table zlib-compressed when that makes it smaller, else stored as it is;
    /// <paramref name="compressedTables"/> counts the tables stored compressed.
    /// </summary>
    public static byte[] Woff(byte[] flavor, IReadOnlyList<Table> tables, out int compressedTables)
    {
        compressedTables = 0;
        var header = new byte[44 + (20 * tables.Count)];
        "wOFF"u8.CopyTo(header);
        flavor.CopyTo(header, 4);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(12), (ushort)tables.Count);
        var data = new MemoryStream();
        for (var i = 0; i < tables.Count; i++)
        {
            var compressed = new MemoryStream();
            using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                zlib.Write(tables[i].Data);
            }

            var stored = compressed.Length < tables[i].Data.Length ? compressed.ToArray() : tables[i].Data;
            compressedTables += stored == tables[i].Data ? 0 : 1;
            var record = header.AsSpan(44 + (20 * i));
            Encoding.ASCII.GetBytes(tables[i].Tag, record);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], (uint)(header.Length + data.Length));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)stored.Length);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)tables[i].Data.Length);
            data.Write(stored);
            Pad4(data);
        }

        byte[] file = [.. header, .. data.ToArray()];
        BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(8), (uint)file.Length);
        return file;
    }

    /// <summary>
    /// A WOFF2 file: a directory of known tags' indexes (or the tag itself) and UIntBase128 lengths,
    /// then every table, transformed ones as their transformed bytes, one after the other without
    /// padding, in one Brotli stream.
    /// </summary>
    public static byte[] Woff2(byte[] flavor, IReadOnlyList<Table> tables)
    {
        var directory = new MemoryStream();
        var stream = new MemoryStream();
        foreach (var table in tables)
        {
            var known = Array.IndexOf(KnownTags, table.Tag);
            directory.WriteByte((byte)((table.TransformVersion << 6) | (known >= 0 ? known : 0x3F)));
            if (known < 0)
            {
                directory.Write(Encoding.ASCII.GetBytes(table.Tag));
            }

            WriteBase128(directory, table.Transformed is null ? table.DeclaredLength ?? (uint)table.Data.Length : (uint)table.Data.Length);
            if (table.Transformed is not null)
            {
                WriteBase128(directory, table.DeclaredLength ?? (uint)table.Transformed.Length);
            }

            stream.Write(table.Transformed ?? table.Data);
        }

        var compressed = new MemoryStream();
        using (var brotli = new BrotliStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            brotli.Write(stream.ToArray());
        }

        var header = new byte[48];
        "wOF2"u8.CopyTo(header);
        flavor.CopyTo(header, 4);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(12), (ushort)tables.Count);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(20), (uint)compressed.Length);
        var body = new MemoryStream();
        body.Write(directory.ToArray());
        body.Write(compressed.ToArray());
        Pad4(body);
        byte[] file = [.. header, .. body.ToArray()];
        BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(8), (uint)file.Length);
        return file;
    }

    // The first known tags of WOFF2's table of them; a test font needs no more.
    private static readonly string[] KnownTags = ["cmap", "head", "hhea", "hmtx", "maxp", "name", "OS/2", "post", "cvt ", "fpgm", "glyf", "loca"];

    private static void WriteBase128(Stream stream, uint value)
    {
        var groups = new Stack<byte>();
        do
        {
            groups.Push((byte)(value & 0x7F));
            value >>= 7;
        }
        while (value != 0);

        while (groups.Count > 0)
        {
            var group = groups.Pop();
            stream.WriteByte((byte)(groups.Count > 0 ? group | 0x80 : group));
        }
    }

    private static void Pad4(Stream stream)
    {
        while (stream.Length % 4 != 0)
        {
            stream.WriteByte(0);
        }
    }
}
