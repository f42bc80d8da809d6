using System.CommandLine;
using Pstm.Editions;
using Pstm.Plan.Loading;

namespace Pstm.Cli.Commands;

/// <summary>The options of a build, which <c>build</c> and <c>serve</c> both take, and the request they make.</summary>
internal static class BuildOptions
{
    public static readonly Option<string> Output = new("--out", "-o")
    {
        Description = "The output folder; each edition goes into OUT/<locale>/ (default: build: out in plan.yaml, else dist).",
        DefaultValueFactory = _ => "dist",
        HelpName = "DIR",
    };

    public static readonly Option<string[]> Locale = new("--locale", "-l")
    {
        Description = "A locale to build (repeatable); default: build: locales in plan.yaml, else every locale the plan declares.",
        HelpName = "L",
        AllowMultipleArgumentsPerToken = false,
    };

    public static readonly Option<BuildTarget[]> Target = CreateTarget();

    public static readonly Option<string?> Browser = new("--browser")
    {
        Description = "The Chromium, Chrome or Edge executable (default: PSTM_BROWSER, then the usual install locations).",
        HelpName = "PATH",
    };

    public static readonly Option<int> Timeout = CreateTimeout();

    public static readonly Option<bool> Manifest = new("--manifest")
    {
        Description = "Also write manifest.json (plan, dates, source commit, SOURCE_DATE_EPOCH, pstm's version; every file's locale, kind, pages, bytes, sha256) and SHA256SUMS into the output folder.",
    };

    public static readonly Option<bool> Force = new("--force")
    {
        Description = "Rebuild every output, even those whose plan texts, templates and fonts did not change.",
    };

    public static readonly Option<string?> ChangesSince = new("--changes-since")
    {
        Description = "Add to the booklet an appendix of what changed since an earlier edition: a plan folder, or REVISION:FOLDER of this git repository (v2025.1:plan).",
        HelpName = "OLD",
    };

    // The browser's timers take at most about 24 days; a day is already far more than any print.
    private const int MaxTimeoutSeconds = 86400;

    /// <summary>Gives a command the plan folder and every option of a build, diagnostics' included.</summary>
    public static void AddTo(Command command)
    {
        command.Arguments.Add(PlanOptions.PlanDirectory);
        command.Options.Add(Output);
        command.Options.Add(Locale);
        command.Options.Add(Target);
        command.Options.Add(PlanOptions.Templates);
        command.Options.Add(Browser);
        command.Options.Add(Timeout);
        command.Options.Add(PlanOptions.Strict);
        command.Options.Add(Manifest);
        command.Options.Add(Force);
        command.Options.Add(ChangesSince);
        command.Options.Add(PlanOptions.SinceName);
        DiagnosticOptions.AddTo(command);
    }

    /// <summary>
    /// The build the command line asks for, SOURCE_DATE_EPOCH included: each of --out, --locale and
    /// --target not given takes its default from <c>build:</c> in plan.yaml, if any.
    /// </summary>
    public static BuildRequest Request(ParseResult parse)
    {
        var planDirectory = parse.GetValue(PlanOptions.PlanDirectory)!;
        var defaults = BuildDefaultsReader.Peek(planDirectory);
        return new(
            planDirectory,
            IsGiven(parse, Output) ? parse.GetValue(Output)! : defaults.OutputDirectory(planDirectory) ?? parse.GetValue(Output)!,
            IsGiven(parse, Locale) ? parse.GetValue(Locale)! : [.. defaults.Locales.Select(l => l.Value)],
            IsGiven(parse, Target) ? parse.GetValue(Target)! : [.. defaults.Targets.Select(t => Enum.Parse<BuildTarget>(t.Value, ignoreCase: true))],
            parse.GetValue(PlanOptions.Templates),
            parse.GetValue(Browser),
            TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(Timeout))),
            Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"),
            parse.GetValue(PlanOptions.Strict),
            parse.GetValue(Manifest),
            parse.GetValue(Force));
    }

    /// <summary>Where the editions go and what chose it, for the build's report: "dist (--out)".</summary>
    public static string OutputOrigin(ParseResult parse) =>
        IsGiven(parse, Output) ? "--out"
        : BuildDefaultsReader.Peek(parse.GetValue(PlanOptions.PlanDirectory)!).Out is not null ? "build: out in plan.yaml"
        : "the default: dist in the working folder; set build: out in plan.yaml or --out";

    private static bool IsGiven(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    private static Option<int> CreateTimeout()
    {
        var option = new Option<int>("--timeout")
        {
            Description = "How long the browser may take to start or to print one document, in seconds (at most 86400, a day).",
            DefaultValueFactory = _ => 120,
            HelpName = "SECONDS",
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() > MaxTimeoutSeconds)
            {
                result.AddError($"--timeout is at most {MaxTimeoutSeconds} seconds (a day).");
            }
        });
        return option;
    }

    private static Option<BuildTarget[]> CreateTarget()
    {
        var option = new Option<BuildTarget[]>("--target", "-t")
        {
            Description = "What to build (repeatable): booklet, slides or all (default: build: targets in plan.yaml, else all).",
            HelpName = "booklet|slides|all",
            AllowMultipleArgumentsPerToken = false,
        };
        option.AcceptOnlyFromAmong("booklet", "slides", "all");
        return option;
    }
}
