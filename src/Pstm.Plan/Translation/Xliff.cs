using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Pstm.Diagnostics;
using Pstm.Plan.Loading;

namespace Pstm.Plan.Translation;

/// <summary>
/// XLIFF 2.0 for translators' tools: one unit per field (its id is the field's key), notes naming the
/// object, the field and the source hash, the state (initial, translated), and bold emphasis as XLIFF
/// inline markup (<c>&lt;pc type="fmt" subType="xlf:b"&gt;</c>) rather than raw asterisks.
/// </summary>
public static partial class Xliff
{
    public static readonly XNamespace Ns = "urn:oasis:names:tc:xliff:document:2.0";

    public static string Write(string planId, string sourceLanguage, string locale, IReadOnlyList<TranslatableField> fields, IReadOnlyDictionary<string, TranslationEntry> translations)
    {
        var file = new XElement(Ns + "file", new XAttribute("id", "f1"), new XAttribute("original", planId));
        foreach (var field in fields)
        {
            var (objectName, fieldName) = Describe(field.Key);
            translations.TryGetValue(field.Key, out var entry);
            var state = entry is null ? "initial" : entry.SourceHash == field.Hash ? "translated" : "initial";
            var notes = new XElement(Ns + "notes",
                new XElement(Ns + "note", new XAttribute("category", "object"), objectName),
                new XElement(Ns + "note", new XAttribute("category", "field"), fieldName),
                new XElement(Ns + "note", new XAttribute("category", "source-hash"), field.Hash));
            if (field.Context is not null)
            {
                notes.Add(new XElement(Ns + "note", new XAttribute("category", "context"), field.Context));
            }

            if (entry is not null && entry.SourceHash != field.Hash)
            {
                notes.Add(new XElement(Ns + "note", new XAttribute("category", "stale"), "the source text changed since this was translated"));
            }

            var segment = new XElement(Ns + "segment", new XAttribute("state", state), Inline("source", field.Text));
            if (entry is not null)
            {
                segment.Add(Inline("target", entry.Text));
            }

            file.Add(new XElement(Ns + "unit", new XAttribute("id", field.Key), notes, segment));
        }

        var document = new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XElement(Ns + "xliff", new XAttribute("version", "2.0"), new XAttribute("srcLang", sourceLanguage), new XAttribute("trgLang", locale), file));
        using var writer = new Utf8StringWriter();
        document.Save(writer, SaveOptions.None);
        return writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>The translations an XLIFF file holds, by key, each recording the hash of its unit's source.</summary>
    public static Dictionary<string, TranslationEntry>? Read(
        string path, string display, string sourceLanguage, IReadOnlyDictionary<string, TranslatableField> fields, out string? targetLanguage, DiagnosticBag diagnostics)
    {
        targetLanguage = null;
        XDocument document;
        try
        {
            document = XDocument.Load(path, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
        }
        catch (Exception exception) when (exception is XmlException or IOException)
        {
            var line = exception is XmlException xml ? xml.LineNumber : 0;
            diagnostics.Add(PlanDiagnostics.XliffInvalid.Create(
                line > 0 ? SourceSpan.At(display, line, Math.Max(1, ((XmlException)exception).LinePosition)) : SourceSpan.ForFile(display),
                $"the file is not well-formed XML: {exception.Message}", "export it again from the translation tool as XLIFF 2.0"));
            return null;
        }

        var root = document.Root!;
        if (root.Name != Ns + "xliff" || (string?)root.Attribute("version") is not ("2.0" or "2.1"))
        {
            diagnostics.Add(PlanDiagnostics.XliffInvalid.Create(Span(display, root), "the file is not XLIFF 2.0 (urn:oasis:names:tc:xliff:document:2.0)", "export it as XLIFF 2.0"));
            return null;
        }

        targetLanguage = (string?)root.Attribute("trgLang");
        if ((string?)root.Attribute("srcLang") != sourceLanguage || string.IsNullOrEmpty(targetLanguage))
        {
            diagnostics.Add(PlanDiagnostics.XliffLanguage.Create(
                Span(display, root),
                $"the file translates '{(string?)root.Attribute("srcLang")}' into '{targetLanguage}', but the plan is written in '{sourceLanguage}'",
                "extract the file again with pstm i18n extract --locale"));
            return null;
        }

        var entries = new Dictionary<string, TranslationEntry>(StringComparer.Ordinal);
        foreach (var unit in root.Descendants(Ns + "unit"))
        {
            var key = (string?)unit.Attribute("id") ?? "";
            if (!fields.ContainsKey(key))
            {
                diagnostics.Add(PlanDiagnostics.XliffUnknownUnit.Create(
                    Span(display, unit), $"unit '{key}' is no field of the plan", "keep the unit ids pstm i18n extract wrote"));
                continue;
            }

            var segments = unit.Elements(Ns + "segment").ToList();
            var targets = segments.Select(s => s.Element(Ns + "target")).ToList();
            if (targets.Any(t => t is null))
            {
                continue;
            }

            var source = string.Concat(segments.Select(s => Markdown(s.Element(Ns + "source")!)));
            var text = string.Concat(targets.Select(t => Markdown(t!)));

            // XML writes C1 controls and separators as character references (&#x9B;, &#x2028;): refused
            // here as in the translation file, which the import would otherwise fill with them.
            if (!CharacterCheck.IsCleanValue(text, Span(display, unit), diagnostics))
            {
                continue;
            }

            entries[key] = new TranslationEntry(key, text, TranslatableField.HashOf(source), Span(display, unit));
        }

        return entries;
    }

    private static XElement Inline(string name, string text)
    {
        var element = new XElement(Ns + name);
        if (text.Contains('\n', StringComparison.Ordinal))
        {
            element.Add(new XAttribute(XNamespace.Xml + "space", "preserve"));
        }

        var id = 1;
        var position = 0;
        foreach (Match match in Bold().Matches(text))
        {
            element.Add(text[position..match.Index]);
            element.Add(new XElement(Ns + "pc", new XAttribute("id", id++), new XAttribute("type", "fmt"), new XAttribute("subType", "xlf:b"), match.Groups[1].Value));
            position = match.Index + match.Length;
        }

        element.Add(text[position..]);
        return element;
    }

    /// <summary>The element's text with bold inline markup written back as <c>**…**</c>.</summary>
    private static string Markdown(XElement element)
    {
        var text = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText plain:
                    text.Append(plain.Value);
                    break;
                case XElement { Name.LocalName: "pc" } pc when (string?)pc.Attribute("subType") == "xlf:b":
                    text.Append("**").Append(Markdown(pc)).Append("**");
                    break;
                case XElement other:
                    text.Append(Markdown(other));
                    break;
            }
        }

        return text.ToString();
    }

    private static (string Object, string Field) Describe(string key)
    {
        var last = key.LastIndexOf('.');
        var owner = key[..last];
        var first = owner.IndexOf('.');
        var kind = first < 0 ? owner : owner[..first] switch
        {
            "missions" => "mission",
            "objectives" => "objective",
            "drivers" => "driver",
            "chapters" => "chapter",
            "process" => "phase",
            "milestones" => "milestone",
            "vision" => "vision pillar",
            "labels" => "label",
            var other => other,
        };
        return (first < 0 ? kind : $"{kind} {owner[(first + 1)..]}", key[(last + 1)..]);
    }

    private static SourceSpan Span(string display, XElement element) =>
        element is IXmlLineInfo { LineNumber: > 0 } info ? SourceSpan.At(display, info.LineNumber, info.LinePosition) : SourceSpan.ForFile(display);

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();

    private sealed class Utf8StringWriter : StringWriter
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
