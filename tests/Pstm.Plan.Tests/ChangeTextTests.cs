using System.Text;
using System.Text.Json;
using Pstm.Plan.Comparison;

namespace Pstm.Plan.Tests;

public class ChangeTextTests
{
    [Fact]
    public void Each_kind_of_change_reads_as_one_line_that_says_what_which_and_how()
    {
        Assert.Equal("objective M1.9 added: Nuovo", ChangeText.Line(new PlanChange("objective", "M1.9", ChangeKind.Added, null, null, "Nuovo")));
        Assert.Equal("driver D3 removed: Vecchio", ChangeText.Line(new PlanChange("driver", "D3", ChangeKind.Removed, null, "Vecchio", null)));
        Assert.Equal("objective M2.9 renamed from M1.4", ChangeText.Line(new PlanChange("objective", "M2.9", ChangeKind.Renamed, "id", "M1.4", "M2.9")));
        Assert.Equal("mission M2 renumbered: 2 → 3", ChangeText.Line(new PlanChange("mission", "M2", ChangeKind.Renumbered, "number", "2", "3")));
        Assert.Equal("objective M1.2 moved: from M1 to M2", ChangeText.Line(new PlanChange("objective", "M1.2", ChangeKind.Moved, "mission", "M1", "M2")));
        Assert.Equal(
            "driver D1 relinked missions: +M4, -M2",
            ChangeText.Line(new PlanChange("driver", "D1", ChangeKind.Relinked, "missions", "M2", "M4") { Linked = ["M4"], Unlinked = ["M2"] }));
        Assert.Equal(
            "mission M1 reworded title: Digitale [-e-]{+ed+} innovativa",
            ChangeText.Line(new PlanChange("mission", "M1", ChangeKind.Reworded, "title", "Digitale e innovativa", "Digitale ed innovativa", WordDiff.Between("Digitale e innovativa", "Digitale ed innovativa"))));
    }

    [Fact]
    public void A_line_break_or_control_character_in_a_text_is_shown_as_an_escape_never_as_it_is()
    {
        var line = ChangeText.Line(new PlanChange("chapter", "C1", ChangeKind.Added, null, null, "Uno\nDue\u001b[31m"));

        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\u001b', line);
        Assert.StartsWith("chapter C1 added: Uno", line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_counts_each_kind_in_the_order_of_the_kinds()
    {
        PlanChange[] changes =
        [
            new("objective", "M1.4", ChangeKind.Removed, null, "x", null),
            new("objective", "M1.5", ChangeKind.Added, null, null, "y"),
            new("objective", "M1.6", ChangeKind.Added, null, null, "z"),
        ];

        Assert.Equal("no changes", ChangeText.Summary([]));
        Assert.Equal("1 change: 1 removed", ChangeText.Summary(changes[..1]));
        Assert.Equal("3 changes: 2 added, 1 removed", ChangeText.Summary(changes));
    }

    [Fact]
    public void As_json_each_change_keeps_its_fields_and_words_and_the_summary_follows()
    {
        var change = new PlanChange("mission", "M1", ChangeKind.Reworded, "title", "a b", "a c", WordDiff.Between("a b", "a c"));
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            ChangeJson.Write(json, [change]);
            json.WriteEndObject();
        }

        var document = JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray())).RootElement;
        var written = document.GetProperty("changes")[0];
        Assert.Equal(("mission", "M1", "reworded", "title"), (written.GetProperty("item").GetString(), written.GetProperty("id").GetString(), written.GetProperty("kind").GetString(), written.GetProperty("field").GetString()));
        Assert.Equal(("a b", "a c"), (written.GetProperty("before").GetString(), written.GetProperty("after").GetString()));
        var words = written.GetProperty("words").EnumerateArray().Select(w => (w.GetProperty("kind").GetString(), w.GetProperty("text").GetString())).ToList();
        Assert.Contains(("removed", "b"), words);
        Assert.Contains(("added", "c"), words);
        Assert.Equal("1 change: 1 reworded", document.GetProperty("summary").GetString());
    }
}
