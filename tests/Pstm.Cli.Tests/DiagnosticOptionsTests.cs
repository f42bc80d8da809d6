using System.CommandLine;
using System.Text.Json;
using Pstm.Cli.Commands;
using Pstm.Cli.Console;

namespace Pstm.Cli.Tests;

/// <summary>Every command that reports diagnostics takes the same options, and they mean the same everywhere.</summary>
public class DiagnosticOptionsTests
{
    // Their only output is their report: --format is the diagnostics' format there.
    private static readonly string[] ReportOnly = ["validate", "build", "serve", "release assemble", "release verify"];

    public static TheoryData<string> CommandsThatReport => new(
        "validate", "build", "serve", "export", "diff", "explain", "init", "schema", "i18n status", "i18n add", "i18n extract", "i18n import",
        "release assemble", "release verify");

    [Theory]
    [MemberData(nameof(CommandsThatReport))]
    public void A_command_that_reports_diagnostics_takes_every_diagnostics_option(string path)
    {
        // Given the command as pstm declares it
        var command = path.Split(' ').Aggregate((Command)PstmCommandLine.Create(new CapturedConsole()), (parent, name) => parent.Subcommands.Single(c => c.Name == name));

        // Then it has the very options (the same objects, so the same names, values and help) every other one has
        var format = ReportOnly.Contains(path) ? DiagnosticOptions.Format : DiagnosticOptions.DiagnosticsFormat;
        Assert.Contains(format, command.Options);
        Assert.Contains("--diagnostics-format", format.Aliases.Append(format.Name));
        Assert.Contains(DiagnosticOptions.VerbosityLevel, command.Options);
        Assert.Contains(DiagnosticOptions.QuietSwitch, command.Options);
        Assert.Contains(DiagnosticOptions.VerboseSwitch, command.Options);
        Assert.Contains(DiagnosticOptions.WarningsAsErrors, command.Options);
    }

    [Theory]
    [InlineData("validate {plan}")]
    [InlineData("explain D8 {plan}")]
    [InlineData("i18n status {plan}")]
    [InlineData("diff {plan} {plan}")]
    public void Warnings_pass_and_fail_under_warnings_as_errors_whatever_the_command(string commandLine)
    {
        // Given the shipped plan, which has warnings and no error
        // When the command runs as it is, and with --warnings-as-errors
        var (passing, _, _) = CliRunner.Run(commandLine);
        var (failing, output, _) = CliRunner.Run(commandLine + " --warnings-as-errors");

        // Then the warnings fail the second run only, and are shown
        Assert.Equal(ExitCodes.Success, passing);
        Assert.Equal(ExitCodes.InputErrors, failing);
        Assert.Contains("warning PSTM", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_fails_on_warnings_under_warnings_as_errors_and_writes_nothing()
    {
        using var output = new TemporaryFolder();
        var folder = Path.Combine(output.Path, "export");

        var (exitCode, text, _) = CliRunner.Run($"export {{plan}} --out {folder} --warnings-as-errors");

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.Contains("export failed", text, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    [Theory]
    [InlineData("i18n status {case}")]
    [InlineData("explain M1 {case}")]
    [InlineData("diff {case} {plan}")]
    [InlineData("export {case}")]
    [InlineData("i18n extract {case} --locale en -o x.xlf")]
    public void Every_command_prints_its_diagnostics_as_sarif_when_asked(string commandLine)
    {
        // Given a plan with an error, and a command that makes something else than its report
        var line = commandLine.Replace("{case}", CliRunner.PlanCase("PSTM0203-unknown-mission"), StringComparison.Ordinal);

        // When its diagnostics are asked for as SARIF
        var (exitCode, output, _) = CliRunner.Run(line + " --diagnostics-format sarif");

        // Then standard output is one SARIF log with the error in it, nothing else
        Assert.Equal(ExitCodes.InputErrors, exitCode);
        var results = JsonDocument.Parse(output).RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray();
        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "PSTM0203");
    }

    [Fact]
    public void A_json_status_holds_its_diagnostics_unless_they_are_asked_for_apart()
    {
        var (_, together, _) = CliRunner.Run("i18n status {plan} --format json");
        var (_, apart, _) = CliRunner.Run("i18n status {plan} --format json --diagnostics-format text --verbosity detailed");

        var document = JsonDocument.Parse(together).RootElement;
        Assert.Equal("en", document.GetProperty("locales")[0].GetProperty("locale").GetString());
        Assert.True(document.TryGetProperty("diagnostics", out _));
        Assert.False(JsonDocument.Parse(apart).RootElement.TryGetProperty("diagnostics", out _));
    }

    [Fact]
    public void Quiet_leaves_out_the_warnings_that_verbose_shows_with_the_infos()
    {
        var (_, quiet, _) = CliRunner.Run("validate {plan} -q");
        var (_, normal, _) = CliRunner.Run("validate {plan}");
        var (_, verbose, _) = CliRunner.Run("validate {plan} --verbose");

        Assert.DoesNotContain("warning PSTM", quiet, StringComparison.Ordinal);
        Assert.Contains("warning PSTM", normal, StringComparison.Ordinal);
        Assert.DoesNotContain("info PSTM", normal, StringComparison.Ordinal);
        Assert.Contains("info PSTM", verbose, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CommandsThatReport))]
    public void Help_names_the_values_as_they_are_typed_never_as_the_program_spells_them(string path)
    {
        var (_, help, _) = CliRunner.Run(path + " --help");

        Assert.Contains("<text|json|github|sarif>", help, StringComparison.Ordinal);
        Assert.Contains("<quiet|normal|detailed>", help, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\[default: (Text|Json|GitHub|Sarif|Quiet|Normal|Detailed|Html|All|Csv)\]", help);
    }

    [Fact]
    public void On_github_actions_diagnostics_are_annotations_unless_another_format_is_asked_for()
    {
        var actions = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" };

        var (_, annotated, _) = CliRunner.RunProcess(CliRunner.RepositoryRoot, actions, "validate");
        var (_, text, _) = CliRunner.RunProcess(CliRunner.RepositoryRoot, actions, "validate", "--format", "text");

        Assert.StartsWith("::warning file=plan/", annotated, StringComparison.Ordinal);
        Assert.StartsWith("plan/", text, StringComparison.Ordinal);
        Assert.Contains(": warning PSTM0404:", text, StringComparison.Ordinal);
    }
}
