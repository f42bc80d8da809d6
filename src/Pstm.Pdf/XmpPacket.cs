using System.Globalization;
using System.Text;
using PdfSharp.Pdf;

namespace Pstm.Pdf;

/// <summary>
/// The document's XMP metadata: the Info dictionary's values as PDF/A wants them mirrored (title, author,
/// subject, keywords, producer, creator tool, dates), the language, and the claims of conformance to
/// PDF/A-2b (pdfaid) and PDF/UA-1 (pdfuaid). Unlike PDFsharp's own packet, values are XML-escaped (a title
/// like "A &amp; B" makes PDFsharp's XMP ill-formed) and dates keep the given offset.
/// </summary>
internal static class XmpPacket
{
    /// <summary>What the finisher replaces, after saving, by ids derived from the content (same length).</summary>
    public const string UuidPlaceholder = "00000000-0000-0000-0000-000000000000";

    /// <summary>
    /// pdfuaid is not among the schemas PDF/A-2 predefines (ISO 19005-2 6.6.2.3), so the packet describes it
    /// as an extension schema, as veraPDF expects; pdfaid, dc, pdf, xmp and xmpMM need no description.
    /// </summary>
    private const string PdfUaExtensionSchema = """
          <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
           <pdfaExtension:schemas>
            <rdf:Bag>
             <rdf:li rdf:parseType="Resource">
              <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
              <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
              <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
              <pdfaSchema:property>
               <rdf:Seq>
                <rdf:li rdf:parseType="Resource">
                 <pdfaProperty:name>part</pdfaProperty:name>
                 <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
                 <pdfaProperty:category>internal</pdfaProperty:category>
                 <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
                </rdf:li>
               </rdf:Seq>
              </pdfaSchema:property>
             </rdf:li>
            </rdf:Bag>
           </pdfaExtension:schemas>
          </rdf:Description>

        """;

    /// <summary>The packet for <paramref name="document"/>'s Info as saved (PDFsharp composes /Producer during Save).</summary>
    public static string Build(PdfDocument document, DateTimeOffset timestamp)
    {
        PdfDocumentInformation info = document.Info;
        string date = DateString(timestamp);
        string lang = document.Language;
        var xmp = new StringBuilder();
        xmp.Append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
        xmp.Append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n");
        xmp.Append(" <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
        xmp.Append("  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"");
        xmp.Append(" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"");
        xmp.Append(" xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"");
        xmp.Append(" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n");
        xmp.Append("   <dc:format>application/pdf</dc:format>\n");
        AppendAlt(xmp, "dc:title", info.Title);
        if (info.Author.Length > 0)
        {
            xmp.Append("   <dc:creator><rdf:Seq><rdf:li>").Append(Xml(info.Author)).Append("</rdf:li></rdf:Seq></dc:creator>\n");
        }

        AppendAlt(xmp, "dc:description", info.Subject);
        if (lang.Length > 0)
        {
            xmp.Append("   <dc:language><rdf:Bag><rdf:li>").Append(Xml(lang)).Append("</rdf:li></rdf:Bag></dc:language>\n");
        }

        AppendSimple(xmp, "pdf:Keywords", info.Keywords);
        AppendSimple(xmp, "pdf:Producer", info.Producer);
        AppendSimple(xmp, "xmp:CreatorTool", info.Creator);
        AppendSimple(xmp, "xmp:CreateDate", date);
        AppendSimple(xmp, "xmp:ModifyDate", date);
        AppendSimple(xmp, "xmp:MetadataDate", date);
        AppendSimple(xmp, "xmpMM:DocumentID", "uuid:" + UuidPlaceholder);
        AppendSimple(xmp, "xmpMM:InstanceID", "uuid:" + UuidPlaceholder);
        AppendSimple(xmp, "pdfaid:part", "2");
        AppendSimple(xmp, "pdfaid:conformance", "B");
        AppendSimple(xmp, "pdfuaid:part", "1");
        xmp.Append("  </rdf:Description>\n");
        xmp.Append(PdfUaExtensionSchema);
        xmp.Append(" </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>");
        return xmp.ToString();
    }

    private static string DateString(DateTimeOffset t)
        => t.Offset == TimeSpan.Zero
            ? t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static void AppendSimple(StringBuilder xmp, string tag, string value)
    {
        if (value.Length > 0)
        {
            xmp.Append("   <").Append(tag).Append('>').Append(Xml(value)).Append("</").Append(tag).Append(">\n");
        }
    }

    /// <summary>A language alternative with its x-default entry, the one PDF/A compares with Info.</summary>
    private static void AppendAlt(StringBuilder xmp, string tag, string value)
    {
        if (value.Length > 0)
        {
            xmp.Append("   <").Append(tag).Append("><rdf:Alt><rdf:li xml:lang=\"x-default\">").Append(Xml(value))
              .Append("</rdf:li></rdf:Alt></").Append(tag).Append(">\n");
        }
    }

    private static string Xml(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (char character in text)
        {
            switch (character)
            {
                case '&': escaped.Append("&amp;"); break;
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                case '"': escaped.Append("&quot;"); break;
                default:
                    if (character >= ' ' || character is '\t' or '\n' or '\r')
                    {
                        escaped.Append(character); // drop chars illegal in XML 1.0
                    }

                    break;
            }
        }
        return escaped.ToString();
    }
}
