using System.Text;
using System.Xml;
using System.Xml.Linq;
using Pstm.Diagnostics;
using Pstm.Plan.Loading;

namespace Pstm.Plan.Translation;

/// <summary>What an XLIFF file brings back: its locale, the translations to import, and how many units it leaves as they were.</summary>
public sealed record XliffImport(string Locale, IReadOnlyDictionary<string, TranslationEntry> Entries, int NotTranslated);

/// <summary>
/// Reads back an XLIFF 2.0 file that <see cref="Xliff.Write"/> wrote and a translation tool filled in.
/// The file is untrusted: no DTD (so no entity expands or reaches out), a size limit, and every unit
/// checked before anything is imported. Only the targets of segments marked translated, reviewed or
/// final are imported: a target in state <c>initial</c> (the default) is often the source copied over.
/// </summary>
public static class XliffReader
{
    /// <summary>Bytes of an XLIFF file: the size of a whole plan (the 1000× benchmark plan's file is about 25 MB).</summary>
    public const int MaxFileBytes = 64 * 1024 * 1024;

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

    /// <summary>The translations the file holds, or null when it cannot be imported (the reasons are in <paramref name="diagnostics"/>).</summary>
    public static XliffImport? Read(
        string path, string display, string sourceLanguage, IReadOnlyList<string> locales, IReadOnlyDictionary<string, TranslatableField> fields, DiagnosticBag diagnostics)
    {
        var found = new DiagnosticBag();
        var imported = Load(path, display, found) is { } document ? Units(document, display, sourceLanguage, locales, fields, found) : null;
        // A file of a million repeated units says the same a million times. Past the limit, warnings
        // (a big plan's targets left in state initial) still import: the cut is then no error either.
        var capped = DiagnosticLimit.Cap(found.ToSortedList());
        diagnostics.AddRange(found.HasErrors ? capped : capped.Select(d => d.Code == PlanDiagnostics.TooManyProblems.Code ? d with { Severity = Severity.Warning } : d));
        return found.HasErrors ? null : imported;
    }

    internal static Diagnostic TooDeep(string display, XElement element) =>
        PlanDiagnostics.XliffInvalid.Create(
            Span(display, element), $"<{element.Name.LocalName}> is nested more than {MaxDepth} elements deep, the limit for an XLIFF file", "keep the structure pstm i18n extract wrote");

    internal static SourceSpan Span(string display, XObject node) =>
        node is IXmlLineInfo { LineNumber: > 0 } info ? SourceSpan.At(display, info.LineNumber, info.LinePosition) : SourceSpan.At(display, 1, 1);

    private static XDocument? Load(string path, string display, DiagnosticBag diagnostics)
    {
        byte[]? bytes;
        try
        {
            bytes = SourceFileReader.ReadAtMost(path, MaxFileBytes);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(PlanDiagnostics.FileUnreadable.Create(SourceSpan.At(display, 1, 1), $"the file cannot be read: {exception.Message}", "check that the file exists and that you may read it"));
            return null;
        }

        if (bytes is null)
        {
            diagnostics.Add(PlanDiagnostics.FileTooLarge.Create(
                SourceSpan.At(display, 1, 1),
                $"the file is larger than {MaxFileBytes / (1024 * 1024)} MiB, the limit for an XLIFF file (a whole plan's texts)",
                "import the file pstm i18n extract wrote, as the translation tool saved it"));
            return null;
        }

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

    private static XliffImport? Units(
        XDocument document, string display, string sourceLanguage, IReadOnlyList<string> locales, IReadOnlyDictionary<string, TranslatableField> fields, DiagnosticBag diagnostics)
    {
        var root = document.Root!;
        if (root.Name != Xliff.Ns + "xliff" || (string?)root.Attribute("version") is not ("2.0" or "2.1"))
        {
            diagnostics.Add(PlanDiagnostics.XliffInvalid.Create(Span(display, root), "the file is not XLIFF 2.0 (urn:oasis:names:tc:xliff:document:2.0)", "export it as XLIFF 2.0"));
            return null;
        }

        if (Locale(root, display, sourceLanguage, locales, diagnostics) is not { } locale)
        {
            return null;
        }

        var reading = new UnitReading(display, fields, diagnostics);
        reading.Container(root, depth: 1);
        return new XliffImport(locale, reading.Entries, reading.NotTranslated);
    }

    /// <summary>The target language, when it is one the plan translates into.</summary>
    private static string? Locale(XElement root, string display, string sourceLanguage, IReadOnlyList<string> locales, DiagnosticBag diagnostics)
    {
        var (source, target) = ((string?)root.Attribute("srcLang"), (string?)root.Attribute("trgLang"));
        var problem =
            source != sourceLanguage || string.IsNullOrEmpty(target) ? ($"the file translates '{source}' into '{target}', but the plan is written in '{sourceLanguage}'", "extract the file again with pstm i18n extract --locale")
            : target == sourceLanguage ? ($"the file translates into '{target}', the plan's own language", $"extract the file with pstm i18n extract --locale and one of the plan's other locales ({string.Join(", ", locales.Where(l => l != sourceLanguage))})")
            : !locales.Contains(target, StringComparer.Ordinal) ? ($"the file translates into '{target}', which the plan does not declare", "start the locale with pstm i18n add, then import")
            : ((string, string)?)null;
        if (problem is { } refused)
        {
            var at = (XObject?)root.Attribute(source == sourceLanguage ? "trgLang" : "srcLang") ?? root;
            diagnostics.Add(PlanDiagnostics.XliffLanguage.Create(Span(display, at), refused.Item1, refused.Item2));
            return null;
        }

        return target;
    }

    /// <summary>The walk over files, groups and units, with what it has found so far.</summary>
    private sealed class UnitReading(string display, IReadOnlyDictionary<string, TranslatableField> fields, DiagnosticBag diagnostics)
    {
        private readonly Dictionary<string, XElement> _seen = new(StringComparer.Ordinal);

        public Dictionary<string, TranslationEntry> Entries { get; } = new(StringComparer.Ordinal);

        public int NotTranslated { get; private set; }

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
            if (!_seen.TryAdd(key, unit))
            {
                diagnostics.Add(PlanDiagnostics.XliffDuplicateUnit.Create(
                    Span(display, unit),
                    $"unit '{key}' comes a second time (first at {Span(display, _seen[key])}): which of the two to import is not known",
                    "keep one unit per id, as pstm i18n extract wrote it"));
                return;
            }

            if (!fields.ContainsKey(key))
            {
                diagnostics.Add(PlanDiagnostics.XliffUnknownUnit.Create(Span(display, unit), $"unit '{key}' is no field of the plan", "keep the unit ids pstm i18n extract wrote"));
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
                NotTranslated++;
                return;
            }

            if (segments.FirstOrDefault(s => !ImportedStates.Contains((string?)s.Attribute("state") ?? "initial")) is { } unfinished)
            {
                NotTranslated++;
                diagnostics.Add(PlanDiagnostics.XliffNotTranslated.Create(
                    Span(display, unfinished),
                    $"unit '{key}' has a target in state '{(string?)unfinished.Attribute("state") ?? "initial (no state)"}': it is not imported, and the field stays as it was",
                    "once translated, mark the segment translated, reviewed or final in the translation tool"));
                return;
            }

            // An ignorable part (white space between segments) without a target stays as in the source.
            var source = Join(parts.Select(p => p.Element(Xliff.Ns + "source")!));
            var target = Join(parts.Select(p => p.Element(Xliff.Ns + "target") ?? p.Element(Xliff.Ns + "source")!));
            if (source is null || target is null)
            {
                return;
            }

            // A carriage return ends a line, as in the plan's own files; the translation file is then held
            // to the plan's rules here, at the unit, so that import never writes what a build would refuse.
            target = target.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
            var span = Span(display, unit);
            if (CharacterCheck.IsCleanValue(target, span, diagnostics)
                && (fields[key].IsMarkdown || OneLineText.Check(target, span, $"the target of unit '{key}'", diagnostics)))
            {
                Entries[key] = new TranslationEntry(key, target, TranslatableField.HashOf(source), span);
            }
        }

        private string? Join(IEnumerable<XElement> contents)
        {
            var texts = contents.Select(c => XliffInline.ToMarkdown(c, display, diagnostics)).ToList();
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
