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
    const string UuidPlaceholder = "00000000-0000-0000-0000-000000000000";
    const int IdLength = 16;

    public static byte[] Finish(byte[] chromiumPdf, PdfMetadata options)
    {
        ArgumentNullException.ThrowIfNull(chromiumPdf);
        ArgumentNullException.ThrowIfNull(options);

        // Modify mode keeps every reachable object (tags, annotations, /Dests, outline) as read.
        // It also gives the document a random /ID and sets /ModDate to DateTime.Now: both overwritten below.
        using var document = PdfReader.Open(new MemoryStream(chromiumPdf, writable: false), PdfDocumentOpenMode.Modify);
        document.Options.Layout = PdfWriterLayout.Compact; // the Verbose layout writes the wall-clock time
        StructureIds.Renumber(document);

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
        string xmp = BuildXmp(document, timestamp);
        byte[] result = ReplaceLastObjectStream(saved, metadataRef.ObjectNumber, xmp, out int xmpStart);

        // Content-derived identifiers: hash of the whole file with the placeholders in place.
        byte[] hash = SHA256.HashData(result);
        PatchTrailerId(result, Convert.ToHexString(hash, 0, IdLength));
        PatchAscii(result, xmpStart, "uuid:" + UuidPlaceholder, "uuid:" + UuidFromBytes(hash, 0));
        PatchAscii(result, xmpStart, "uuid:" + UuidPlaceholder, "uuid:" + UuidFromBytes(hash, 16));
        return result;
    }

    // ---- Info strings -------------------------------------------------------------------------------------

    static void SetText(PdfDictionary dict, string key, string? value)
    {
        if (value is null) return;
        if (value.Length == 0) dict.Elements.Remove(key);
        else dict.Elements[key] = TextString(value);
    }

    /// <summary>A PDF text string. PDFsharp's PdfString(string) writes every char below U+0100 as a raw byte,
    /// which readers decode as PDFDocEncoding (0x80-0xA0 differ from Latin-1, e.g. U+00A0 would read as €),
    /// so anything beyond ASCII is written as UTF-16BE with BOM.</summary>
    static PdfString TextString(string value)
        => value.All(c => c is >= ' ' and <= '~')
            ? new PdfString(value)
            : new PdfString(value, PdfStringEncoding.Unicode);

    static string PdfDateString(DateTimeOffset t)
    {
        TimeSpan off = t.Offset;
        char sign = off < TimeSpan.Zero ? '-' : '+';
        off = off.Duration();
        return string.Create(CultureInfo.InvariantCulture,
            $"D:{t.DateTime:yyyyMMddHHmmss}{sign}{off.Hours:00}'{off.Minutes:00}'");
    }

    static string XmpDateString(DateTimeOffset t)
        => t.Offset == TimeSpan.Zero
            ? t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    // ---- XMP ----------------------------------------------------------------------------------------------

    /// <summary>XMP mirroring the Info dictionary. Unlike PDFsharp's own packet, values are XML-escaped
    /// (a title like "A &amp; B" makes PDFsharp's XMP ill-formed) and dates keep the given offset.</summary>
    static string BuildXmp(PdfDocument document, DateTimeOffset timestamp)
    {
        PdfDocumentInformation info = document.Info; // /Producer as composed by PDFsharp during Save
        string date = XmpDateString(timestamp);
        var sb = new StringBuilder();
        sb.Append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
        sb.Append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n");
        sb.Append(" <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
        sb.Append("  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"");
        sb.Append(" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"");
        sb.Append(" xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\">\n");
        sb.Append("   <dc:format>application/pdf</dc:format>\n");
        AppendAlt(sb, "dc:title", info.Title);
        if (info.Author.Length > 0)
            sb.Append("   <dc:creator><rdf:Seq><rdf:li>").Append(Xml(info.Author)).Append("</rdf:li></rdf:Seq></dc:creator>\n");
        AppendAlt(sb, "dc:description", info.Subject);
        string lang = document.Language;
        if (lang.Length > 0)
            sb.Append("   <dc:language><rdf:Bag><rdf:li>").Append(Xml(lang)).Append("</rdf:li></rdf:Bag></dc:language>\n");
        AppendSimple(sb, "pdf:Keywords", info.Keywords);
        AppendSimple(sb, "pdf:Producer", info.Producer);
        AppendSimple(sb, "xmp:CreatorTool", info.Creator);
        AppendSimple(sb, "xmp:CreateDate", date);
        AppendSimple(sb, "xmp:ModifyDate", date);
        AppendSimple(sb, "xmp:MetadataDate", date);
        AppendSimple(sb, "xmpMM:DocumentID", "uuid:" + UuidPlaceholder);
        AppendSimple(sb, "xmpMM:InstanceID", "uuid:" + UuidPlaceholder);
        sb.Append("  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>");
        return sb.ToString();
    }

    static void AppendSimple(StringBuilder sb, string tag, string value)
    {
        if (value.Length > 0) sb.Append("   <").Append(tag).Append('>').Append(Xml(value)).Append("</").Append(tag).Append(">\n");
    }

    static void AppendAlt(StringBuilder sb, string tag, string value)
    {
        if (value.Length > 0)
            sb.Append("   <").Append(tag).Append("><rdf:Alt><rdf:li xml:lang=\"x-default\">").Append(Xml(value))
              .Append("</rdf:li></rdf:Alt></").Append(tag).Append(">\n");
    }

    static string Xml(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                default:
                    if (c >= ' ' || c is '\t' or '\n' or '\r') sb.Append(c); // drop chars illegal in XML 1.0
                    break;
            }
        }
        return sb.ToString();
    }

    // ---- Byte-level patching of PDFsharp's output ----------------------------------------------------------

    /// <summary>Replaces the stream of object <paramref name="objectNumber"/>, which PDFsharp writes as the last
    /// object just before the classic "xref" table. Because the object keeps its start offset, every xref entry
    /// stays valid; only the /Length and the startxref value change.</summary>
    static byte[] ReplaceLastObjectStream(byte[] pdf, int objectNumber, string content, out int contentStart)
    {
        byte[] header = Ascii($"\n{objectNumber} 0 obj\n<</Type/Metadata/Subtype/XML/Length ");
        int objStart = LastIndexOf(pdf, header, pdf.Length);
        if (objStart < 0) throw new InvalidOperationException("Metadata object not found in PDFsharp output.");
        int oldStreamStart = IndexOf(pdf, Ascii(">>\nstream\n"), objStart) + ">>\nstream\n".Length;
        int oldLength = int.Parse(Encoding.ASCII.GetString(pdf, objStart + header.Length,
            oldStreamStart - ">>\nstream\n".Length - objStart - header.Length), CultureInfo.InvariantCulture);
        int afterStream = oldStreamStart + oldLength;
        byte[] endMarker = Ascii("\nendstream\nendobj\nxref\n");
        if (IndexOf(pdf, endMarker, afterStream) != afterStream)
            throw new InvalidOperationException("Unexpected layout after the metadata stream (is it the last object?).");
        int xrefPos = afterStream + endMarker.Length - "xref\n".Length;
        int startxrefKeyword = LastIndexOf(pdf, Ascii("startxref\n"), pdf.Length);
        if (startxrefKeyword < xrefPos) throw new InvalidOperationException("startxref not found.");
        int oldStartXref = int.Parse(Encoding.ASCII.GetString(pdf, startxrefKeyword + 10,
            IndexOf(pdf, Ascii("\n"), startxrefKeyword + 10) - startxrefKeyword - 10), CultureInfo.InvariantCulture);
        if (oldStartXref != xrefPos) throw new InvalidOperationException("startxref does not point at the xref table.");

        byte[] body = Encoding.UTF8.GetBytes(content); // U+FEFF in begin="" becomes EF BB BF, as XMP requires
        var ms = new MemoryStream(pdf.Length + body.Length);
        ms.Write(pdf, 0, objStart + header.Length);
        ms.Write(Ascii(body.Length.ToString(CultureInfo.InvariantCulture) + ">>\nstream\n"));
        contentStart = (int)ms.Position;
        ms.Write(body);
        ms.Write(Ascii("\nendstream\nendobj\n"));
        int newXrefPos = (int)ms.Position;
        // xref table + trailer + PDFsharp's "% Created with PDFsharp ..." comment, copied verbatim.
        ms.Write(pdf, xrefPos, startxrefKeyword - xrefPos);
        ms.Write(Ascii($"startxref\n{newXrefPos.ToString(CultureInfo.InvariantCulture)}\n%%EOF\n"));
        return ms.ToArray();
    }

    static void PatchTrailerId(byte[] pdf, string hexId)
    {
        int trailer = LastIndexOf(pdf, Ascii("trailer\n"), pdf.Length);
        string zeros = new string('0', IdLength * 2);
        PatchAscii(pdf, trailer, $"/ID[<{zeros}><{zeros}>]", $"/ID[<{hexId}><{hexId}>]");
    }

    static void PatchAscii(byte[] pdf, int from, string oldText, string newText)
    {
        byte[] o = Ascii(oldText), n = Ascii(newText);
        if (o.Length != n.Length) throw new ArgumentException("Patches must keep the length.");
        int pos = IndexOf(pdf, o, from);
        if (pos < 0) throw new InvalidOperationException($"'{oldText}' not found in PDFsharp output.");
        Buffer.BlockCopy(n, 0, pdf, pos, n.Length);
    }

    /// <summary>RFC 4122-shaped (version 5 bits, variant 10) uuid made from 16 hash bytes.</summary>
    static string UuidFromBytes(byte[] hash, int offset)
    {
        byte[] b = hash.AsSpan(offset, 16).ToArray();
        b[6] = (byte)((b[6] & 0x0F) | 0x50);
        b[8] = (byte)((b[8] & 0x3F) | 0x80);
        string h = Convert.ToHexString(b).ToLowerInvariant();
        return $"{h[..8]}-{h[8..12]}-{h[12..16]}-{h[16..20]}-{h[20..]}";
    }

    static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);

    static int IndexOf(byte[] data, byte[] pattern, int from) => data.AsSpan(from).IndexOf(pattern) is var i and >= 0 ? from + i : -1;

    static int LastIndexOf(byte[] data, byte[] pattern, int end) => data.AsSpan(0, end).LastIndexOf(pattern);
}
