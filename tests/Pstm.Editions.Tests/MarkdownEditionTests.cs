using UglyToad.PdfPig;

namespace Pstm.Editions.Tests;

/// <summary>
/// A chapter's image and table reach the printed booklet (the image among the page's images, the
/// table's cells as text) and the image its notes show is inlined in the self-contained deck; a
/// changed image, and nothing else changed, rebuilds the booklet.
/// </summary>
public class MarkdownEditionTests
{
    private static readonly string Plan = Path.Combine(BuiltBooklet.RepositoryRoot, "tests", "Pstm.Plan.Tests", "Cases", "valid-images-and-tables", "plan");

    [Fact]
    public async Task Images_and_tables_are_printed_in_the_booklet_and_inlined_in_the_deck()
    {
        // Given
        using var plan = TemporaryFolder.CopyOf(Plan);
        using var output = new TemporaryFolder();
        var request = BuiltBooklet.Request(output.Path, plan.Path) with { Targets = [BuildTarget.All] };
        var logo = await File.ReadAllBytesAsync(Path.Combine(plan.Path, "images", "logo.png"));

        // When
        var result = await EditionBuilder.BuildAsync(request, CancellationToken.None);

        // Then
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Select(d => d.Message)));
        using (var booklet = PdfDocument.Open(Path.Combine(output.Path, "it", "booklet.pdf")))
        {
            var page = booklet.GetPages().Single(p => PrintedText.Of(p).Contains("Risorse per missione", StringComparison.Ordinal));
            var image = Assert.Single(page.GetImages());
            Assert.Equal((40, 20), (image.WidthInSamples, image.HeightInSamples));
            // The table's cells in reading order, headers first.
            Assert.Contains("Missione 2025 2026 Prima 10 12 Seconda 4 5", PrintedText.Of(page), StringComparison.Ordinal);
            Assert.DoesNotContain("|", page.Text, StringComparison.Ordinal);
        }

        var copies = Directory.GetFiles(Path.Combine(output.Path, "it", "assets", "images"), "*.png");
        Assert.Equal(logo, await File.ReadAllBytesAsync(Assert.Single(copies)));

        var deck = await File.ReadAllTextAsync(Path.Combine(output.Path, "it", "slides.html"));
        Assert.Contains($"<img src=\"data:image/png;base64,{Convert.ToBase64String(logo)}\" alt=\"Logo del piano\" />", deck, StringComparison.Ordinal);
        Assert.DoesNotContain("assets/images", deck, StringComparison.Ordinal);

        // A new picture under the same name: the booklet is printed again, not kept.
        var pdf = Path.Combine(output.Path, "it", "booklet.pdf");
        await File.WriteAllBytesAsync(Path.Combine(plan.Path, "images", "logo.png"), Png(30, 10));
        var rebuilt = await EditionBuilder.BuildAsync(request, CancellationToken.None);
        Assert.True(rebuilt.Succeeded);
        Assert.Contains(pdf, rebuilt.Outputs);
        using var reprinted = PdfDocument.Open(pdf);
        Assert.Contains(reprinted.GetPages().SelectMany(p => p.GetImages()), i => (i.WidthInSamples, i.HeightInSamples) == (30, 10));
    }

    /// <summary>A plain PNG of one colour.</summary>
    private static byte[] Png(int width, int height)
    {
        static byte[] Chunk(string type, byte[] data)
        {
            var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
            var length = BitConverter.GetBytes(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(data.Length));
            var crc = BitConverter.GetBytes(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(Crc32(typed)));
            return [.. length, .. typed, .. crc];
        }

        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        var raw = Enumerable.Range(0, height).SelectMany(_ => new byte[] { 0 }.Concat(Enumerable.Repeat(new byte[] { 0xa6, 0x3a, 0x00 }, width).SelectMany(b => b))).ToArray();
        using var compressed = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.Optimal))
        {
            zlib.Write(raw);
        }

        return [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. Chunk("IHDR", header), .. Chunk("IDAT", compressed.ToArray()), .. Chunk("IEND", [])];
    }

    // PNG's chunk checksum (CRC-32, polynomial 0xEDB88320).
    private static int Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return unchecked((int)~crc);
    }
}
