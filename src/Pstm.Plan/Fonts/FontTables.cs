using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using Pstm.Plan.Loading;

namespace Pstm.Plan.Fonts;

/// <summary>
/// Finds the tables pstm reads of a font (OS/2, name, head) in any of the four formats: a TrueType or
/// OpenType file's table directory, a WOFF file's tables each zlib-compressed, a WOFF2 file's one
/// Brotli stream. Hand-written rather than a font library: no font library is served here but
/// HarfBuzz, a native shaper, and pstm needs three small tables, not glyphs. Every offset and length
/// is checked against the bytes, so a damaged file is a reason in words, never an exception.
/// </summary>
internal static class FontTables
{
    public const string Os2 = "OS/2";
    public const string Name = "name";
    public const string Head = "head";

    private const int SfntHeaderLength = 12;
    private const int SfntRecordLength = 16;
    private const int WoffHeaderLength = 44;
    private const int WoffRecordLength = 20;
    private const int Woff2HeaderLength = 48;

    // The WOFF2 directory names the common tables by their index in this list (the spec's table 2).
    private static readonly string[] Woff2KnownTags =
    [
        "cmap", "head", "hhea", "hmtx", "maxp", "name", "OS/2", "post", "cvt ", "fpgm", "glyf", "loca", "prep", "CFF ", "VORG", "EBDT",
        "EBLC", "gasp", "hdmx", "kern", "LTSH", "PCLT", "VDMX", "vhea", "vmtx", "BASE", "GDEF", "GPOS", "GSUB", "EBSC", "JSTF", "MATH",
        "CBDT", "CBLC", "COLR", "CPAL", "SVG ", "sbix", "acnt", "avar", "bdat", "bloc", "bsln", "cvar", "fdsc", "feat", "fmtx", "fvar",
        "gvar", "hsty", "just", "lcar", "mort", "morx", "opbd", "prop", "trak", "Zapf", "Silf", "Glat", "Gloc", "Feat", "Sill",
    ];

    private static readonly string[] Wanted = [Os2, Name, Head];

    /// <summary>
    /// The OS/2, name and head tables of the font in <paramref name="bytes"/> (those it has), or null and
    /// <paramref name="damage"/>, what is wrong with the file ("its table directory runs past the end of the file").
    /// </summary>
    public static Dictionary<string, byte[]>? Read(byte[] bytes, FontFormat format, out string damage)
    {
        try
        {
            return format == FontFormat.Woff2 ? ReadWoff2(bytes, out damage)
                : format == FontFormat.Woff ? ReadWoff(bytes, out damage)
                : ReadSfnt(bytes, out damage);
        }
        catch (InvalidDataException)
        {
            // A zlib stream ZLibStream cannot decompress.
            damage = "one of its compressed tables cannot be decompressed";
            return null;
        }
    }

    private static Dictionary<string, byte[]>? ReadSfnt(byte[] bytes, out string damage)
    {
        var tables = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (bytes.Length < SfntHeaderLength)
        {
            damage = "it ends before its table directory";
            return null;
        }

        var count = U16(bytes, 4);
        if (count == 0)
        {
            damage = "its table directory lists no table";
            return null;
        }

        if (SfntHeaderLength + (count * SfntRecordLength) > bytes.Length)
        {
            damage = "its table directory runs past the end of the file";
            return null;
        }

        for (var i = 0; i < count; i++)
        {
            var record = SfntHeaderLength + (i * SfntRecordLength);
            var tag = Tag(bytes, record);
            var offset = U32(bytes, record + 8);
            var length = U32(bytes, record + 12);
            if ((long)offset + length > bytes.Length)
            {
                damage = $"its '{tag}' table runs past the end of the file";
                return null;
            }

            if (Wanted.Contains(tag) && !tables.ContainsKey(tag))
            {
                tables[tag] = bytes.AsSpan((int)offset, (int)length).ToArray();
            }
        }

        damage = "";
        return tables;
    }

    private static Dictionary<string, byte[]>? ReadWoff(byte[] bytes, out string damage)
    {
        var tables = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (!HeaderFits(bytes, WoffHeaderLength, out damage))
        {
            return null;
        }

        var count = U16(bytes, 12);
        if (count == 0)
        {
            damage = "its table directory lists no table";
            return null;
        }

        if (WoffHeaderLength + (count * WoffRecordLength) > bytes.Length)
        {
            damage = "its table directory runs past the end of the file";
            return null;
        }

        for (var i = 0; i < count; i++)
        {
            var record = WoffHeaderLength + (i * WoffRecordLength);
            var tag = Tag(bytes, record);
            var offset = U32(bytes, record + 4);
            var storedLength = U32(bytes, record + 8);
            var length = U32(bytes, record + 12);
            if ((long)offset + storedLength > bytes.Length)
            {
                damage = $"its '{tag}' table runs past the end of the file";
                return null;
            }

            if (storedLength > length)
            {
                damage = $"its '{tag}' table is stored in more bytes than it has";
                return null;
            }

            if (!Wanted.Contains(tag) || tables.ContainsKey(tag))
            {
                continue;
            }

            if (length > PlanLimits.MaxFontTablesBytes)
            {
                damage = $"its '{tag}' table would take {length:N0} bytes, more than the limit of {PlanLimits.MaxFontTablesBytes:N0}";
                return null;
            }

            // WOFF 1.0 stores a table as it is when compressing would not make it smaller.
            var stored = bytes.AsSpan((int)offset, (int)storedLength);
            if (storedLength == length)
            {
                tables[tag] = stored.ToArray();
                continue;
            }

            using var zlib = new ZLibStream(new MemoryStream(bytes, (int)offset, (int)storedLength, writable: false), CompressionMode.Decompress);
            var table = new byte[length];
            if (zlib.ReadAtLeast(table, table.Length, throwOnEndOfStream: false) != table.Length || zlib.ReadByte() >= 0)
            {
                damage = $"its '{tag}' table does not decompress to the {length:N0} bytes its directory gives";
                return null;
            }

            tables[tag] = table;
        }

        return tables;
    }

    private sealed record Woff2Table(string Tag, long Offset, long Length);

    private static Dictionary<string, byte[]>? ReadWoff2(byte[] bytes, out string damage)
    {
        if (!HeaderFits(bytes, Woff2HeaderLength, out damage))
        {
            return null;
        }

        var count = U16(bytes, 12);
        if (count == 0)
        {
            damage = "its table directory lists no table";
            return null;
        }

        var compressedLength = U32(bytes, 20);
        var position = Woff2HeaderLength;
        var wanted = new List<Woff2Table>();
        long decompressedLength = 0;
        for (var i = 0; i < count; i++)
        {
            if (ReadWoff2Entry(bytes, ref position, out var tag, out var length, out var transformed) is { } entryDamage)
            {
                damage = entryDamage;
                return null;
            }

            // Only glyf, loca and hmtx have transforms; the tables read here are stored as they are.
            if (Wanted.Contains(tag) && wanted.All(t => t.Tag != tag))
            {
                if (transformed)
                {
                    damage = $"its directory marks its '{tag}' table transformed, which WOFF2 allows only for glyf, loca and hmtx";
                    return null;
                }

                wanted.Add(new Woff2Table(tag, decompressedLength, length));
            }

            // The tables follow one another in the stream in the directory's order, without padding.
            decompressedLength += length;
        }

        if (decompressedLength > PlanLimits.MaxFontTablesBytes)
        {
            damage = $"its tables would take {decompressedLength:N0} bytes once decompressed, more than the limit of {PlanLimits.MaxFontTablesBytes:N0}";
            return null;
        }

        if ((long)position + compressedLength > bytes.Length)
        {
            damage = "its compressed tables run past the end of the file";
            return null;
        }

        return DecompressWoff2(bytes.AsSpan(position, (int)compressedLength), decompressedLength, wanted, out damage);
    }

    /// <summary>One entry of a WOFF2 table directory: flags (a known tag's index and the transform), the tag if unknown, the lengths.</summary>
    private static string? ReadWoff2Entry(byte[] bytes, ref int position, out string tag, out long length, out bool transformed)
    {
        tag = "";
        length = 0;
        transformed = false;
        if (position >= bytes.Length)
        {
            return "its table directory runs past the end of the file";
        }

        var flags = bytes[position++];
        var tagIndex = flags & 0x3F;
        if (tagIndex == 0x3F)
        {
            if (position + 4 > bytes.Length)
            {
                return "its table directory runs past the end of the file";
            }

            tag = Tag(bytes, position);
            position += 4;
        }
        else
        {
            tag = Woff2KnownTags[tagIndex];
        }

        // Transform version 0 is the transform for glyf and loca, and none for every other table.
        var version = flags >> 6;
        transformed = tag is "glyf" or "loca" ? version == 0 : version != 0;
        if (!TryReadBase128(bytes, ref position, out var originalLength))
        {
            return "its table directory holds a length that is not a valid UIntBase128 number";
        }

        length = originalLength;
        if (transformed)
        {
            if (!TryReadBase128(bytes, ref position, out var transformLength))
            {
                return "its table directory holds a length that is not a valid UIntBase128 number";
            }

            if (tag == "loca" && transformLength != 0)
            {
                return "its transformed 'loca' table is not empty";
            }

            length = transformLength;
        }

        return null;
    }

    /// <summary>
    /// Decompresses the whole Brotli stream, which must give exactly the tables' lengths, keeping only
    /// the tables wanted: a chunk at a time, so a stream that claims more than it has costs no more than
    /// its limit.
    /// </summary>
    private static Dictionary<string, byte[]>? DecompressWoff2(ReadOnlySpan<byte> compressed, long decompressedLength, List<Woff2Table> wanted, out string damage)
    {
        var tables = wanted.ToDictionary(t => t.Tag, t => new byte[t.Length], StringComparer.Ordinal);
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            using var decoder = new BrotliDecoder();
            long produced = 0;
            while (true)
            {
                var status = decoder.Decompress(compressed, chunk, out var consumed, out var written);
                compressed = compressed[consumed..];
                if (produced + written > decompressedLength)
                {
                    damage = $"its compressed tables decompress to more than the {decompressedLength:N0} bytes its directory gives";
                    return null;
                }

                foreach (var table in wanted)
                {
                    CopyOverlap(chunk.AsSpan(0, written), produced, table, tables[table.Tag]);
                }

                produced += written;
                if (status == OperationStatus.Done)
                {
                    break;
                }

                if (status == OperationStatus.InvalidData)
                {
                    damage = "its compressed tables are not a valid Brotli stream";
                    return null;
                }

                // Decompress was given every byte left: needing more means the stream was cut short.
                if (status == OperationStatus.NeedMoreData || (consumed == 0 && written == 0))
                {
                    damage = "its compressed tables end early";
                    return null;
                }
            }

            if (produced != decompressedLength)
            {
                damage = $"its compressed tables decompress to {produced:N0} bytes, not the {decompressedLength:N0} its directory gives";
                return null;
            }

            damage = "";
            return tables;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static void CopyOverlap(ReadOnlySpan<byte> chunk, long chunkStart, Woff2Table table, byte[] destination)
    {
        var start = Math.Max(chunkStart, table.Offset);
        var end = Math.Min(chunkStart + chunk.Length, table.Offset + table.Length);
        if (start < end)
        {
            chunk[(int)(start - chunkStart)..(int)(end - chunkStart)].CopyTo(destination.AsSpan((int)(start - table.Offset)));
        }
    }

    /// <summary>
    /// A WOFF or WOFF2 header: present in full, and giving the file's own length, which a file cut
    /// short (or with bytes added) no longer matches.
    /// </summary>
    private static bool HeaderFits(byte[] bytes, int headerLength, out string damage)
    {
        if (bytes.Length < headerLength)
        {
            damage = "it ends before the end of its header";
            return false;
        }

        var declared = U32(bytes, 8);
        if (declared != bytes.Length)
        {
            damage = $"its header gives a length of {declared:N0} bytes but the file has {bytes.Length:N0}: it was cut short or added to";
            return false;
        }

        damage = "";
        return true;
    }

    /// <summary>
    /// WOFF2's variable-length number: 7 bits a byte, most significant first, a byte's top bit set when
    /// another follows; at most 5 bytes, no leading zero byte, no value past 32 bits.
    /// </summary>
    internal static bool TryReadBase128(ReadOnlySpan<byte> bytes, ref int position, out uint value)
    {
        value = 0;
        for (var i = 0; i < 5; i++)
        {
            if (position >= bytes.Length)
            {
                return false;
            }

            var next = bytes[position++];
            if ((i == 0 && next == 0x80) || (value & 0xFE000000) != 0)
            {
                return false;
            }

            value = (value << 7) | (uint)(next & 0x7F);
            if ((next & 0x80) == 0)
            {
                return true;
            }
        }

        return false;
    }

    internal static ushort U16(ReadOnlySpan<byte> bytes, int offset) => BinaryPrimitives.ReadUInt16BigEndian(bytes[offset..]);

    private static uint U32(ReadOnlySpan<byte> bytes, int offset) => BinaryPrimitives.ReadUInt32BigEndian(bytes[offset..]);

    /// <summary>A table's four-letter tag, as text fit for a message: a byte that is no printable ASCII letter shows as '?'.</summary>
    private static string Tag(ReadOnlySpan<byte> bytes, int offset)
    {
        Span<char> tag = stackalloc char[4];
        for (var i = 0; i < 4; i++)
        {
            var b = bytes[offset + i];
            tag[i] = b is >= 0x20 and < 0x7F ? (char)b : '?';
        }

        return new string(tag);
    }
}
