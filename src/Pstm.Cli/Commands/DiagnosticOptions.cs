using System.CommandLine;

namespace Pstm.Cli.Commands;

/// <summary>Options that decide how diagnostics are reported and when they fail a command.</summary>
internal static class DiagnosticOptions
{
    public const string Text = "text";
    public const string Json = "json";
    public const string GitHub = "github";
    public const string Sarif = "sarif";

    public static readonly Option<string> Format = CreateFormat("--format");

    public const string Quiet = "quiet";
    public const string Normal = "normal";
    public const string Detailed = "detailed";

    public static readonly Option<string> Verbosity = CreateVerbosity();

    public static readonly Option<bool> QuietSwitch = new("--quiet", "-q")
    {
        Description = "Errors only, and no progress: the same as --verbosity quiet.",
    };

    public static readonly Option<bool> VerboseSwitch = new("--verbose")
    {
        Description = "Everything, infos included: the same as --verbosity detailed.",
    };

    /// <summary>Gives a command every option about diagnostics, so that validate and build take the same ones.</summary>
    /// <param name="format">The diagnostics' format option, for a command whose --format is its data's (export).</param>
    public static void AddTo(System.CommandLine.Command command, Option<string>? format = null)
    {
        command.Options.Add(format ?? Format);
        command.Options.Add(Verbosity);
        command.Options.Add(QuietSwitch);
        command.Options.Add(VerboseSwitch);
        command.Options.Add(WarningsAsErrors);
    }

    /// <summary>The verbosity asked for, --quiet and --verbose winning over --verbosity.</summary>
    public static string VerbosityOf(System.CommandLine.ParseResult parse) =>
        parse.GetValue(QuietSwitch) ? Quiet : parse.GetValue(VerboseSwitch) ? Detailed : parse.GetValue(Verbosity)!;

    public static readonly Option<bool> WarningsAsErrors = new("--warnings-as-errors")
    {
        Description = "Fail (exit 1) when there are warnings, not only errors.",
    };

    private static Option<string> CreateVerbosity()
    {
        var option = new Option<string>("--verbosity", "-v")
        {
            Description = "Text output: quiet (errors only), normal (errors, warnings and the coverage summary) or detailed (also infos).",
            DefaultValueFactory = _ => Normal,
            HelpName = "quiet|normal|detailed",
        };
        option.AcceptOnlyFromAmong(Quiet, Normal, Detailed);
        return option;
    }

    /// <summary>
    /// --format for a command whose output is its own report (explain, i18n status): text, the default,
    /// or json; <paramref name="description"/> says what each is.
    /// </summary>
    public static Option<string> CreateReportFormat(string description)
    {
        var option = new Option<string>("--format")
        {
            Description = description,
            DefaultValueFactory = _ => Text,
            HelpName = "text|json",
        };
        option.AcceptOnlyFromAmong(Text, Json);
        return option;
    }

    public static Option<string> CreateFormat(string name)
    {
        var option = new Option<string>(name)
        {
            Description = "How to print diagnostics: text (file(line,col): severity CODE: message), json (one document) github (workflow annotations; the default when GITHUB_ACTIONS=true) or sarif (SARIF 2.1.0, for code-scanning tools).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true" ? GitHub : Text,
            HelpName = "text|json|github|sarif",
        };
        option.AcceptOnlyFromAmong(Text, Json, GitHub, Sarif);
        return option;
    }
}
