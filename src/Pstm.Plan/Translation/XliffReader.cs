using System.Text;
using System.Xml;
using System.Xml.Linq;
using Pstm.Diagnostics;

namespace Pstm.Plan.Translation;

/// <summary>
/// Reads back an XLIFF 2.0 file that <see cref="Xliff.Write"/> wrote and a translation tool filled in,
/// for <see cref="TranslationImporter"/>. The file is untrusted: no DTD (so no entity expands or reaches
/// out), and nesting bounded. Only the targets of segments marked translated, reviewed or final are
/// imported: a target in state <c>initial</c> (the default) is often the source copied over.
/// </summary>
public static class XliffReader
{
    /// <summary>Bytes of an XLIFF file: the limit of every file to import.</summary>
    public const int MaxFileBytes = TranslationImporter.MaxFileBytes;

    /// <summary>Groups in groups, annotations in annotations: pstm writes three levels; walking a million would overflow the stack.</summary>
    public const int MaxDepth = 64;

    private static readonly HashSet<string> ImportedStates = new(["translated", "reviewed", "final"], StringComparer.Ordinal);

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxFileBytes,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>The translations the file holds, through <paramref name="checks"/>; null when it cannot be read.</summary>
    internal static TranslationImport? Read(byte[] bytes, string display, ImportChecks checks, DiagnosticBag diagnostics) =>
        Load(bytes, display, diagnostics) is { } document ? Units(document, display, checks, diagnostics) : null;

    internal static Diagnostic TooDeep(string display, XElement element) =>
        PlanDiagnostics.XliffInvalid.Create(
            Span(display, element), $"<{element.Name.LocalName}> is nested more than {MaxDepth} elements deep, the limit for an XLIFF file", "keep the structure pstm i18n extract wrote");

    internal static SourceSpan Span(string display, XObject node) =>
        node is IXmlLineInfo { LineNumber: > 0 } info ? SourceSpan.At(display, info.LineNumber, info.LinePosition) : SourceSpan.At(display, 1, 1);

    private static XDocument? Load(byte[] bytes, string display, DiagnosticBag diagnostics)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), Settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
        }
        catch (XmlException exception) when (exception.LineNumber == 0 && Doctype(bytes) is { } doctype)
        {
            diagnostics.Add(PlanDiagnostics.XliffDtd.Create(
                SourceSpan.At(display, doctype.Line, doctype.Column, "<!DOCTYPE".Length),
                "the file declares a DTD (<!DOCTYPE …>): pstm reads none, as its entities could expand to gigabytes or read other files",
                "export the file again from the translation tool, without a DOCTYPE"));
            return null;
        }
        catch (XmlException exception)
        {
            diagnostics.Add(PlanDiagnostics.XliffInvalid.Create(
                SourceSpan.At(display, Math.Max(1, exception.LineNumber), Math.Max(1, exception.LinePosition)),
                $"the file is not well-formed XML: {exception.Message}",
                "export it again from the translation tool as XLIFF 2.0"));
            return null;
        }
    }

    /// <summary>Where the DOCTYPE is, counting lines as XML does (\r\n, \r and \n each end one).</summary>
    private static (int Line, int Column)? Doctype(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var at = text.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var (line, lineStart) = (1, 0);
        for (var i = 0; i < at; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                (line, lineStart) = (line + 1, i + 1);
            }
        }

        return (line, at - lineStart + 1);
    }

    private static TranslationImport? Units(XDocument document, string display, ImportChecks checks, DiagnosticBag diagnostics)
    {
        var root = document.Root!;
        if (root.Name != Xliff.Ns + "xliff" || (string?)root.Attribute("version") is not ("2.0" or "2.1"))
        {
            diagnostics.Add(PlanDiagnostics.XliffInvalid.Create(Span(display, root), "the file is not XLIFF 2.0 (urn:oasis:names:tc:xliff:document:2.0)", "export it as XLIFF 2.0"));
            return null;
        }

        var (source, target) = (root.Attribute("srcLang"), root.Attribute("trgLang"));
        if (checks.Locale(source?.Value, Span(display, (XObject?)source ?? root), target?.Value, Span(display, (XObject?)target ?? root)) is not { } locale)
        {
            return null;
        }

        new UnitReading(display, checks, diagnostics).Container(root, depth: 1);
        return checks.Result(locale);
    }

    /// <summary>The walk over files, groups and units, each handed to the checks.</summary>
    private sealed class UnitReading(string display, ImportChecks checks, DiagnosticBag diagnostics)
    {
        /// <summary>The units of the xliff root, a file or a group.</summary>
        public void Container(XElement container, int depth)
        {
            if (depth > MaxDepth)
            {
                diagnostics.Add(TooDeep(display, container));
                return;
            }

            foreach (var child in container.Elements())
            {
                if (Foreign(child))
                {
                    continue;
                }

                switch (child.Name.LocalName)
                {
                    case "file" or "group":
                        Container(child, depth + 1);
                        break;
                    case "unit":
                        Unit(child);
                        break;
                }
            }
        }

        private void Unit(XElement unit)
        {
            var key = (string?)unit.Attribute("id") ?? "";
            var span = Span(display, unit);
            if (!checks.Admit(key, span))
            {
                return;
            }

            var parts = unit.Elements().Where(e => !Foreign(e) && e.Name.LocalName is "segment" or "ignorable").ToList();
            var sourceless = parts.FirstOrDefault(p => p.Element(Xliff.Ns + "source") is null);
            if (parts.Count == 0 || sourceless is not null)
            {
                diagnostics.Add(PlanDiagnostics.XliffInvalid.Create(
                    Span(display, sourceless ?? unit),
                    $"unit '{key}' has {(sourceless is null ? "no segment" : $"a <{sourceless.Name.LocalName}> without <source>")}",
                    "keep the segments pstm i18n extract wrote"));
                return;
            }

            foreach (var part in parts)
            {
                foreach (var child in part.Elements())
                {
                    Foreign(child);
                }
            }

            var segments = parts.Where(p => p.Name.LocalName == "segment").ToList();
            if (segments.Any(s => s.Element(Xliff.Ns + "target") is null))
            {
                checks.NotTranslated();
                return;
            }

            if (segments.FirstOrDefault(s => !ImportedStates.Contains((string?)s.Attribute("state") ?? "initial")) is { } unfinished)
            {
                checks.NotTranslated();
                diagnostics.Add(PlanDiagnostics.XliffNotTranslated.Create(
                    Span(display, unfinished),
                    $"unit '{key}' has a target in state '{(string?)unfinished.Attribute("state") ?? "initial (no state)"}': it is not imported, and the field stays as it was",
                    "once translated, mark the segment translated, reviewed or final in the translation tool"));
                return;
            }

            // An ignorable part (white space between segments) without a target stays as in the source.
            var sources = parts.Select(p => p.Element(Xliff.Ns + "source")!).ToList();
            var targets = parts.Select(p => p.Element(Xliff.Ns + "target") ?? p.Element(Xliff.Ns + "source")!).ToList();
            var source = Join(sources, reindented: false, diagnostics);
            var target = Join(targets, reindented: false, diagnostics);
            if (source is null || target is null)
            {
                return;
            }

            // The same content without what a tool that reindented it added: read second, taken only when
            // its source, and not the first reading's, is the plan's text. Its problems were told above.
            var unindented = new ImportedReading(Join(sources, reindented: true, new DiagnosticBag())!, Join(targets, reindented: true, new DiagnosticBag())!);
            checks.Import(new ImportedUnit(key, span, span, [new ImportedReading(source, target), unindented]));
        }

        private string? Join(IEnumerable<XElement> contents, bool reindented, DiagnosticBag found)
        {
            var texts = contents.Select(c => XliffInline.ToMarkdown(c, display, found, reindented)).ToList();
            return texts.Any(t => t is null) ? null : string.Concat(texts);
        }

        /// <summary>Whether the element is of another namespace than XLIFF 2.0's; such is reported, and not read.</summary>
        private bool Foreign(XElement element)
        {
            if (element.Name.Namespace == Xliff.Ns)
            {
                return false;
            }

            diagnostics.Add(PlanDiagnostics.XliffForeignElement.Create(
                Span(display, element),
                $"<{element.Name.LocalName}> is of namespace '{element.Name.NamespaceName}', not XLIFF 2.0's: pstm does not read it{(element.Name.LocalName is "unit" or "segment" or "target" ? ", and imports nothing from it" : "")}",
                $"write the units, segments and targets to import in namespace {Xliff.Ns.NamespaceName}"));
            return true;
        }
    }
}
