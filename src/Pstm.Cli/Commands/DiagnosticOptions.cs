using System.CommandLine;
using Pstm.Cli.Console;

namespace Pstm.Cli.Commands;

/// <summary>
/// The options every command that reports diagnostics takes, with the same meaning everywhere:
/// the diagnostics' format, the verbosity and --warnings-as-errors.
/// </summary>
internal static class DiagnosticOptions
{
    private const string FormatHelp =
        "How to print diagnostics: text (file(line,col): severity CODE: message; the default), json (one document), github (workflow annotations; the default when GITHUB_ACTIONS=true) or sarif (SARIF 2.1.0, for code-scanning tools).";

    /// <summary>The diagnostics' format on validate, build and serve, whose only output is their report.</summary>
    public static readonly Option<DiagnosticFormat> Format = CreateFormat("--format", "--diagnostics-format");

    /// <summary>The diagnostics' format on a command whose --format is that of what it makes (export, diff, explain, i18n).</summary>
    public static readonly Option<DiagnosticFormat> DiagnosticsFormat = CreateFormat("--diagnostics-format");

    public static readonly Option<Verbosity> VerbosityLevel = CreateVerbosity();

    public static readonly Option<bool> QuietSwitch = new("--quiet", "-q")
    {
        Description = "Errors only, and no progress: the same as --verbosity quiet.",
    };

    public static readonly Option<bool> VerboseSwitch = new("--verbose")
    {
        Description = "Everything, infos included: the same as --verbosity detailed.",
    };

    public static readonly Option<bool> WarningsAsErrors = new("--warnings-as-errors")
    {
        Description = "Fail (exit 1) when there are warnings, not only errors.",
    };

    /// <summary>Gives a command every diagnostics option.</summary>
    /// <param name="makesOwnFormat">The command's --format is that of what it makes: the diagnostics' is --diagnostics-format.</param>
    public static void AddTo(Command command, bool makesOwnFormat = false)
    {
        command.Options.Add(makesOwnFormat ? DiagnosticsFormat : Format);
        command.Options.Add(VerbosityLevel);
        command.Options.Add(QuietSwitch);
        command.Options.Add(VerboseSwitch);
        command.Options.Add(WarningsAsErrors);
    }

    /// <summary>
    /// The options as given: --quiet and --verbose win over --verbosity. A command whose own output is
    /// JSON (<paramref name="makesJson"/>) reports its diagnostics in that document unless told otherwise.
    /// </summary>
    public static ReportSettings Read(ParseResult parse, bool makesJson = false)
    {
        var option = parse.GetResult(Format) is not null ? Format : DiagnosticsFormat;
        var given = parse.GetResult(option) is { Implicit: false };
        var format = given ? parse.GetValue(option)
            : makesJson ? DiagnosticFormat.Json
            : Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true" ? DiagnosticFormat.GitHub
            : DiagnosticFormat.Text;
        var verbosity = parse.GetValue(QuietSwitch) ? Verbosity.Quiet
            : parse.GetValue(VerboseSwitch) ? Verbosity.Detailed
            : parse.GetValue(VerbosityLevel);
        return new ReportSettings(format, verbosity, parse.GetValue(WarningsAsErrors));
    }

    /// <summary>
    /// --format for a command whose output is its own report (explain, i18n status): text, the default,
    /// or json; <paramref name="description"/> says what each is.
    /// </summary>
    public static Option<ReportFormat> CreateReportFormat(string description)
    {
        var option = new Option<ReportFormat>("--format")
        {
            // Unset, it is ReportFormat's first value, Text.
            Description = description,
            HelpName = "text|json",
        };
        option.AcceptOnlyFromAmong("text", "json");
        return option;
    }

    private static Option<DiagnosticFormat> CreateFormat(string name, params string[] aliases)
    {
        var option = new Option<DiagnosticFormat>(name, aliases)
        {
            // No default value here: help would print the enum's name ("Text"); Read gives the default.
            Description = FormatHelp,
            HelpName = "text|json|github|sarif",
        };
        option.AcceptOnlyFromAmong("text", "json", "github", "sarif");
        return option;
    }

    private static Option<Verbosity> CreateVerbosity()
    {
        var option = new Option<Verbosity>("--verbosity", "-v")
        {
            // Unset, it is Verbosity's first value, Normal.
            Description = "Text output: quiet (errors only), normal (errors, warnings and summaries; the default) or detailed (also infos).",
            HelpName = "quiet|normal|detailed",
        };
        option.AcceptOnlyFromAmong("quiet", "normal", "detailed");
        return option;
    }
}
