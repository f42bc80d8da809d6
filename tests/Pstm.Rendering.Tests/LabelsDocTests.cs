using System.Text;
using Pstm.Diagnostics;
using Pstm.Plan.Yaml;

namespace Pstm.Rendering.Tests;

/// <summary>
/// The table of labels in docs/templates.md is generated from the shipped templates' strings/keys.yaml
/// and strings files: a key added, renamed or reworded without the table regenerated fails here.
/// PSTM_UPDATE_GOLDEN=1 rewrites the table between its markers.
/// </summary>
public class LabelsDocTests
{
    private const string Begin = "<!-- labels table: generated from templates/strings by LabelsDocTests (PSTM_UPDATE_GOLDEN=1) -->";
    private const string End = "<!-- end of labels table -->";

    [Fact]
    public void The_templates_doc_lists_every_label_key_with_its_placeholders_and_its_text_in_each_shipped_language()
    {
        var docPath = Path.Combine(TestPaths.RepositoryRoot, "docs", "templates.md");
        var doc = File.ReadAllText(docPath).Replace("\r\n", "\n");
        var start = doc.IndexOf(Begin, StringComparison.Ordinal);
        var end = doc.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/templates.md has no section between '{Begin}' and '{End}'");

        var expected = doc[..(start + Begin.Length)] + "\n" + Table() + doc[end..];
        if (Golden.Updating)
        {
            File.WriteAllText(docPath, expected);
            return;
        }

        Assert.Equal(expected, doc);
    }

    /// <summary>The table: one row per declared key, in the declaration's order.</summary>
    private static string Table()
    {
        var directory = Path.Combine(TestPaths.Templates, "strings");
        var keys = Mapping(Path.Combine(directory, "keys.yaml"));
        var languages = Directory.GetFiles(directory, "*.yaml").Select(Path.GetFileNameWithoutExtension).Where(n => n != "keys").Order(StringComparer.Ordinal).ToList();
        var texts = languages.ToDictionary(l => l!, l => Mapping(Path.Combine(directory, l + ".yaml")));

        var table = new StringBuilder();
        table.Append("| key | placeholders | ").AppendJoin(" | ", languages).Append(" |\n");
        table.Append("|---|---|").Append(string.Concat(languages.Select(_ => "---|"))).Append('\n');
        foreach (var entry in keys.Entries)
        {
            table.Append($"| `{entry.Key.Value}` | {Placeholders(entry.Value)} | ");
            table.AppendJoin(" | ", languages.Select(l => Text(texts[l!].Find(entry.Key.Value)?.Value)));
            table.Append(" |\n");
        }

        return table.ToString();
    }

    private static YamlMapping Mapping(string file)
    {
        var diagnostics = new DiagnosticBag();
        var mapping = YamlDocumentReader.Read(file, File.ReadAllText(file), diagnostics) as YamlMapping;
        Assert.Empty(diagnostics.ToSortedList());
        return mapping!;
    }

    private static string Placeholders(YamlNode declaration) => declaration switch
    {
        YamlSequence names => Names(names),
        YamlMapping fields => fields.Find("list") is { } list
            ? $"a list of {((YamlScalar)list.Value).Value}"
            : Names(fields.Find("placeholders")?.Value as YamlSequence) + (fields.Find("plural") is { Value: YamlScalar { Value: "true" } } ? ", plural forms" : ""),
        _ => "",
    };

    private static string Names(YamlSequence? names) =>
        names is null || names.Items.Count == 0 ? "" : string.Join(", ", names.Items.Cast<YamlScalar>().Select(n => $"`{{{n.Value}}}`"));

    private static string Text(YamlNode? node) => node switch
    {
        YamlScalar scalar => Code(scalar.Value),
        YamlSequence list => Code(string.Join(", ", list.Items.Cast<YamlScalar>().Select(i => i.Value))),
        YamlMapping forms => string.Join(" · ", forms.Entries.Select(f => $"{f.Key.Value}: {Code(((YamlScalar)f.Value).Value)}")),
        _ => "(missing)",
    };

    // A code span shows the text as it is, braces included; a pipe would end the cell.
    private static string Code(string text) => $"`{text.Replace("|", "\\|", StringComparison.Ordinal)}`";
}
