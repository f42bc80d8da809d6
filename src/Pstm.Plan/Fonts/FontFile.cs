using Pstm.Diagnostics;
using Pstm.Plan.Loading;

namespace Pstm.Plan.Fonts;

/// <summary>
/// Reads and checks a font file a plan brings, as
/// <see cref="Images.PlanImages.ReadFile(string, string, SourceSpan, DiagnosticBag)"/> checks an image: a regular file (PSTM0420), no larger than <see cref="PlanLimits.MaxFontBytes"/> (PSTM0421),
/// a WOFF2, WOFF, TrueType or OpenType font by its bytes, not a collection (PSTM0420), whose tables
/// can be read (PSTM0422), and whose licence lets a document embed it (PSTM0423): the booklet's PDF
/// embeds every font it shows, and Chromium would draw a font it may not embed as pictures or shapes.
/// Where the file is, and whether it is inside the plan folder, is the caller's to check.
/// </summary>
public static class FontFile
{
    private const string FormatsHint = "use the font's WOFF2 file (or its TTF or OTF file), one file a style: the font's own download has them";

    private const string TooLargeHint = "use the WOFF2 file of the font, or a subset of it that keeps the alphabets the plan is written in (pyftsubset, or the family's 'latin' files)";

    private const string EmbeddableHint =
        "choose a font whose licence allows embedding it in documents, such as one under the SIL Open Font License "
        + "(Titillium Web and Roboto Mono, which pstm ships, or Source Sans 3, Noto Sans, IBM Plex Sans); "
        + "if your licence does allow it, ask the foundry for a file that says so";

    /// <summary>
    /// The font at <paramref name="path"/>, read and checked, or null after reporting at
    /// <paramref name="span"/>, with <paramref name="name"/> (the path as the plan writes it) in the
    /// message, why it cannot be used.
    /// </summary>
    public static PlanFont? Read(string path, string name, SourceSpan span, DiagnosticBag diagnostics)
    {
        if (!RegularFile.Is(path))
        {
            return File.Exists(path) || Directory.Exists(path)
                ? Refuse(diagnostics, span, PlanDiagnostics.NotAFont, $"font '{name}' is not a regular file (a folder, a device or a named pipe)", "name a font file: " + FormatsHint)
                : Refuse(diagnostics, span, PlanDiagnostics.FileUnreadable, $"font '{name}' does not exist", "check the file's name and folder (letter case counts)");
        }

        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > PlanLimits.MaxFontBytes)
            {
                return Refuse(diagnostics, span, PlanDiagnostics.FontTooLarge, $"font '{name}' has {length:N0} bytes, more than the limit of {PlanLimits.MaxFontBytes:N0} ({PlanLimits.MaxFontBytes / (1024 * 1024)} MB)", TooLargeHint);
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Refuse(diagnostics, span, PlanDiagnostics.FileUnreadable, $"font '{name}' cannot be read: {exception.Message}", "check the file's permissions");
        }

        return FromBytes(bytes, path, name, span, diagnostics);
    }

    /// <summary>
    /// The font whose file at <paramref name="fullPath"/> holds <paramref name="bytes"/> (read already,
    /// from a file or a templates layer), checked as <see cref="Read"/> checks it.
    /// </summary>
    public static PlanFont? FromBytes(byte[] bytes, string fullPath, string name, SourceSpan span, DiagnosticBag diagnostics)
    {
        // Also a file that grew between the look at its length and the reading.
        if (bytes.Length > PlanLimits.MaxFontBytes)
        {
            return Refuse(diagnostics, span, PlanDiagnostics.FontTooLarge, $"font '{name}' is larger than the limit of {PlanLimits.MaxFontBytes:N0} bytes", TooLargeHint);
        }

        if (FontFormat.IsCollection(bytes))
        {
            return Refuse(diagnostics, span, PlanDiagnostics.NotAFont, $"font '{name}' is a font collection (several fonts in one .ttc or .otc file): a stylesheet cannot pick one font out of it", "use the file of the one style wanted: the family's download has a TTF, OTF or WOFF2 file a style");
        }

        if (FontFormat.Of(bytes) is not { } format)
        {
            return Refuse(diagnostics, span, PlanDiagnostics.NotAFont, $"font '{name}' is not a WOFF2, WOFF, TrueType or OpenType font: its bytes are none of them, whatever its name", FormatsHint);
        }

        if (FontTables.Read(bytes, format, out var damage) is not { } tables || FontFace.Read(tables, out damage) is not { } face)
        {
            return Refuse(diagnostics, span, PlanDiagnostics.FontDamaged, $"{format.Name} font '{name}' cannot be read: {damage}", "download the font again from its source, or convert it again (fonttools, woff2_compress)");
        }

        var shown = $"{face.Family} {face.Weight} {(face.Italic ? "italic" : "normal")}";
        if (face.IsRestricted)
        {
            return Refuse(diagnostics, span, PlanDiagnostics.FontNotEmbeddable, $"font '{name}' ({shown}) may not be embedded in a document: its licence says 'Restricted License embedding' (OS/2 fsType 0x{face.EmbeddingFlags:X4}), and the booklet's PDF embeds every font it shows", EmbeddableHint);
        }

        if (face.IsBitmapOnly)
        {
            return Refuse(diagnostics, span, PlanDiagnostics.FontNotEmbeddable, $"font '{name}' ({shown}) may be embedded only as bitmaps (OS/2 fsType 0x{face.EmbeddingFlags:X4}): the booklet's PDF would show its text as pictures, blurred in print and not searchable", EmbeddableHint);
        }

        return new PlanFont(fullPath, format, bytes, face.Family, face.Weight, face.Italic);
    }

    private static PlanFont? Refuse(DiagnosticBag diagnostics, SourceSpan span, DiagnosticDescriptor descriptor, string message, string hint)
    {
        diagnostics.Add(descriptor.Create(span, message, hint));
        return null;
    }
}
