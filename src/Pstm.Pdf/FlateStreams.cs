using System.IO.Compression;
using PdfSharp.Pdf;

namespace Pstm.Pdf;

/// <summary>
/// Stores a stream's content deflated. PDFsharp 6.2.4's own PdfStream.Zip leaves the deflate stream
/// unterminated (no final block, no Adler-32), which lenient readers accept and strict ones report;
/// .NET's ZLibStream writes a complete one, the same bytes for the same content.
/// </summary>
internal static class FlateStreams
{
    public static void Store(PdfDictionary owner, byte[] content)
    {
        using var deflated = new MemoryStream();
        using (var zlib = new ZLibStream(deflated, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(content);
        }

        owner.Elements.Remove("/DecodeParms");
        owner.Elements["/Filter"] = new PdfName("/FlateDecode");
        if (owner.Stream is null)
        {
            owner.CreateStream(deflated.ToArray());
        }
        else
        {
            owner.Stream.Value = deflated.ToArray();
        }
    }
}
