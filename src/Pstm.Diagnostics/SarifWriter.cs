using System.Text.Json;

namespace Pstm.Diagnostics;

/// <summary>
/// Writes diagnostics as a SARIF 2.1.0 log: one run whose tool lists every code pstm has as a rule
/// (id, title, documentation, default level), and one result per diagnostic with its level and region.
/// </summary>
public static class SarifWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static void Write(Utf8JsonWriter json, SarifTool tool, IReadOnlyList<DiagnosticDescriptor> rules, IEnumerable<Diagnostic> diagnostics)
    {
        var ruleIndex = rules.Select((rule, index) => (rule.Code, index)).ToDictionary(r => r.Code, r => r.index, StringComparer.Ordinal);
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "pstm");
        json.WriteString("version", tool.Version);
        if (tool.InformationUri is { } information)
        {
            json.WriteString("informationUri", information.AbsoluteUri);
        }

        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Code);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Title);
            json.WriteEndObject();
            if (tool.HelpUri(rule.Code) is { } help)
            {
                json.WriteString("helpUri", help.AbsoluteUri);
            }

            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(rule.Severity));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartArray("results");
        foreach (var diagnostic in diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", diagnostic.Code);
            if (ruleIndex.TryGetValue(diagnostic.Code, out var index))
            {
                json.WriteNumber("ruleIndex", index);
            }

            json.WriteString("level", Level(diagnostic.Severity));
            json.WriteStartObject("message");
            json.WriteString("text", diagnostic.Hint is null ? diagnostic.Message : $"{diagnostic.Message}. Hint: {diagnostic.Hint}");
            json.WriteEndObject();
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", diagnostic.Span.File);
            json.WriteEndObject();
            if (diagnostic.Span.HasPosition)
            {
                json.WriteStartObject("region");
                json.WriteNumber("startLine", diagnostic.Span.StartLine);
                json.WriteNumber("startColumn", diagnostic.Span.StartColumn);
                json.WriteNumber("endLine", diagnostic.Span.EndLine);
                json.WriteNumber("endColumn", diagnostic.Span.EndColumn);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };
}
