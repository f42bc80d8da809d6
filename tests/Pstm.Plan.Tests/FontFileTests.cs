using System.Security.Cryptography;
using Pstm.Diagnostics;
using Pstm.Plan.Fonts;
using Pstm.Plan.Loading;
using static Pstm.Plan.Tests.TestFonts;

namespace Pstm.Plan.Tests;

/// <summary>
/// Font files a plan brings: known by their bytes, read in each of the four formats for the family,
/// weight and style they say, and refused, at the place that names them, when they are no font,
/// too large, damaged, or marked by their licence as not to be embedded in a document.
/// </summary>
public class FontFileTests
{
    private static readonly SourceSpan Declared = SourceSpan.At("plan.yaml", 12, 11, 24);

    public static TheoryData<string, byte[], string?> Formats() => new()
    {
        { "woff2", "wOF2\0\x01\0\0"u8.ToArray(), "WOFF2" },
        { "woff", "wOFF\0\x01\0\0"u8.ToArray(), "WOFF" },
        { "truetype", [0x00, 0x01, 0x00, 0x00, 0x00, 0x03], "TrueType" },
        { "apple truetype", "true\0\x03"u8.ToArray(), "TrueType" },
        { "opentype with cff outlines", "OTTO\0\x03"u8.ToArray(), "OpenType" },
        { "collection", "ttcf\0\x01\0\0"u8.ToArray(), null },
        { "png", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], null },
        { "text", "font-family: x"u8.ToArray(), null },
        { "three bytes", "wOF"u8.ToArray(), null },
        { "empty", [], null },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_font_is_known_by_its_bytes(string name, byte[] bytes, string? format)
    {
        Assert.True(format == FontFormat.Of(bytes)?.Name, $"{name}: {FontFormat.Of(bytes)?.Name ?? "none"}");
    }

    public static TheoryData<string, string, int, bool> ShippedFonts() => new()
    {
        // The file of weight 600 has no typographic family (name ID 16): its family names the weight.
        { "titillium-web-latin-400-normal.woff2", "Titillium Web", 400, false },
        { "titillium-web-latin-400-italic.woff2", "Titillium Web", 400, true },
        { "titillium-web-latin-600-normal.woff2", "Titillium Web SemiBold", 600, false },
        { "titillium-web-latin-700-normal.woff2", "Titillium Web", 700, false },
        { "titillium-web-latin-700-italic.woff2", "Titillium Web", 700, true },
        { "titillium-web-latin-ext-700-italic.woff2", "Titillium Web", 700, true },
        { "roboto-mono-latin-400-normal.woff2", "Roboto Mono", 400, false },
        { "roboto-mono-latin-ext-400-normal.woff2", "Roboto Mono", 400, false },
    };

    [Theory]
    [MemberData(nameof(ShippedFonts))]
    public void The_shipped_fonts_read_as_what_they_are(string file, string family, int weight, bool italic)
    {
        // Given: a font pstm ships, beside the test assembly as beside pstm
        var path = Path.Combine(AppContext.BaseDirectory, "templates", "fonts", file);
        var diagnostics = new DiagnosticBag();

        // When
        var font = FontFile.Read(path, $"fonts/{file}", Declared, diagnostics);

        // Then
        Assert.Empty(diagnostics.ToSortedList());
        Assert.NotNull(font);
        Assert.Equal(FontFormat.Woff2, font.Format);
        Assert.Equal((family, weight, italic), (font.Family, font.Weight, font.Italic));
        Assert.Equal(File.ReadAllBytes(path), font.Bytes.ToArray());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), font.Hash);
        Assert.Equal($"fonts/{font.Hash[..16]}.woff2", font.AssetName);
        Assert.StartsWith("data:font/woff2;base64,", font.DataUrl, StringComparison.Ordinal);
    }

    public static TheoryData<string> Containers() => ["ttf", "otf", "woff", "woff2"];

    [Theory]
    [MemberData(nameof(Containers))]
    public void A_font_built_byte_by_byte_reads_back_its_family_weight_and_style(string container)
    {
        var tables = Face("Acme Serif Bold Italic", weight: 700, italic: true, typographicFamily: "Acme Serif");

        var (font, diagnostics) = ReadBuilt(container, tables);

        Assert.Empty(diagnostics);
        Assert.NotNull(font);
        Assert.Equal(ExpectedFormat(container), font.Format);
        Assert.Equal(("Acme Serif", 700, true), (font.Family, font.Weight, font.Italic));
        Assert.Equal("Acme Serif 700 italic", font.Description);
        Assert.Equal($"fonts/{font.Hash[..16]}.{ExpectedFormat(container).Extension}", font.AssetName);
        Assert.StartsWith($"data:{ExpectedFormat(container).MediaType};base64,", font.DataUrl, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_typographic_family_the_family_is_name_id_1()
    {
        var (font, _) = ReadBuilt("ttf", Face("Acme Sans", weight: 300));

        Assert.Equal(("Acme Sans", 300, false, "normal"), (font!.Family, font.Weight, font.Italic, font.Style));
    }

    [Fact]
    public void A_typographic_family_of_control_characters_and_spaces_gives_way_to_name_id_1()
    {
        var (font, _) = ReadBuilt("ttf", Face("Acme Sans", typographicFamily: "\u001B\u0007 "));

        Assert.Equal("Acme Sans", font!.Family);
    }

    [Fact]
    public void A_font_italic_only_by_its_head_table_is_italic()
    {
        var (font, _) = ReadBuilt("woff", Face("Acme Sans", italic: true, italicInHeadOnly: true));

        Assert.True(font!.Italic);
    }

    [Fact]
    public void A_woff_file_has_its_tables_decompressed()
    {
        // Given: a WOFF whose every table (OS/2, head, name) is stored zlib-compressed
        var bytes = Woff(TrueTypeFlavor, Face(string.Concat(Enumerable.Repeat("Acme ", 20)).Trim(), weight: 500), out var compressed);
        Assert.Equal(3, compressed);

        var (font, diagnostics) = Read(bytes, "acme.woff");

        Assert.Empty(diagnostics);
        Assert.Equal((500, 99), (font!.Weight, font.Family.Length));
    }

    [Fact]
    public void A_woff2_file_finds_its_tables_after_transformed_and_unknown_ones_of_odd_lengths()
    {
        // Given: transformed glyf (7 bytes) and loca (none), and a table of an unknown tag (5 bytes),
        // before the tables read: their offsets in the stream count every byte before them, no padding
        List<Table> tables =
        [
            new("glyf", new byte[40], TransformVersion: 0, Transformed: [1, 2, 3, 4, 5, 6, 7]),
            new("loca", new byte[12], TransformVersion: 0, Transformed: []),
            new("Acme", [9, 9, 9, 9, 9]),
            .. Face("Acme Mono", weight: 600),
        ];

        var (font, diagnostics) = Read(Woff2(TrueTypeFlavor, tables), "acme.woff2");

        Assert.Empty(diagnostics);
        Assert.Equal(("Acme Mono", 600), (font!.Family, font.Weight));
    }

    public static TheoryData<string, ushort> NotEmbeddable()
    {
        var data = new TheoryData<string, ushort>();
        foreach (var container in new[] { "ttf", "otf", "woff", "woff2" })
        {
            data.Add(container, 0x0002);
            data.Add(container, 0x0200);
        }

        // Restricted with the reserved bit 0, and bitmap-only on a font otherwise installable.
        data.Add("ttf", 0x0003);
        data.Add("woff2", 0x0208);
        return data;
    }

    [Theory]
    [MemberData(nameof(NotEmbeddable))]
    public void A_font_its_licence_forbids_embedding_is_refused_where_it_is_declared(string container, ushort fsType)
    {
        var (font, diagnostics) = ReadBuilt(container, Face("Acme Corporate", weight: 700, fsType: fsType));

        Assert.Null(font);
        var error = Assert.Single(diagnostics);
        Assert.Equal("PSTM0423", error.Code);
        Assert.Equal(Declared, error.Span);
        Assert.Contains($"font 'fonts/acme.{container}' (Acme Corporate 700 normal)", error.Message, StringComparison.Ordinal);
        Assert.Contains($"fsType 0x{fsType:X4}", error.Message, StringComparison.Ordinal);
        Assert.Contains("SIL Open Font License", error.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData((ushort)0x0000)]
    [InlineData((ushort)0x0004)]
    [InlineData((ushort)0x0006)]
    [InlineData((ushort)0x0008)]
    [InlineData((ushort)0x000A)]
    [InlineData((ushort)0x0100)]
    public void A_font_that_may_be_embedded_is_read(ushort fsType)
    {
        // Preview & print (4) or editable (8) embedding, even beside restricted (2): the least
        // restrictive applies; no subsetting (0x100) leaves the whole font embedded
        var (font, diagnostics) = ReadBuilt("woff2", Face("Acme Open", fsType: fsType));

        Assert.Empty(diagnostics);
        Assert.NotNull(font);
    }

    [Fact]
    public void A_png_named_woff2_is_not_a_font()
    {
        var png = File.ReadAllBytes(Path.Combine(Golden.ProjectDirectory, "Cases", "valid-images-and-tables", "plan", "images", "logo.png"));

        var (font, diagnostics) = Read(png, "titles.woff2");

        Assert.Null(font);
        var error = Assert.Single(diagnostics);
        Assert.Equal(("PSTM0420", Declared), (error.Code, error.Span));
        Assert.Contains("font 'fonts/titles.woff2' is not a WOFF2, WOFF, TrueType or OpenType font", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_collection_is_refused_for_what_it_is()
    {
        byte[] collection = [.. "ttcf\0\x01\0\0\0\0\0\x01\0\0\0\x10"u8, .. Sfnt(TrueTypeFlavor, Face("Acme"))];

        var (font, diagnostics) = Read(collection, "acme.ttc");

        Assert.Null(font);
        var error = Assert.Single(diagnostics);
        Assert.Equal("PSTM0420", error.Code);
        Assert.Contains("font collection", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_woff2_wrapping_a_collection_is_refused_for_what_it_is()
    {
        var (font, diagnostics) = Read(Woff2("ttcf"u8.ToArray(), Face("Acme")), "acme.woff2");

        Assert.Null(font);
        Assert.Contains("font collection", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Damaged() => new()
        {
            { "ttf cut short", "its 'name' table runs past the end of the file" },
            { "ttf without its directory", "it ends before its table directory" },
            { "ttf without OS/2", "it has no OS/2 table" },
            { "ttf with a short OS/2", "its OS/2 table has 10 bytes" },
            { "ttf without a family", "its name table gives no family name" },
            { "woff cut short", "its header gives a length of" },
            { "woff with a broken zlib stream", "cannot be decompressed" },
            { "woff2 cut short", "its header gives a length of" },
            { "woff2 with a broken brotli stream", "compressed tables" },
            { "woff2 with a transformed OS/2", "marks its 'OS/2' table transformed" },
            { "woff2 claiming a gigabyte", "more than the limit of 67,108,864" },
            { "woff2 whose stream holds more than its directory says", "decompress to more than the" },
        };

    [Theory]
    [MemberData(nameof(Damaged))]
    public void A_damaged_font_is_refused_with_what_is_wrong(string damage, string reason)
    {
        var bytes = DamagedFont(damage);

        var (font, diagnostics) = Read(bytes, "acme.font");

        Assert.Null(font);
        var error = Assert.Single(diagnostics);
        Assert.Equal(("PSTM0422", Declared), (error.Code, error.Span));
        Assert.Contains("font 'fonts/acme.font' cannot be read: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_cut_and_changed_byte_of_a_font_is_a_font_or_a_diagnostic_never_an_exception()
    {
        // Given: the shipped WOFF2 font, and fonts built in each container, cut at every length and
        // with a byte changed at every position (the shipped font: every 3rd)
        var shipped = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "templates", "fonts", "titillium-web-latin-ext-700-normal.woff2"));
        var built = new[] { Sfnt(TrueTypeFlavor, Face("Acme")), Woff(TrueTypeFlavor, Face("Acme"), out _), Woff2(TrueTypeFlavor, Face("Acme")) };
        var mutants = new List<byte[]>();
        foreach (var (bytes, step) in built.Select(b => (b, 1)).Append((shipped, 3)))
        {
            for (var at = 0; at < bytes.Length; at += step)
            {
                mutants.Add(bytes[..at]);
                mutants.Add([.. bytes[..at], (byte)(bytes[at] ^ 0x5A), .. bytes[(at + 1)..]]);
            }
        }

        // When, then: no exception, and a font that is refused says why
        foreach (var mutant in mutants)
        {
            var diagnostics = new DiagnosticBag();
            var font = FontFile.FromBytes(mutant, "/plan/fonts/mutant", "fonts/mutant", Declared, diagnostics);
            Assert.Equal(font is null, diagnostics.HasErrors);
        }
    }

    [Fact]
    public void A_font_past_the_size_limit_is_refused_unread()
    {
        // Given: a WOFF2 header followed by a hole that takes no disk space
        using var folder = new TemporaryFolder("pstm-font-");
        var path = Path.Combine(folder.Path, "huge.woff2");
        using (var file = File.Create(path))
        {
            file.Write("wOF2"u8);
            file.SetLength(PlanLimits.MaxFontBytes + 1);
        }

        var diagnostics = new DiagnosticBag();
        var font = FontFile.Read(path, "fonts/huge.woff2", Declared, diagnostics);

        Assert.Null(font);
        var error = Assert.Single(diagnostics.ToSortedList());
        Assert.Equal(("PSTM0421", Declared), (error.Code, error.Span));
        Assert.Contains("font 'fonts/huge.woff2' has 10,485,761 bytes, more than the limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_past_the_size_limit_are_refused()
    {
        // Given: bytes read already (from a templates layer, or a file that grew after its length was looked at)
        var bytes = new byte[PlanLimits.MaxFontBytes + 1];
        "wOF2"u8.CopyTo(bytes);

        var diagnostics = new DiagnosticBag();
        var font = FontFile.FromBytes(bytes, "/plan/fonts/huge.woff2", "fonts/huge.woff2", Declared, diagnostics);

        Assert.Null(font);
        var error = Assert.Single(diagnostics.ToSortedList());
        Assert.Equal(("PSTM0421", Declared), (error.Code, error.Span));
    }

    [Fact]
    public void A_folder_is_not_a_font()
    {
        using var folder = new TemporaryFolder("pstm-font-");
        var path = Directory.CreateDirectory(Path.Combine(folder.Path, "titles.woff2")).FullName;

        var diagnostics = new DiagnosticBag();
        var font = FontFile.Read(path, "fonts/titles.woff2", Declared, diagnostics);

        Assert.Null(font);
        var error = Assert.Single(diagnostics.ToSortedList());
        Assert.Equal(("PSTM0420", Declared), (error.Code, error.Span));
        Assert.Contains("not a regular file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_font_cannot_be_read()
    {
        using var folder = new TemporaryFolder("pstm-font-");

        var diagnostics = new DiagnosticBag();
        var font = FontFile.Read(Path.Combine(folder.Path, "none.woff2"), "fonts/none.woff2", Declared, diagnostics);

        Assert.Null(font);
        var error = Assert.Single(diagnostics.ToSortedList());
        Assert.Equal(("PSTM0003", Declared), (error.Code, error.Span));
        Assert.Contains("font 'fonts/none.woff2' does not exist", error.Message, StringComparison.Ordinal);
    }

    private static FontFormat ExpectedFormat(string container) => container switch
    {
        "ttf" => FontFormat.TrueType,
        "otf" => FontFormat.OpenType,
        "woff" => FontFormat.Woff,
        _ => FontFormat.Woff2,
    };

    private static byte[] Build(string container, List<Table> tables) => container switch
    {
        "ttf" => Sfnt(TrueTypeFlavor, tables),
        "otf" => Sfnt(OpenTypeFlavor, tables),
        "woff" => Woff(TrueTypeFlavor, tables, out _),
        _ => Woff2(TrueTypeFlavor, tables),
    };

    private static (PlanFont? Font, IReadOnlyList<Diagnostic> Diagnostics) ReadBuilt(string container, List<Table> tables) =>
        Read(Build(container, tables), $"acme.{container}");

    /// <summary>Reads <paramref name="bytes"/> written as fonts/<paramref name="file"/> of a plan folder.</summary>
    private static (PlanFont? Font, IReadOnlyList<Diagnostic> Diagnostics) Read(byte[] bytes, string file)
    {
        using var folder = new TemporaryFolder("pstm-font-");
        var path = Path.Combine(folder.Path, file);
        File.WriteAllBytes(path, bytes);
        var diagnostics = new DiagnosticBag();
        var font = FontFile.Read(path, $"fonts/{file}", Declared, diagnostics);
        return (font, diagnostics.ToSortedList());
    }

    private static byte[] DamagedFont(string damage)
    {
        var face = Face("Acme");
        switch (damage)
        {
            case "ttf cut short":
                return Sfnt(TrueTypeFlavor, face)[..^10];
            case "ttf without its directory":
                return Sfnt(TrueTypeFlavor, face)[..11];
            case "ttf without OS/2":
                return Sfnt(TrueTypeFlavor, [.. face.Where(t => t.Tag != "OS/2")]);
            case "ttf with a short OS/2":
                return Sfnt(TrueTypeFlavor, [new("OS/2", new byte[10]), .. face.Where(t => t.Tag != "OS/2")]);
            case "ttf without a family":
                return Sfnt(TrueTypeFlavor, [.. face.Where(t => t.Tag != "name"), new("name", Name([(2, "Regular")]))]);
            case "woff cut short":
                return Woff(TrueTypeFlavor, face, out _)[..^4];
            case "woff with a broken zlib stream":
                {
                    // The first table's zlib header, its first two bytes, made invalid.
                    var woff = Woff(TrueTypeFlavor, face, out _);
                    var offset = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(woff.AsSpan(44 + 4));
                    woff[offset] = 0xFF;
                    return woff;
                }

            case "woff2 cut short":
                return Woff2(TrueTypeFlavor, face)[..^4];
            case "woff2 with a broken brotli stream":
                {
                    var woff2 = Woff2(TrueTypeFlavor, face);
                    Array.Fill(woff2, (byte)0xFF, woff2.Length - 12, 8);
                    return woff2;
                }

            case "woff2 with a transformed OS/2":
                return Woff2(TrueTypeFlavor, [new("OS/2", Os2(400, 0, false), TransformVersion: 1, Transformed: Os2(400, 0, false)), .. face.Where(t => t.Tag != "OS/2")]);
            case "woff2 claiming a gigabyte":
                // A table of 8 bytes whose directory entry says 2^30: refused before anything is decompressed.
                return Woff2(TrueTypeFlavor, [new("Acme", new byte[8], DeclaredLength: 1u << 30), .. face]);
            case "woff2 whose stream holds more than its directory says":
                // Decompressing stops at the first bytes past what the directory gives, however many follow.
                return Woff2(TrueTypeFlavor, [.. face, new("Acme", new byte[100], DeclaredLength: 10)]);
            default:
                throw new ArgumentException(damage, nameof(damage));
        }
    }

}
