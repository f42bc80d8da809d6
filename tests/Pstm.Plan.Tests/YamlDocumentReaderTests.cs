using Pstm.Diagnostics;
using Pstm.Plan.Yaml;

namespace Pstm.Plan.Tests;

public class YamlDocumentReaderTests
{
    [Fact]
    public void Nodes_keep_one_based_lines_and_columns()
    {
        var diagnostics = new DiagnosticBag();

        var root = YamlDocumentReader.Read("f.yaml", "a: 1\nlist:\n  - x\n  - { k: v }\n", diagnostics);

        var mapping = Assert.IsType<YamlMapping>(root);
        var list = Assert.IsType<YamlSequence>(mapping.Find("list")!.Value);
        Assert.Equal(new SourceSpan("f.yaml", 3, 5, 3, 6), list.Items[0].Span);
        var flow = Assert.IsType<YamlMapping>(list.Items[1]);
        Assert.Equal((4, 5), (flow.Span.StartLine, flow.Span.StartColumn));
        Assert.Equal(0, diagnostics.Count);
    }

    [Fact]
    public void Every_duplicate_key_is_reported_and_reading_goes_on()
    {
        var diagnostics = new DiagnosticBag();

        var root = YamlDocumentReader.Read("f.yaml", "a: 1\nb: 2\na: 3\nb: 4\nc: 5\n", diagnostics);

        var mapping = Assert.IsType<YamlMapping>(root);
        Assert.Equal(["a", "b", "c"], mapping.Entries.Select(e => e.Key.Value));
        Assert.Equal("1", ((YamlScalar)mapping.Find("a")!.Value).Value);
        Assert.Equal([3, 4], diagnostics.ToSortedList().Where(d => d.Code == "PSTM0104").Select(d => d.Span.StartLine));
    }

    [Fact]
    public void An_alias_reads_the_anchored_value()
    {
        var diagnostics = new DiagnosticBag();

        var root = (YamlMapping)YamlDocumentReader.Read("f.yaml", "a: &x hello\nb: *x\n", diagnostics)!;

        Assert.Equal("hello", ((YamlScalar)root.Find("b")!.Value).Value);
    }

    [Theory]
    [InlineData("a: \"\\e[31m\"\n", 0x1B)]
    [InlineData("a: \"\\a\"\n", 0x07)]
    [InlineData("a: \"\\x7f\"\n", 0x7F)]
    [InlineData("a: \"\\u009b\"\n", 0x9B)]
    [InlineData("a: \"\\N\"\n", 0x85)]
    [InlineData("a: \"\\L\"\n", 0x2028)]
    [InlineData("a: \"\\P\"\n", 0x2029)]
    [InlineData("a: \"x\\ry\"\n", 0x0D)]
    [InlineData("a: \"\\0\"\n", 0x00)]
    [InlineData("\"\\e\": 1\n", 0x1B)]
    public void A_control_character_written_as_an_escape_is_reported_at_its_value(string yaml, int codePoint)
    {
        var diagnostics = new DiagnosticBag();

        YamlDocumentReader.Read("f.yaml", yaml, diagnostics);

        var error = Assert.Single(diagnostics.ToSortedList());
        Assert.Equal("PSTM0110", error.Code);
        Assert.Equal((1, yaml.StartsWith('"') ? 1 : 4), (error.Span.StartLine, error.Span.StartColumn));
        Assert.Contains($"U+{codePoint:X4}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a: |\r\n  one\r\n  two\r\nb: \"x\r\n  y\"\r\n")]
    [InlineData("a: \"tab\\tand\\nbreak\"\nb: \"\u00e0 \u202E\u202C \u200F\"\n")]
    public void Tabs_line_breaks_and_lines_ended_by_crlf_are_no_control_characters(string yaml)
    {
        var diagnostics = new DiagnosticBag();

        YamlDocumentReader.Read("f.yaml", yaml, diagnostics);

        Assert.Equal(0, diagnostics.Count);
    }

    [Theory]
    [InlineData("a: [1, 2\nb: 3\n", "PSTM0103", 1, 4)]
    [InlineData("a: {x: 1\n", "PSTM0103", 1, 4)]
    [InlineData("a:\n  b: 1\n\tc: 2\n", "PSTM0102", 3, 1)]
    [InlineData("a: 'open\n", "PSTM0101", 1, 4)]
    public void Syntax_errors_are_located_where_the_editor_must_look(string text, string code, int line, int column)
    {
        var diagnostics = new DiagnosticBag();

        var root = YamlDocumentReader.Read("f.yaml", text, diagnostics);

        Assert.Null(root);
        var diagnostic = Assert.Single(diagnostics.ToSortedList());
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal((line, column), (diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
        Assert.NotNull(diagnostic.Hint);
    }

    [Fact]
    public void Tabs_inside_values_are_allowed()
    {
        var diagnostics = new DiagnosticBag();

        var root = YamlDocumentReader.Read("f.yaml", "key:\tvalue\nbody: |\n  a\tb\n", diagnostics);

        Assert.NotNull(root);
        Assert.Equal(0, diagnostics.Count);
    }

    // Each situation that breaks YAML's indentation or quoting, and what its diagnostic must tell the editor.
    [Theory]
    [InlineData("title: Fase 1: orientamenti\n", "PSTM0101", 1, 14, "must be quoted")]
    [InlineData("credits:\n  - role: a\n     name: b\n", "PSTM0101", 3, 6, "start 'name' in column 5, as the key above it")]
    [InlineData("title: a\n  b: c\n", "PSTM0101", 2, 3, "start 'b' in column 1")]
    [InlineData("p:\n  date: x\n   url: y\n", "PSTM0101", 3, 4, "start 'url' in column 3")]
    [InlineData("p:\n  date: \"x\"\n   url: y\n", "PSTM0101", 3, 4, "check the indentation")]
    [InlineData("p:\n  date: x\n url: y\n", "PSTM0101", 3, 2, "check the indentation")]
    [InlineData("c:\n  - role: a\n    name: b\n   - role: c\n", "PSTM0101", 4, 4, "check the indentation")]
    [InlineData("keywords:\n  - a\n   - b\n", "PSTM0112", 3, 4, "start its '-' in the same column as the items above")]
    [InlineData("keywords:\n- a\n  - b\n", "PSTM0112", 3, 3, "start its '-' in the same column as the items above")]
    [InlineData("title: \"Fase 1\n", "PSTM0101", 1, 8, "must end with the same quote")]
    public void An_indentation_or_quoting_mistake_gets_the_hint_for_its_situation(string yaml, string code, int line, int column, string hint)
    {
        var diagnostics = new DiagnosticBag();

        YamlDocumentReader.Read("f.yaml", yaml, diagnostics);

        var diagnostic = Assert.Single(diagnostics.ToSortedList());
        Assert.Equal((code, line, column), (diagnostic.Code, diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
        Assert.Contains(hint, diagnostic.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_over_several_lines_with_no_dash_starting_a_line_is_no_item_mistaken()
    {
        var diagnostics = new DiagnosticBag();

        var root = YamlDocumentReader.Read("f.yaml", "text: a long text\n  going on - with a dash\n  inside\nfolded: >\n  a\n  - b\n", diagnostics);

        Assert.Equal("a long text going on - with a dash inside", ((YamlScalar)((YamlMapping)root!).Find("text")!.Value).Value);
        Assert.Equal(0, diagnostics.Count);
    }
}
