namespace Pstm.Diagnostics.Tests;

public class TextDiagnosticFormatterTests
{
    private static readonly Diagnostic UnknownMission = new(
        "PSTM0203", Severity.Error, new SourceSpan("plan/drivers.yaml", 2, 16, 2, 18),
        "driver D5 serves unknown mission 'M9'. Did you mean 'M3'?", "the missions are M1, M2, M3");

    private sealed class Lines(params string[] lines) : ISourceLines
    {
        public string? GetLine(string file, int line) => line <= lines.Length ? lines[line - 1] : null;
    }

    [Fact]
    public void Plain_format_is_file_line_column_severity_code_message_then_hint()
    {
        var text = new TextDiagnosticFormatter().Format(UnknownMission);

        Assert.Equal(
            "plan/drivers.yaml(2,16): error PSTM0203: driver D5 serves unknown mission 'M9'. Did you mean 'M3'?\n" +
            "  hint: the missions are M1, M2, M3",
            text);
    }

    [Fact]
    public void On_a_terminal_the_source_line_is_shown_with_carets_under_the_span()
    {
        var sources = new Lines("  - id: D5", "    missions: [M9]");

        var text = new TextDiagnosticFormatter(sources, showSource: true).Format(UnknownMission);

        Assert.Equal(
            "plan/drivers.yaml(2,16): error PSTM0203: driver D5 serves unknown mission 'M9'. Did you mean 'M3'?\n" +
            " 2 |     missions: [M9]\n" +
            "   |                ^^\n" +
            "     = hint: the missions are M1, M2, M3",
            text);
    }

    [Fact]
    public void A_span_over_several_lines_is_underlined_to_the_end_of_its_first_line()
    {
        var diagnostic = UnknownMission with { Span = new SourceSpan("f", 1, 3, 4, 1), Hint = null };

        var text = new TextDiagnosticFormatter(new Lines("- id: D8"), showSource: true).Format(diagnostic);

        Assert.EndsWith(" 1 | - id: D8\n   |   ^^^^^^", text);
    }

    [Fact]
    public void Colour_is_used_only_when_asked_for()
    {
        Assert.DoesNotContain("\u001b[", new TextDiagnosticFormatter().Format(UnknownMission));
        Assert.Contains("\u001b[31merror PSTM0203\u001b[0m", new TextDiagnosticFormatter(useColor: true).Format(UnknownMission));
    }

    [Fact]
    public void A_diagnostic_about_a_whole_file_has_no_position()
    {
        var diagnostic = new Diagnostic("PSTM0002", Severity.Error, SourceSpan.ForFile("plan/plan.yaml"), "missing");

        Assert.Equal("plan/plan.yaml: error PSTM0002: missing", new TextDiagnosticFormatter().Format(diagnostic));
    }

    [Fact]
    public void Control_characters_of_the_input_are_printed_as_escapes_never_raw()
    {
        // Given a message, hint and file name holding what a terminal or a CI runner would obey
        var diagnostic = new Diagnostic(
            "PSTM0202", Severity.Error, new SourceSpan("plan/\u001b]0;x\u0007.yaml", 1, 1, 1, 2),
            "'M1\u001b[31m' is not valid\n::add-mask::secret", "a hint\u009b2J\r\n::error file=README.md::x");

        // When
        var text = new TextDiagnosticFormatter().Format(diagnostic);

        // Then: the diagnostic is its two lines, the controls shown as escapes
        Assert.Equal(
            "plan/\\u001B]0;x\\u0007.yaml(1,1): error PSTM0202: 'M1\\u001B[31m' is not valid\\n::add-mask::secret\n" +
            "  hint: a hint\\u009B2J\\u000D\\n::error file=README.md::x",
            text);
    }

    [Fact]
    public void A_source_line_with_a_control_character_is_shown_escaped_with_the_carets_under_the_escape()
    {
        var diagnostic = new Diagnostic("PSTM0110", Severity.Error, new SourceSpan("c.yaml", 1, 12, 1, 13), "a control character");

        var text = new TextDiagnosticFormatter(new Lines("title: Mobi\u009b31m"), showSource: true).Format(diagnostic);

        Assert.Equal(
            "c.yaml(1,12): error PSTM0110: a control character\n" +
            " 1 | title: Mobi\\u009B31m\n" +
            "   |            ^^^^^^",
            text);
    }

    [Theory]
    [InlineData(0, 0, 0, "0 errors, 0 warnings")]
    [InlineData(1, 1, 0, "1 error, 1 warning")]
    [InlineData(2, 3, 1, "2 errors, 3 warnings, 1 info")]
    public void Summary_counts_with_plurals(int errors, int warnings, int infos, string expected) =>
        Assert.Equal(expected, TextDiagnosticFormatter.Summary(errors, warnings, infos));
}
