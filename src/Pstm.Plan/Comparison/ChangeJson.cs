using System.Text.Json;

namespace Pstm.Plan.Comparison;

/// <summary>The changes between two editions as JSON (<c>pstm diff --format json</c>): every change, its words, and the summary.</summary>
public static class ChangeJson
{
    /// <summary>Writes the members <c>changes</c> and <c>summary</c> into the object being written.</summary>
    public static void Write(Utf8JsonWriter json, IReadOnlyList<PlanChange> changes)
    {
        json.WriteStartArray("changes");
        foreach (var change in changes)
        {
            json.WriteStartObject();
            json.WriteString("item", change.Item);
            json.WriteString("id", change.Id);
            json.WriteString("kind", change.Kind.ToString().ToLowerInvariant());
            json.WriteString("field", change.Field);
            json.WriteString("before", change.Before);
            json.WriteString("after", change.After);
            if (change.Words is { } words)
            {
                json.WriteStartArray("words");
                foreach (var run in words)
                {
                    json.WriteStartObject();
                    json.WriteString("kind", run.Kind.ToString().ToLowerInvariant());
                    json.WriteString("text", run.Text);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("summary", ChangeText.Summary(changes));
    }
}
