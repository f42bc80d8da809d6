namespace Pstm.Cli.Tests;

public class CommandLineTests
{
    [Theory]
    [InlineData("validate --format xml")]
    [InlineData("validate --no-such-option")]
    [InlineData("valdate")]
    [InlineData("")]
    public void Wrong_usage_exits_with_2_and_says_why_on_stderr(string commandLine)
    {
        var (exitCode, _, error) = CliRunner.Run(commandLine);

        Assert.Equal(ExitCodes.Usage, exitCode);
        if (commandLine.Length > 0)
        {
            Assert.StartsWith("pstm: ", error);
        }
    }

    [Fact]
    public void A_misspelt_command_gets_a_suggestion()
    {
        var (_, _, error) = CliRunner.Run("valdate");

        Assert.Contains("Did you mean 'pstm validate'?", error);
    }

    [Theory]
    [InlineData("build --lokale en", "--locale")]
    [InlineData("validate plan --warnings-as-error", "--warnings-as-errors")]
    [InlineData("build plan --templatse=my-theme", "--templates")]
    public void A_misspelt_option_gets_a_suggestion(string commandLine, string suggestion)
    {
        var (exitCode, _, error) = CliRunner.Run(commandLine);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains($"Did you mean '{suggestion}'?", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_option_far_from_every_known_one_gets_no_suggestion()
    {
        var (_, _, error) = CliRunner.Run("build --zzzzzzzzzz");

        Assert.DoesNotContain("Did you mean", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_commands_and_examples()
    {
        var (exitCode, output, _) = CliRunner.Run("--help");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("validate", output);
        Assert.Contains("Examples:", output);
    }

    [Fact]
    public void Command_help_shows_its_options_and_examples()
    {
        var (exitCode, output, _) = CliRunner.Run("validate --help");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("--format <text|json|github|sarif>", output);
        Assert.Contains("--warnings-as-errors", output);
        Assert.Contains("pstm validate --format json", output);
    }

    [Fact]
    public void Version_prints_the_version()
    {
        var (exitCode, output, _) = CliRunner.Run("--version");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", output.Trim());
    }

    [Fact]
    public void As_a_process_validate_reads_plan_in_the_working_folder_by_default()
    {
        var (exitCode, output, error) = CliRunner.RunProcess(CliRunner.RepositoryRoot, "validate");

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains("plan/drivers.yaml(", output);
    }

    [Fact]
    public void As_a_process_an_invalid_plan_exits_with_1()
    {
        var (exitCode, output, _) = CliRunner.RunProcess(CliRunner.RepositoryRoot, "validate", CliRunner.PlanCase("PSTM0101-yaml-syntax"));

        Assert.Equal(1, exitCode);
        Assert.Contains("error PSTM0101", output);
    }
}
