using System.Text.Encodings.Web;
using System.Text.Json;
using Pstm.Diagnostics;

namespace Pstm.Plan.Schema;

/// <summary>Writes JSON Schemas (2020-12) of plan files from <see cref="PlanFormat"/>, for editors' autocomplete and checks.</summary>
public static class JsonSchemaWriter
{
    public const string PlanSchemaFile = "plan.schema.json";
    public const string ContentSchemaFile = "content.schema.json";
    public const string TranslationSchemaFile = "translation.schema.json";

    /// <summary>The folder of a plan where its schemas live, and the first line each YAML file gets.</summary>
    public const string Folder = "schemas";

    public static string ModelineFor(string schemaFile, string relativeFolder = Folder) =>
        $"# yaml-language-server: $schema={relativeFolder}/{schemaFile}";

    /// <summary>A translation file: its language and one entry per translated field.</summary>
    public static string TranslationSchema() => """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "pstm translation file",
          "description": "The translations of a plan into one locale: translations/<locale>.yaml.",
          "type": "object",
          "properties": {
            "language": { "description": "The locale of the translations (BCP 47).", "type": "string", "pattern": "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$" },
            "entries": {
              "description": "One entry per field, under its key such as missions.M2.title.",
              "type": "object",
              "additionalProperties": {
                "type": "object",
                "properties": {
                  "source": { "description": "The hash of the source text translated (12 hex digits).", "type": "string", "pattern": "^[0-9a-f]{12}$" },
                  "text": { "description": "The translation; null while missing.", "type": ["string", "null"] }
                },
                "required": ["source"],
                "additionalProperties": false
              }
            }
          },
          "required": ["language"],
          "additionalProperties": false
        }

        """.Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>Writes the three schemas into <paramref name="folder"/> through <paramref name="writer"/>; false when one could not be.</summary>
    public static bool WriteAll(PlanFileWriter writer, string folder, DiagnosticBag diagnostics) =>
        writer.Write(Path.Combine(folder, PlanSchemaFile), PlanSchema(), diagnostics)
        && writer.Write(Path.Combine(folder, ContentSchemaFile), ContentSchema(), diagnostics)
        && writer.Write(Path.Combine(folder, TranslationSchemaFile), TranslationSchema(), diagnostics);

    public static string PlanSchema() => Write("pstm plan.yaml", "The root file of a pstm plan.", PlanFormat.PlanFile);

    public static string ContentSchema() => Write("pstm content file", "A file a plan includes: sections, and the plan's theme if plan.yaml has none.", [.. PlanFormat.Sections, PlanFormat.Theme]);

    private static string Write(string title, string description, IReadOnlyList<FieldFormat> fields)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
            json.WriteString("title", title);
            json.WriteString("description", description);
            WriteObjectBody(json, fields);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteObjectBody(Utf8JsonWriter json, IReadOnlyList<FieldFormat> fields)
    {
        json.WriteString("type", "object");
        json.WriteStartObject("properties");
        foreach (var field in fields)
        {
            json.WriteStartObject(field.Key);
            json.WriteString("description", field.Description);
            WriteType(json, field);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        var required = fields.Where(f => f.Required).Select(f => f.Key).ToList();
        if (required.Count > 0)
        {
            json.WriteStartArray("required");
            required.ForEach(json.WriteStringValue);
            json.WriteEndArray();
        }

        json.WriteBoolean("additionalProperties", false);
    }

    private static void WriteType(Utf8JsonWriter json, FieldFormat field)
    {
        switch (field.Type)
        {
            case FieldType.Id:
                json.WriteString("type", "string");
                json.WriteString("pattern", "^[A-Za-z][A-Za-z0-9._-]*$");
                break;
            case FieldType.Number:
                json.WriteString("type", "integer");
                json.WriteNumber("minimum", 1);
                break;
            case FieldType.Year:
                json.WriteString("type", "integer");
                json.WriteNumber("minimum", 1000);
                json.WriteNumber("maximum", 9999);
                break;
            case FieldType.Month:
                json.WriteString("type", "string");
                json.WriteString("pattern", "^[0-9]{4}-(0[1-9]|1[0-2])$");
                break;
            case FieldType.Date:
                json.WriteString("type", "string");
                json.WriteString("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
                break;
            case FieldType.Url:
                json.WriteString("type", "string");
                json.WriteString("format", "uri");
                json.WriteString("pattern", "^https?://[^\\s]+$");
                break;
            case FieldType.Email:
                json.WriteString("type", "string");
                json.WriteString("format", "email");
                break;
            case FieldType.Locale:
                json.WriteString("type", "string");
                json.WriteString("pattern", "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$");
                break;
            case FieldType.TextList:
            case FieldType.IdList:
                json.WriteString("type", "array");
                json.WriteStartObject("items");
                json.WriteString("type", "string");
                json.WriteEndObject();
                break;
            case FieldType.Labels:
                json.WriteString("type", "object");
                json.WriteStartObject("additionalProperties");
                json.WriteString("type", "string");
                json.WriteEndObject();
                break;
            case FieldType.Bool:
                json.WriteString("type", "boolean");
                break;
            case FieldType.Color:
                json.WriteString("type", "string");
                json.WriteString("pattern", "^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$");
                break;
            case FieldType.Numbering:
                json.WriteStartArray("enum");
                foreach (var name in Model.Numbering.Names.Keys)
                {
                    json.WriteStringValue(name);
                }

                json.WriteEndArray();
                break;
            case FieldType.PlanLabels:
                WritePlanLabels(json);
                break;
            case FieldType.Image:
                WriteTextOr(json, [new("file", FieldType.Text, true, "The picture's path in the plan folder."), new("alt", FieldType.Text, false, "What it shows, for readers who cannot see it."), new("decorative", FieldType.Bool, false, "true: it only adorns, and readers of the text are not told of it.")]);
                break;
            case FieldType.Font:
                WriteTextOr(json, [new("family", FieldType.Text, true, "The family's name, as its files name it."), new("files", FieldType.TextList, false, "Its files (WOFF2, WOFF, TTF, OTF) in the plan folder, one per weight and style."), new("licence", FieldType.Text, false, "The licence of its files, credited in the colophon, such as SIL Open Font License 1.1.")]);
                break;
            case FieldType.ColorList:
                json.WriteString("type", "array");
                json.WriteStartObject("items");
                json.WriteString("type", "string");
                json.WriteString("pattern", "^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$");
                json.WriteEndObject();
                break;
            case FieldType.SectionList:
                json.WriteString("type", "array");
                json.WriteStartObject("items");
                json.WriteStartArray("anyOf");
                foreach (var (name, description) in SectionKinds)
                {
                    json.WriteStartObject();
                    json.WriteString("const", name);
                    json.WriteString("description", description);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
                break;
            case FieldType.BuildTargetList:
                json.WriteString("type", "array");
                json.WriteStartObject("items");
                WriteEnum(json, Loading.BuildDefaultsReader.TargetNames);
                json.WriteEndObject();
                break;
            case FieldType.PageSize:
                WriteEnum(json, Loading.ThemeReader.PageSizes.Keys);
                break;
            case FieldType.DeckAspect:
                WriteEnum(json, Loading.ThemeReader.DeckAspects.Keys);
                break;
            case FieldType.Object:
                WriteObjectBody(json, field.Fields!);
                break;
            case FieldType.List:
                json.WriteString("type", "array");
                json.WriteStartObject("items");
                WriteObjectBody(json, field.Fields!);
                json.WriteEndObject();
                break;
            default:
                json.WriteString("type", "string");
                break;
        }
    }

    /// <summary>The sections a chapter may hold, as an editor's completion describes them.</summary>
    private static readonly (string Name, string Description)[] SectionKinds =
    [
        ("process", "The process: its phases and their milestones."),
        ("vision", "The vision: its pillars."),
        ("missions", "The missions, with their strategic objectives and actions."),
        ("drivers", "The thematic drivers, with the missions they serve."),
    ];

    private static void WriteEnum(Utf8JsonWriter json, IEnumerable<string> values)
    {
        json.WriteStartArray("enum");
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    /// <summary>A value written as one text (a path, a name), or as an object of <paramref name="fields"/>.</summary>
    private static void WriteTextOr(Utf8JsonWriter json, IReadOnlyList<FieldFormat> fields)
    {
        json.WriteStartArray("anyOf");
        json.WriteStartObject();
        json.WriteString("type", "string");
        json.WriteEndObject();
        json.WriteStartObject();
        WriteObjectBody(json, fields);
        json.WriteEndObject();
        json.WriteEndArray();
    }

    /// <summary>
    /// The shipped templates' keys, for the editor's completion; any other key is let through, since a
    /// plan built with --templates may use keys of its own (pstm validate checks them).
    /// </summary>
    private static void WritePlanLabels(Utf8JsonWriter json)
    {
        json.WriteString("type", "object");
        json.WriteStartObject("properties");
        foreach (var key in Labels.LabelKeys.Shipped.All.Where(k => k.ListLength is null))
        {
            json.WriteStartObject(key.Name);
            json.WriteString("description", key.Placeholders.Count == 0
                ? "A text, without placeholders."
                : $"A text; its placeholders: {string.Join(", ", key.Placeholders.Select(p => "{" + p + "}"))}" + (key.Plural ? ". Or its plural forms: { one: \"1 …\", other: \"{count} …\" }." : "."));
            if (key.Plural)
            {
                // The same as any other key's: a text, or plural forms.
                json.WriteString("$ref", "#/properties/labels/additionalProperties");
            }
            else
            {
                json.WriteString("type", "string");
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteStartObject("additionalProperties");
        WriteTextOrForms(json);
        json.WriteEndObject();
    }

    private static void WriteTextOrForms(Utf8JsonWriter json)
    {
        json.WriteStartArray("anyOf");
        json.WriteStartObject();
        json.WriteString("type", "string");
        json.WriteEndObject();
        json.WriteStartObject();
        json.WriteString("type", "object");
        json.WriteStartObject("properties");
        foreach (var form in Labels.PluralRules.Categories)
        {
            json.WriteStartObject(form);
            json.WriteString("type", "string");
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteBoolean("additionalProperties", false);
        json.WriteEndObject();
        json.WriteEndArray();
    }
}
