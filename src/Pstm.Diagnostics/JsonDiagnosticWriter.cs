using System.Text.Json;

namespace Pstm.Diagnostics;

/// <summary>Writes diagnostics as JSON objects with fixed field names (documented in docs/cli.md).</summary>
public static class JsonDiagnosticWriter
{
    public static void WriteDiagnostics(Utf8JsonWriter json, IEnumerable<Diagnostic> diagnostics)
    {
        json.WriteStartArray("diagnostics");
        foreach (var diagnostic in diagnostics)
        {
            Write(json, diagnostic);
        }

        json.WriteEndArray();
    }

    public static void WriteSummary(Utf8JsonWriter json, IReadOnlyCollection<Diagnostic> diagnostics)
    {
        json.WriteStartObject("summary");
        json.WriteNumber("errors", diagnostics.Count(d => d.Severity == Severity.Error));
        json.WriteNumber("warnings", diagnostics.Count(d => d.Severity == Severity.Warning));
        json.WriteNumber("infos", diagnostics.Count(d => d.Severity == Severity.Info));
        json.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter json, Diagnostic diagnostic)
    {
        json.WriteStartObject();
        json.WriteString("code", diagnostic.Code);
        json.WriteString("severity", diagnostic.Severity.ToName());
        json.WriteString("file", diagnostic.Span.File);
        if (diagnostic.Span.HasPosition)
        {
            json.WriteNumber("line", diagnostic.Span.StartLine);
            json.WriteNumber("column", diagnostic.Span.StartColumn);
            json.WriteNumber("endLine", diagnostic.Span.EndLine);
            json.WriteNumber("endColumn", diagnostic.Span.EndColumn);
        }

        json.WriteString("message", diagnostic.Message);
        if (diagnostic.Hint is not null)
        {
            json.WriteString("hint", diagnostic.Hint);
        }

        json.WriteEndObject();
    }
}
