using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Pstm.Diagnostics;
using Pstm.Plan.Schema;
using Pstm.Plan.Yaml;

namespace Pstm.Plan.Tests;

/// <summary>The JSON Schemas are generated from the format's description, which matches the readers, and accept the shipped plan.</summary>
public partial class SchemaTests
{
    private static string Plan => Path.Combine(Golden.RepositoryRoot, "plan");

    [Fact]
    public void The_committed_schemas_are_what_pstm_generates()
    {
        var folder = Path.Combine(Plan, JsonSchemaWriter.Folder);
        Golden.Verify(Path.Combine(folder, JsonSchemaWriter.PlanSchemaFile), JsonSchemaWriter.PlanSchema());
        Golden.Verify(Path.Combine(folder, JsonSchemaWriter.ContentSchemaFile), JsonSchemaWriter.ContentSchema());
        Golden.Verify(Path.Combine(folder, JsonSchemaWriter.TranslationSchemaFile), JsonSchemaWriter.TranslationSchema());
    }

    public static TheoryData<string, string> Entities() => new()
    {
        { "chapters", "id: C1\n    number: 1\n    title: T" },
        { "process", "id: F1\n    number: 1\n    title: T\n    period: { from: 2024-10, to: 2024-11 }" },
        { "vision", "id: V\n    name: N\n    definition: D" },
        { "missions", "id: M1\n    number: 1\n    title: T" },
        { "drivers", "id: D1\n    number: 1\n    name: N" },
    };

    [Theory]
    [MemberData(nameof(Entities))]
    public void Each_entitys_fields_in_the_format_are_the_fields_its_reader_accepts(string section, string entity)
    {
        // Given an entity with a key no reader knows, the reader lists the keys it accepts.
        using var folder = new TemporaryFolder("pstm-schema-");
        File.WriteAllText(Path.Combine(folder.Path, "plan.yaml"),
            $"id: p\ntitle: T\nentity: E\nperiod: {{ from: 2025, to: 2027 }}\nlanguage: it\nzz_unknown: 1\n{section}:\n  - {entity}\n    zz_unknown: 1\n");

        var check = PlanCheck.Run(folder.Path, folder.Path);

        var hints = check.Diagnostics.Where(d => d.Code == "PSTM0301").Select(d => d.Hint!).ToList();
        var planKeys = KeyList().Match(hints[0]).Groups[1].Value.Split(", ");
        var entityKeys = KeyList().Match(hints[1]).Groups[1].Value.Split(", ");
        Assert.Equal(PlanFormat.PlanFile.Select(f => f.Key).Order(), planKeys.Order());
        var format = PlanFormat.Sections.Single(s => s.Key == section).Fields!;
        Assert.Equal(format.Select(f => f.Key).Order(), entityKeys.Order());
    }

    [Fact]
    public void Every_shipped_plan_file_starts_with_its_schema_and_is_valid_against_it()
    {
        foreach (var file in Directory.EnumerateFiles(Plan, "*.yaml", SearchOption.AllDirectories))
        {
            var firstLine = File.ReadLines(file).First();
            var match = Modeline().Match(firstLine);
            Assert.True(match.Success, $"{file} does not start with a yaml-language-server line");
            var schemaPath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, match.Groups[1].Value));
            var schema = JsonSchema.FromText(File.ReadAllText(schemaPath));

            var result = schema.Evaluate(Element(ToJson(file)), new EvaluationOptions { OutputFormat = OutputFormat.List });

            Assert.True(result.IsValid, $"{file}: " + string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Value}")).Take(3)));
        }
    }

    [Fact]
    public void The_schema_rejects_a_misspelt_key_and_a_wrong_type()
    {
        var schema = JsonSchema.FromText(JsonSchemaWriter.PlanSchema());
        var plan = JsonNode.Parse("""{ "id": "p", "title": "T", "entity": "E", "period": { "from": 2025, "to": 2027 }, "language": "it", "tittle": "x" }""");
        var wrongType = JsonNode.Parse("""{ "id": "p", "title": "T", "entity": "E", "period": { "from": "2025", "to": 2027 }, "language": "it" }""");

        Assert.False(schema.Evaluate(Element(plan)).IsValid);
        Assert.False(schema.Evaluate(Element(wrongType)).IsValid);
    }

    [Fact]
    public void The_schema_completes_the_label_keys_and_takes_plural_forms_of_the_CLDR_only()
    {
        var schema = JsonSchema.FromText(JsonSchemaWriter.PlanSchema());
        JsonNode? Plan(string labels) => JsonNode.Parse($$"""{ "id": "p", "title": "T", "entity": "E", "period": { "from": 2025, "to": 2027 }, "language": "it", "labels": {{labels}} }""");

        Assert.True(schema.Evaluate(Element(Plan("""{ "mission": "Asse", "drivers_heading": { "one": "1 direttrice", "other": "{count} direttrici" } }"""))).IsValid);
        Assert.False(schema.Evaluate(Element(Plan("""{ "drivers_heading": { "uno": "1 direttrice" } }"""))).IsValid);
        Assert.False(schema.Evaluate(Element(Plan("""{ "mission": { "one": "Asse" } }"""))).IsValid);
        Assert.Contains("\"mission_label\"", JsonSchemaWriter.PlanSchema());
    }

    private static System.Text.Json.JsonElement Element(JsonNode? node) =>
        System.Text.Json.JsonDocument.Parse(node?.ToJsonString() ?? "null").RootElement;

    /// <summary>A YAML file as JSON the way a YAML editor types it: plain integers and nulls become JSON's.</summary>
    private static JsonNode? ToJson(string file)
    {
        var root = YamlDocumentReader.Read(file, File.ReadAllText(file), new DiagnosticBag());
        return Convert(root);

        static JsonNode? Convert(YamlNode? node) => node switch
        {
            YamlMapping mapping => new JsonObject(mapping.Entries.Select(e => KeyValuePair.Create(e.Key.Value, Convert(e.Value)))),
            YamlSequence sequence => new JsonArray(sequence.Items.Select(Convert).ToArray()),
            YamlScalar { IsNull: true } => null,
            YamlScalar { IsPlain: true } scalar when long.TryParse(scalar.Value, out var number) => JsonValue.Create(number),
            YamlScalar scalar => JsonValue.Create(scalar.Value),
            _ => null,
        };
    }

    [GeneratedRegex("the keys it may have are: (.+)$")]
    private static partial Regex KeyList();

    [GeneratedRegex(@"^# yaml-language-server: \$schema=(\S+)$")]
    private static partial Regex Modeline();

    [Fact]
    public void A_chapters_sections_are_offered_as_the_kinds_a_chapter_may_hold_each_described()
    {
        var schema = JsonNode.Parse(JsonSchemaWriter.ContentSchema())!;
        var kinds = schema["properties"]!["chapters"]!["items"]!["properties"]!["sections"]!["items"]!["anyOf"]!.AsArray();

        Assert.Equal(["process", "vision", "missions", "drivers"], kinds.Select(k => (string)k!["const"]!));
        Assert.All(kinds, k => Assert.False(string.IsNullOrWhiteSpace((string?)k!["description"])));
        Assert.Equal(Loading.PlanSections.Names.Where(n => n != "chapters"), kinds.Select(k => (string)k!["const"]!));
    }
}
