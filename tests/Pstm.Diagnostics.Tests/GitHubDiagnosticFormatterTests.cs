using Pstm.Diagnostics;

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
}
