using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace Pstm.Pdf;

/// <summary>What the finished PDF says of itself; <see cref="Date"/> is its creation and modification date.</summary>
public sealed record PdfMetadata(string Title, string Author, string Subject, string Keywords, string Creator, string Language, DateTimeOffset Date);

/// <summary>
/// Post-processes a tagged PDF printed by headless Chromium with PDFsharp 6.2.4, keeping /StructTreeRoot,
/// /MarkInfo, /Lang, link annotations, /Dests and the outline, and producing byte-reproducible output:
/// the same input (or two prints that differ only in Chromium's dates) gives identical bytes.
/// </summary>
public static class PdfFinisher
{
    private const string UuidPlaceholder = XmpPacket.UuidPlaceholder;
    private const int IdLength = 16;

    /// <param name="links">What each link says, by its target (<see cref="LinkDescriptions.FromHtml"/>): each link annotation's /Contents.</param>
    public static byte[] Finish(byte[] chromiumPdf, PdfMetadata options, IReadOnlyDictionary<string, string>? links = null)
    {
        ArgumentNullException.ThrowIfNull(chromiumPdf);
        ArgumentNullException.ThrowIfNull(options);

        // Modify mode keeps every reachable object (tags, annotations, /Dests, outline) as read.
        // It also gives the document a random /ID and sets /ModDate to DateTime.Now: both overwritten below.
        using var document = PdfReader.Open(new MemoryStream(chromiumPdf, writable: false), PdfDocumentOpenMode.Modify);
        document.Options.Layout = PdfWriterLayout.Compact; // the Verbose layout writes the wall-clock time
        StructureIds.Renumber(document);
        DescribeLinks(document, links ?? new Dictionary<string, string>());
        // PDF/UA-1 and PDF/A-2b (issue 17): untagged drawing becomes artifacts, list items get their bodies,
        // and the catalog its output intent; the XMP below claims both conformances.
        ArtifactMarking.Mark(document);
        ListBodies.Add(document);
        PdfAConformance.Apply(document);

        PdfDocumentInformation info = document.Info;
        SetText(info, "/Title", options.Title);
        SetText(info, "/Author", options.Author);
        SetText(info, "/Subject", options.Subject);
        SetText(info, "/Keywords", options.Keywords);
        SetText(info, "/Creator", options.Creator);

        DateTimeOffset timestamp = options.Date;
        // Written as plain strings formatted from the DateTimeOffset, so the machine time zone never leaks in
        // (PdfDate/DateTime "zzz" would use the local offset for non-UTC kinds).
        info.Elements["/CreationDate"] = new PdfString(PdfDateString(timestamp));
        info.Elements["/ModDate"] = new PdfString(PdfDateString(timestamp));

        document.Language = options.Language; // catalog /Lang

        // An existing /Metadata (e.g. when re-finishing) would survive as an orphan object next to the new one:
        // PrepareForSave compacts the object table before it attaches its fresh PdfMetadata.
        document.Internals.Catalog.Elements.Remove("/Metadata");

        // Deterministic placeholder /ID (16 zero bytes); replaced by a content hash after saving.
        string zeroId = new string('\0', IdLength);
        document.Internals.FirstDocumentID = zeroId;
        document.Internals.SecondDocumentID = zeroId;

        var output = new MemoryStream();
        document.Save(output, closeStream: false);
        byte[] saved = output.ToArray();

        // PDFsharp's PrepareForSave has now composed /Producer and appended a fresh /Metadata stream
        // (random uuids, unescaped XML, local-time date) as the highest-numbered, hence last, object.
        PdfReference metadataRef = document.Internals.Catalog.Elements.GetReference("/Metadata")
            ?? throw new InvalidOperationException("PDFsharp did not write /Metadata.");
        string xmp = XmpPacket.Build(document, timestamp);
        byte[] result = ReplaceLastObjectStream(saved, metadataRef.ObjectNumber, xmp, out int xmpStart);

        // Content-derived identifiers: hash of the whole file with the placeholders in place.
        byte[] hash = SHA256.HashData(result);
        PatchTrailerId(result, Convert.ToHexString(hash, 0, IdLength));
        PatchAscii(result, xmpStart, "uuid:" + UuidPlaceholder, "uuid:" + UuidFromBytes(hash, 0));
        PatchAscii(result, xmpStart, "uuid:" + UuidPlaceholder, "uuid:" + UuidFromBytes(hash, 16));
        return result;
    }

    // ---- Link annotations ---------------------------------------------------------------------------------

    /// <summary>
    /// Gives every link annotation a /Contents (PDF/UA, Matterhorn 28-008), which Chromium leaves out:
    /// the text of the link in the HTML, else where it leads (the address, or the destination's name).
    /// </summary>
    private static void DescribeLinks(PdfDocument document, IReadOnlyDictionary<string, string> links)
    {
        foreach (var page in document.Pages)
        {
            if (page.Elements.GetArray("/Annots") is not { } annotations)
            {
                continue;
            }

            for (var index = 0; index < annotations.Elements.Count; index++)
            {
                if (annotations.Elements.GetDictionary(index) is not { } annotation
                    || annotation.Elements.GetName("/Subtype") != "/Link"
                    || annotation.Elements.ContainsKey("/Contents"))
                {
                    continue;
                }

                if (TargetOf(annotation) is { } target)
                {
                    annotation.Elements["/Contents"] = TextString(links.TryGetValue(target, out var text) ? text : target.TrimStart('#'));
                }
            }
        }
    }

    /// <summary>"#name" for a link to a named destination, the address for a link out; null for anything else.</summary>
    private static string? TargetOf(PdfDictionary annotation)
    {
        if (annotation.Elements["/Dest"] is PdfName name)
        {
            return "#" + name.Value.TrimStart('/');
        }

        if (annotation.Elements["/Dest"] is PdfString named)
        {
            return "#" + named.Value;
        }

        return annotation.Elements.GetDictionary("/A") is { } action && action.Elements.GetString("/URI") is { Length: > 0 } uri ? uri : null;
    }

    // ---- Info strings -------------------------------------------------------------------------------------

    private static void SetText(PdfDictionary dict, string key, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length == 0)
        {
            dict.Elements.Remove(key);
        }
        else
        {
            dict.Elements[key] = TextString(value);
        }
    }

    /// <summary>A PDF text string. PDFsharp's PdfString(string) writes every char below U+0100 as a raw byte,
    /// which readers decode as PDFDocEncoding (0x80-0xA0 differ from Latin-1, e.g. U+00A0 would read as €),
    /// so anything beyond ASCII is written as UTF-16BE with BOM.</summary>
    private static PdfString TextString(string value)
        => value.All(c => c is >= ' ' and <= '~')
            ? new PdfString(value)
            : new PdfString(value, PdfStringEncoding.Unicode);

    private static string PdfDateString(DateTimeOffset t)
    {
        TimeSpan off = t.Offset;
        char sign = off < TimeSpan.Zero ? '-' : '+';
        off = off.Duration();
        return string.Create(CultureInfo.InvariantCulture,
            $"D:{t.DateTime:yyyyMMddHHmmss}{sign}{off.Hours:00}'{off.Minutes:00}'");
    }

    // ---- Byte-level patching of PDFsharp's output ----------------------------------------------------------

    /// <summary>Replaces the stream of object <paramref name="objectNumber"/>, which PDFsharp writes as the last
    /// object just before the classic "xref" table. Because the object keeps its start offset, every xref entry
    /// stays valid; only the /Length and the startxref value change.</summary>
    private static byte[] ReplaceLastObjectStream(byte[] pdf, int objectNumber, string content, out int contentStart)
    {
        byte[] header = Ascii($"\n{objectNumber} 0 obj\n<</Type/Metadata/Subtype/XML/Length ");
        int objStart = LastIndexOf(pdf, header, pdf.Length);
        if (objStart < 0)
        {
            throw new InvalidOperationException("Metadata object not found in PDFsharp output.");
        }

        int oldStreamStart = IndexOf(pdf, Ascii(">>\nstream\n"), objStart) + ">>\nstream\n".Length;
        int oldLength = int.Parse(Encoding.ASCII.GetString(pdf, objStart + header.Length,
            oldStreamStart - ">>\nstream\n".Length - objStart - header.Length), CultureInfo.InvariantCulture);
        int afterStream = oldStreamStart + oldLength;
        byte[] endMarker = Ascii("\nendstream\nendobj\nxref\n");
        if (IndexOf(pdf, endMarker, afterStream) != afterStream)
        {
            throw new InvalidOperationException("Unexpected layout after the metadata stream (is it the last object?).");
        }

        int xrefPos = afterStream + endMarker.Length - "xref\n".Length;
        int startxrefKeyword = LastIndexOf(pdf, Ascii("startxref\n"), pdf.Length);
        if (startxrefKeyword < xrefPos)
        {
            throw new InvalidOperationException("startxref not found.");
        }

        int oldStartXref = int.Parse(Encoding.ASCII.GetString(pdf, startxrefKeyword + 10,
            IndexOf(pdf, Ascii("\n"), startxrefKeyword + 10) - startxrefKeyword - 10), CultureInfo.InvariantCulture);
        if (oldStartXref != xrefPos)
        {
            throw new InvalidOperationException("startxref does not point at the xref table.");
        }

        byte[] body = Encoding.UTF8.GetBytes(content); // U+FEFF in begin="" becomes EF BB BF, as XMP requires
        using var output = new MemoryStream(pdf.Length + body.Length);
        output.Write(pdf, 0, objStart + header.Length);
        output.Write(Ascii(body.Length.ToString(CultureInfo.InvariantCulture) + ">>\nstream\n"));
        contentStart = (int)output.Position;
        output.Write(body);
        output.Write(Ascii("\nendstream\nendobj\n"));
        int newXrefPos = (int)output.Position;
        // xref table + trailer + PDFsharp's "% Created with PDFsharp ..." comment, copied verbatim.
        output.Write(pdf, xrefPos, startxrefKeyword - xrefPos);
        output.Write(Ascii($"startxref\n{newXrefPos.ToString(CultureInfo.InvariantCulture)}\n%%EOF\n"));
        return output.ToArray();
    }

    private static void PatchTrailerId(byte[] pdf, string hexId)
    {
        int trailer = LastIndexOf(pdf, Ascii("trailer\n"), pdf.Length);
        string zeros = new string('0', IdLength * 2);
        PatchAscii(pdf, trailer, $"/ID[<{zeros}><{zeros}>]", $"/ID[<{hexId}><{hexId}>]");
    }

    private static void PatchAscii(byte[] pdf, int from, string oldText, string newText)
    {
        byte[] oldBytes = Ascii(oldText), newBytes = Ascii(newText);
        if (oldBytes.Length != newBytes.Length)
        {
            throw new ArgumentException("Patches must keep the length.");
        }

        int position = IndexOf(pdf, oldBytes, from);
        if (position < 0)
        {
            throw new InvalidOperationException($"'{oldText}' not found in PDFsharp output.");
        }

        Buffer.BlockCopy(newBytes, 0, pdf, position, newBytes.Length);
    }

    /// <summary>RFC 4122-shaped (version 5 bits, variant 10) uuid made from 16 hash bytes.</summary>
    private static string UuidFromBytes(byte[] hash, int offset)
    {
        byte[] bytes = hash.AsSpan(offset, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        string hex = Convert.ToHexString(bytes).ToLowerInvariant();
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static int IndexOf(byte[] data, byte[] pattern, int from) => data.AsSpan(from).IndexOf(pattern) is var found and >= 0 ? from + found : -1;

    private static int LastIndexOf(byte[] data, byte[] pattern, int end) => data.AsSpan(0, end).LastIndexOf(pattern);
}
