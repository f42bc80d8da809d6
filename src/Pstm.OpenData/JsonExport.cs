using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pstm.OpenData;

/// <summary>An edition as one JSON document, which names its JSON Schema (2020-12) in <c>$schema</c>.</summary>
public static class JsonExport
{
    public const string FileName = "plan.json";
    public const string SchemaFileName = "plan-export.schema.json";

    /// <summary>The published JSON Schema of <see cref="FileName"/>, as pstm ships it.</summary>
    public static string Schema { get; } = ReadSchema();

    public static string Write(OpenDataEdition data)
    {
        using var stream = new MemoryStream();
        var options = new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",

            // Accented letters stay readable; the file is served as JSON, never inlined in HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using (var json = new Utf8JsonWriter(stream, options))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaFileName);
            WriteEdition(json, data.Edition);

            json.WriteStartArray("missions");
            foreach (var mission in data.Missions)
            {
                json.WriteStartObject();
                json.WriteString("id", mission.Id);
                json.WriteNumber("number", mission.Number);
                json.WriteString("title", mission.Title);
                json.WriteString("title_markdown", mission.TitleMarkdown);
                Ids(json, "objectives", mission.Objectives);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("objectives");
            foreach (var objective in data.Objectives)
            {
                json.WriteStartObject();
                json.WriteString("id", objective.Id);
                json.WriteString("mission", objective.Mission);
                json.WriteNumber("position", objective.Position);
                json.WriteString("text", objective.Text);
                json.WriteString("text_markdown", objective.TextMarkdown);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("drivers");
            foreach (var driver in data.Drivers)
            {
                json.WriteStartObject();
                json.WriteString("id", driver.Id);
                json.WriteNumber("number", driver.Number);
                json.WriteString("name", driver.Name);
                json.WriteString("name_markdown", driver.NameMarkdown);
                json.WriteString("subtitle", driver.Subtitle);
                json.WriteString("subtitle_markdown", driver.SubtitleMarkdown);
                json.WriteString("description", driver.Description);
                json.WriteString("description_markdown", driver.DescriptionMarkdown);
                Ids(json, "missions", driver.Missions);
                Ids(json, "objectives", driver.Objectives);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("links");
            foreach (var link in data.Links)
            {
                json.WriteStartObject();
                json.WriteString("driver", link.Driver);
                json.WriteString("kind", link.Kind);
                json.WriteString("target", link.Target);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteEdition(Utf8JsonWriter json, EditionInfo edition)
    {
        json.WriteStartObject("edition");
        json.WriteString("plan_id", edition.PlanId);
        json.WriteString("locale", edition.Locale);
        json.WriteString("source_language", edition.SourceLanguage);
        json.WriteString("date", edition.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("title", edition.Title);
        json.WriteString("title_markdown", edition.TitleMarkdown);
        json.WriteString("subtitle", edition.Subtitle);
        json.WriteString("short_title", edition.ShortTitle);
        json.WriteString("entity", edition.Entity);
        json.WriteString("series", edition.Series);
        json.WriteStartObject("period");
        json.WriteNumber("from", edition.Period.From);
        json.WriteNumber("to", edition.Period.To);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Ids(Utf8JsonWriter json, string name, IReadOnlyList<string> ids)
    {
        json.WriteStartArray(name);
        foreach (var id in ids)
        {
            json.WriteStringValue(id);
        }

        json.WriteEndArray();
    }

    private static string ReadSchema()
    {
        using var stream = typeof(JsonExport).Assembly.GetManifestResourceStream(SchemaFileName)
            ?? throw new InvalidOperationException($"{SchemaFileName} is not embedded in {typeof(JsonExport).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
