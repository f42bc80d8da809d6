using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pstm.OpenData;

/// <summary>An edition as one JSON document, which names its JSON Schema (2020-12) in <c>$schema</c>.</summary>
public static class JsonExport
{
    public const string FileName = "plan.json";
    public const string SchemaFileName = "plan-export.schema.json";

    /// <summary>The published JSON Schema of <see cref="FileName"/>, as pstm ships it.</summary>
    public static string Schema { get; } = ReadSchema();

    // Accented letters stay readable; the file is served as JSON, never inlined in HTML.
    private static readonly JsonSerializerOptions Options = new(ExportJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(OpenDataEdition data) =>
        JsonSerializer.Serialize(
            new PlanDocument(SchemaFileName, data.Edition, data.Missions, data.Objectives, data.Actions, data.Drivers, data.Links),
            (System.Text.Json.Serialization.Metadata.JsonTypeInfo<PlanDocument>)Options.GetTypeInfo(typeof(PlanDocument))) + "\n";

    private static string ReadSchema()
    {
        using var stream = typeof(JsonExport).Assembly.GetManifestResourceStream(SchemaFileName)
            ?? throw new InvalidOperationException($"{SchemaFileName} is not embedded in {typeof(JsonExport).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

/// <summary>plan.json: the edition's records under the name of their schema.</summary>
internal sealed record PlanDocument(
    [property: JsonPropertyName("$schema")] string Schema,
    EditionInfo Edition,
    IReadOnlyList<MissionRecord> Missions,
    IReadOnlyList<ObjectiveRecord> Objectives,
    IReadOnlyList<ActionRecord> Actions,
    IReadOnlyList<DriverRecord> Drivers,
    IReadOnlyList<LinkRecord> Links);

// Field names as plan.yaml writes them (snake_case); nulls kept, so that a text not written yet reads as null.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true, NewLine = "\n")]
[JsonSerializable(typeof(PlanDocument))]
internal sealed partial class ExportJsonContext : JsonSerializerContext;
