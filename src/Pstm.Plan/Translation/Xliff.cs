using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Pstm.Plan.Translation;

/// <summary>
/// XLIFF 2.0 for translators' tools: one unit per field (its id is the field's key), notes naming the
/// object, the field and the source hash, the state (initial, translated), and bold emphasis as XLIFF
/// inline markup (<c>&lt;pc type="fmt" subType="xlf:b"&gt;</c>) rather than raw asterisks.
/// </summary>
public static class Xliff
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

            var segment = new XElement(Ns + "segment", new XAttribute("state", state), XliffInline.ToXliff(Ns + "source", field.Text));
            if (entry is not null)
            {
                segment.Add(XliffInline.ToXliff(Ns + "target", entry.Text));
            }

            file.Add(new XElement(Ns + "unit", new XAttribute("id", field.Key), notes, segment));
        }

        var document = new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XElement(Ns + "xliff", new XAttribute("version", "2.0"), new XAttribute("srcLang", sourceLanguage), new XAttribute("trgLang", locale), file));
        using var text = new Utf8StringWriter();
        // A carriage return in a text is written as &#xD;: as a bare character, XML readers would drop it.
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, NewLineChars = "\n", NewLineHandling = NewLineHandling.Entitize }))
        {
            document.Save(writer);
        }

        return text + "\n";
    }

    internal static (string Object, string Field) Describe(string key)
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

    private sealed class Utf8StringWriter : StringWriter
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
