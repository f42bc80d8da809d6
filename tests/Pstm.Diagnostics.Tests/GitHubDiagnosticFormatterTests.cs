namespace Pstm.Diagnostics.Tests;

public class GitHubDiagnosticFormatterTests
{
    [Fact]
    public void A_diagnostic_becomes_a_workflow_command_with_its_position_and_code()
    {
        var diagnostic = new Diagnostic("PSTM0203", Severity.Error, new SourceSpan("plan/drivers.yaml", 42, 17, 42, 19), "driver D5 serves unknown mission 'M9'", "the missions are M1, M2");

        Assert.Equal(
            "::error file=plan/drivers.yaml,line=42,col=17,endLine=42,endColumn=19,title=PSTM0203::driver D5 serves unknown mission 'M9'%0Athe missions are M1, M2",
            GitHubDiagnosticFormatter.Format(diagnostic));
    }

    [Theory]
    [InlineData(Severity.Warning, "::warning file=a.yaml,title=PSTM0008::x")]
    [InlineData(Severity.Info, "::notice file=a.yaml,title=PSTM0008::x")]
    public void Warnings_and_infos_use_their_own_commands(Severity severity, string expected) =>
        Assert.Equal(expected, GitHubDiagnosticFormatter.Format(new Diagnostic("PSTM0008", severity, SourceSpan.ForFile("a.yaml"), "x")));

    [Fact]
    public void Percent_signs_line_breaks_colons_and_commas_are_escaped_where_the_runner_needs_it()
    {
        var diagnostic = new Diagnostic("PSTM0101", Severity.Error, SourceSpan.ForFile("a:b,c.yaml"), "100% wrong\r\nagain");

        Assert.Equal("::error file=a%3Ab%2Cc.yaml,title=PSTM0101::100%25 wrong%0D%0Aagain", GitHubDiagnosticFormatter.Format(diagnostic));
    }

    [Fact]
    public void A_message_or_file_that_tries_to_start_a_workflow_command_stays_on_the_diagnostic_s_one_line()
    {
        // Given texts that a runner would obey if any of them started a line of their own
        var diagnostic = new Diagnostic(
            "PSTM0202", Severity.Error, SourceSpan.At("plan/x\n::add-mask::f.yaml", 3, 5),
            "title\n::add-mask::secret %0A::error file=README.md::owned \u001b[31m \u0085::warning::x \u2028::notice::y",
            "hint\r::set-output name=a::b");

        // When
        var line = GitHubDiagnosticFormatter.Format(diagnostic);

        // Then
        Assert.Equal(
            "::error file=plan/x%0A%3A%3Aadd-mask%3A%3Af.yaml,line=3,col=5,endLine=3,endColumn=6,title=PSTM0202::" +
            "title%0A::add-mask::secret %250A::error file=README.md::owned \\u001B[31m \\u0085::warning::x \\u2028::notice::y" +
            "%0Ahint%0D::set-output name=a::b",
            line);
        Assert.DoesNotContain(line, c => c is '\r' or '\n' || PrintableText.IsActedOn(c));
    }
}
