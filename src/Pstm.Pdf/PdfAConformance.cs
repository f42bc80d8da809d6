using PdfSharp.Pdf;

namespace Pstm.Pdf;

/// <summary>
/// What PDF/A-2b and PDF/UA-1 ask of the catalog and the annotations beyond Chromium's tagged print: an sRGB
/// output intent (Chromium paints in DeviceRGB, which PDF/A allows only under an RGB output intent), the
/// print flag on every annotation (PDF/A-2 6.3.2), and the title shown as the window's title (PDF/UA 7.1).
/// The XMP's identification (pdfaid, pdfuaid) is written by <see cref="XmpPacket"/>.
/// </summary>
internal static class PdfAConformance
{
    // Annotation flags (ISO 32000-1 12.5.3): PDF/A wants Print set, and Invisible, Hidden and NoView clear.
    private const int Invisible = 1, Hidden = 2, Print = 4, NoView = 32;

    /// <summary>
    /// The sRGB profile of colord 1.4.6 (data/profiles/sRGB.icc, © 2012 Richard Hughes, CC0-1.0, as Debian's
    /// colord-data package ships it in /usr/share/color/icc/colord/): free to embed in any PDF.
    /// </summary>
    private static readonly Lazy<byte[]> SrgbProfile = new(() =>
    {
        using var resource = typeof(PdfAConformance).Assembly.GetManifestResourceStream("Pstm.Pdf.sRGB.icc")
            ?? throw new InvalidOperationException("The sRGB profile is not embedded in Pstm.Pdf.");
        using var bytes = new MemoryStream();
        resource.CopyTo(bytes);
        return bytes.ToArray();
    });

    public static void Apply(PdfDocument document)
    {
        var catalog = document.Internals.Catalog;
        catalog.Elements["/OutputIntents"] = new PdfArray(document, OutputIntent(document));
        catalog.Elements["/MarkInfo"] = new PdfDictionary(document) { Elements = { ["/Marked"] = new PdfBoolean(true) } };
        var preferences = catalog.Elements.GetDictionary("/ViewerPreferences") ?? new PdfDictionary(document);
        preferences.Elements["/DisplayDocTitle"] = new PdfBoolean(true);
        catalog.Elements["/ViewerPreferences"] = preferences;
        PrintAnnotations(document);
    }

    private static PdfDictionary OutputIntent(PdfDocument document)
    {
        var profile = new PdfDictionary(document);
        profile.Elements["/N"] = new PdfInteger(3);
        FlateStreams.Store(profile, SrgbProfile.Value);
        document.Internals.AddObject(profile);

        var intent = new PdfDictionary(document);
        intent.Elements["/Type"] = new PdfName("/OutputIntent");
        intent.Elements["/S"] = new PdfName("/GTS_PDFA1");
        intent.Elements["/OutputConditionIdentifier"] = new PdfString("sRGB IEC61966-2.1");
        intent.Elements["/Info"] = new PdfString("sRGB IEC61966-2.1");
        intent.Elements["/DestOutputProfile"] = profile.Reference!;
        return intent;
    }

    private static void PrintAnnotations(PdfDocument document)
    {
        foreach (PdfPage page in document.Pages)
        {
            var annotations = page.Elements.GetArray("/Annots");
            for (int index = 0; index < (annotations?.Elements.Count ?? 0); index++)
            {
                if (annotations!.Elements.GetDictionary(index) is { } annotation)
                {
                    int flags = annotation.Elements.GetInteger("/F");
                    annotation.Elements["/F"] = new PdfInteger((flags & ~(Invisible | Hidden | NoView)) | Print);
                }
            }
        }
    }
}
