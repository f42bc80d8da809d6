using System.Text;
using System.Text.Json;
using Json.Schema;
using Pstm.Diagnostics;
using Pstm.Plan;
using Pstm.Plan.Model;
using Pstm.Plan.Text;

namespace Pstm.OpenData.Tests;

/// <summary>The shipped plan as open data: golden files, the schema, and the CSV files read back.</summary>
public class ExportTests
{
    private static readonly DateOnly Date = new(2025, 6, 13);

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(JsonExport.Schema));

    private static string ShippedPlan => Path.Combine(Golden.RepositoryRoot, "plan");

    private static StrategicPlan Plan()
    {
        var check = PlanCheck.Run(ShippedPlan);
        Assert.False(check.HasErrors);
        return check.Plan!;
    }

    private static OpenDataEdition Edition(string locale)
    {
        var diagnostics = new DiagnosticBag();
        var edition = OpenDataEdition.Of(Plan(), ShippedPlan, locale, Date, diagnostics);
        Assert.False(diagnostics.HasErrors);
        return edition;
    }

    [Theory]
    [InlineData("it")]
    [InlineData("en")]
    public void The_shipped_plan_exports_as_its_golden_json(string locale) =>
        Golden.Verify(Path.Combine(Golden.ProjectDirectory, "Golden", locale, JsonExport.FileName), JsonExport.Write(Edition(locale)));

    [Theory]
    [InlineData("it")]
    [InlineData("en")]
    public void The_shipped_plan_exports_as_its_golden_csv_files(string locale)
    {
        var files = CsvExport.Write(Edition(locale));
        Assert.Equal([CsvExport.MissionsFile, CsvExport.ObjectivesFile, CsvExport.ActionsFile, CsvExport.DriversFile, CsvExport.LinksFile], files.Select(f => f.Name));
        foreach (var (name, text) in files)
        {
            Golden.Verify(Path.Combine(Golden.ProjectDirectory, "Golden", locale, name), text);
        }
    }

    [Theory]
    [InlineData("it")]
    [InlineData("en")]
    public void The_exported_json_is_valid_against_the_published_schema(string locale)
    {
        var json = JsonExport.Write(Edition(locale));
        var result = Schema.Value.Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", result.Details?.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")) ?? []));
    }

    [Fact]
    public void The_schema_rejects_a_document_that_breaks_it()
    {
        var json = JsonExport.Write(Edition("it")).Replace("\"kind\": \"mission\"", "\"kind\": \"chapter\"");
        Assert.False(Schema.Value.Evaluate(JsonDocument.Parse(json).RootElement).IsValid);
    }

    [Fact]
    public void The_published_schema_is_a_2020_12_schema_that_describes_plan_json()
    {
        using var schema = JsonDocument.Parse(JsonExport.Schema);
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.RootElement.GetProperty("$schema").GetString());
        Assert.Equal(JsonExport.SchemaFileName, schema.RootElement.GetProperty("$id").GetString());
    }

    [Theory]
    [InlineData("it")]
    [InlineData("en")]
    public void Every_objective_of_the_plan_is_in_objectives_csv_with_its_text_exactly(string locale)
    {
        var edition = Edition(locale);
        var source = locale == "it" ? Plan() : null;
        var rows = Read(CsvExport.Write(edition).Single(f => f.Name == CsvExport.ObjectivesFile).Text);

        Assert.Equal(35, rows.Count);
        Assert.Equal(edition.Objectives.Select(o => o.Id), rows.Select(r => r["id"]));
        foreach (var row in rows)
        {
            Assert.Equal("psttm-2025-2027", row["plan"]);
            Assert.Equal(locale, row["locale"]);
            Assert.Equal("2025-06-13", row["edition_date"]);
        }

        if (source is not null)
        {
            foreach (var objective in source.Objectives)
            {
                var row = Assert.Single(rows, r => r["id"] == objective.Id.Value);
                Assert.Equal(objective.Text, row["text_markdown"]);
                Assert.Equal(objective.MissionId, row["mission"]);
                Assert.Equal(objective.Text.Replace("**", ""), row["text"]);
            }
        }
        else
        {
            Assert.Contains(rows, r => r["id"] == "M1.1" && r["text_markdown"] == "Support the **digital transition**" && r["text"] == "Support the digital transition");
        }
    }

    [Fact]
    public void The_csv_files_are_rfc_4180_utf8_without_a_byte_order_mark()
    {
        using var folder = new TemporaryFolder("pstm-export-");
        ExportFiles.Write(folder.Path, CsvExport.Write(Edition("it")));
        foreach (var file in Directory.GetFiles(folder.Path, "*.csv"))
        {
            var bytes = File.ReadAllBytes(file);
            Assert.False(bytes.AsSpan().StartsWith("\uFEFF"u8), $"{Path.GetFileName(file)} starts with a byte-order mark");
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            Assert.EndsWith("\r\n", text);
            Assert.DoesNotContain("\n", text.Replace("\r\n", ""));
        }

        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp", SearchOption.AllDirectories));
        Assert.Contains("Città", File.ReadAllText(Path.Combine(folder.Path, CsvExport.DriversFile), Encoding.UTF8));
    }

    [Fact]
    public void Links_are_every_mission_a_driver_serves_and_every_objective_it_cites()
    {
        var plan = Plan();
        var edition = Edition("it");
        var expected = plan.Drivers.SelectMany(d => d.Missions.Select(m => (d.Id.Value, "mission", m.Value)).Concat(d.Objectives.Select(o => (d.Id.Value, "objective", o.Value))));
        Assert.Equal(expected, edition.Links.Select(l => (l.Driver, l.Kind, l.Target)));
        var rows = Read(CsvExport.Write(edition).Single(f => f.Name == CsvExport.LinksFile).Text);
        Assert.Equal(expected, rows.Select(r => (r["driver"], r["kind"], r["target"])));
    }

    [Fact]
    public void A_text_not_written_yet_is_null_in_json_and_empty_in_csv()
    {
        var edition = Edition("it");
        var d8 = Assert.Single(edition.Drivers, d => d.Id == "D8");
        Assert.Null(d8.Subtitle);
        using var json = JsonDocument.Parse(JsonExport.Write(edition));
        var driver = json.RootElement.GetProperty("drivers").EnumerateArray().Single(d => d.GetProperty("id").GetString() == "D8");
        Assert.Equal(JsonValueKind.Null, driver.GetProperty("subtitle").ValueKind);
        var row = Read(CsvExport.Write(edition).Single(f => f.Name == CsvExport.DriversFile).Text).Single(r => r["id"] == "D8");
        Assert.Equal("", row["subtitle"]);
        Assert.Equal("", row["description_markdown"]);
    }

    [Theory]
    [InlineData("**Bold**, then \"quoted\"\nand a new line", "Bold, then \"quoted\" and a new line")]
    [InlineData("1. not a list", "1. not a list")]
    [InlineData("# not a heading", "# not a heading")]
    [InlineData("<script>alert(1)</script> & co", "<script>alert(1)</script> & co")]
    [InlineData("a [link](https://example.org) and `code`", "a link and code")]
    [InlineData("escaped \\*stars\\*", "escaped *stars*")]
    [InlineData("para one\n\npara two", "para one\n\npara two")]
    public void Plain_text_drops_markdown_marks_only(string markdown, string plain) =>
        Assert.Equal(plain, PlainText.Of(markdown));

    /// <summary>A text a hostile or careless editor may write: every character CSV and JSON must protect.</summary>
    public const string Hostile = "Città, \"quoted\" <script>alert('x')</script>\r\nline two\nline three; ünïcödé 🚲 \u200F ,\"\"";

    [Fact]
    public void A_hostile_text_round_trips_through_csv_and_json()
    {
        var plan = Plan();
        var objective = plan.Missions[0].Objectives[0] with { Text = Hostile };
        var mission = plan.Missions[0] with { Title = Hostile, Objectives = [objective, .. plan.Missions[0].Objectives.Skip(1)] };
        var hostile = plan with { Missions = [mission, .. plan.Missions.Skip(1)], Drivers = [plan.Drivers[0] with { Description = Hostile }] };
        var edition = OpenDataEdition.Of(hostile, "it", "it", Date);

        var files = CsvExport.Write(edition).ToDictionary(f => f.Name, f => f.Text);
        Assert.Equal(Hostile, Read(files[CsvExport.ObjectivesFile])[0]["text_markdown"]);
        Assert.Equal(Hostile, Read(files[CsvExport.MissionsFile])[0]["title_markdown"]);
        Assert.Equal(Hostile, Read(files[CsvExport.DriversFile])[0]["description_markdown"]);
        Assert.Equal(edition.Objectives[0].Text, Read(files[CsvExport.ObjectivesFile])[0]["text"]);
        Assert.Equal(35, Read(files[CsvExport.ObjectivesFile]).Count);

        using var json = JsonDocument.Parse(JsonExport.Write(edition));
        Assert.Equal(Hostile, json.RootElement.GetProperty("objectives")[0].GetProperty("text_markdown").GetString());
        Assert.Equal(Hostile, json.RootElement.GetProperty("missions")[0].GetProperty("title_markdown").GetString());
        Assert.Equal(Hostile, json.RootElement.GetProperty("drivers")[0].GetProperty("description_markdown").GetString());
        Assert.True(Schema.Value.Evaluate(json.RootElement).IsValid);
    }

    /// <summary>Each row as a dictionary from the header's names, read by the CSV library itself.</summary>
    [Fact]
    public void A_plans_codes_colours_objective_titles_bodies_and_actions_are_exported()
    {
        var folder = Path.Combine(Golden.RepositoryRoot, "tests", "Pstm.Plan.Tests", "Cases", "valid-codes-colours-and-actions", "plan");
        var check = PlanCheck.Run(folder);
        Assert.False(check.HasErrors);
        var edition = OpenDataEdition.Of(check.Plan!, "it", "it", Date);
        var files = CsvExport.Write(edition).ToDictionary(f => f.Name, f => Read(f.Text));

        var actions = files[CsvExport.ActionsFile];
        Assert.Equal(["A1.1.a", "A1.1.b"], actions.Select(a => a["id"]));
        Assert.All(actions, a => Assert.Equal("A1.1", a["objective"]));
        Assert.Equal(["1", "2"], actions.Select(a => a["position"]));
        Assert.Equal(["Az. 1", ""], actions.Select(a => a["code"]));
        Assert.Equal("Sportello digitale per le imprese", actions[0]["text"]);
        var objective = files[CsvExport.ObjectivesFile][0];
        Assert.Equal(("OS 1.1", "Imprese digitali", "2"), (objective["code"], objective["title"], objective["action_count"]));
        Assert.Equal("Il primo paragrafo spiega l'obiettivo.\n\nIl secondo paragrafo dice come.", objective["body_markdown"]);
        Assert.Equal("0", files[CsvExport.ObjectivesFile][1]["action_count"]);
        Assert.Equal(("Asse 1", "#0b5394"), (files[CsvExport.MissionsFile][0]["code"], files[CsvExport.MissionsFile][0]["color"]));
        Assert.Equal("DS1", files[CsvExport.DriversFile][0]["code"]);

        var json = JsonExport.Write(edition);
        Assert.True(Schema.Value.Evaluate(JsonDocument.Parse(json).RootElement).IsValid);
        Assert.Contains("\"actions\": [\n        \"A1.1.a\",\n        \"A1.1.b\"\n      ]", json);
    }

    private static List<Dictionary<string, string>> Read(string csv)
    {
        using var reader = CsvHelper.CsvReader.FromText(csv);
        reader.ReadHeader();
        var headers = reader.Headers.ToList();
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            Assert.Equal(headers.Count, reader.FieldCount);
            rows.Add(headers.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => reader.GetString(x.i)));
        }

        return rows;
    }
}
