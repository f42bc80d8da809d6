using System.CommandLine;

namespace Pstm.Cli.Commands;

/// <summary>Arguments and options shared by the commands that read a plan.</summary>
internal static class PlanOptions
{
    public static readonly Argument<string> PlanDirectory = CreatePlanDirectory();

    /// <summary>The name of an earlier edition in a list of changes (diff's HTML page, build's and diff's booklet appendix).</summary>
    public static readonly Option<string?> SinceName = new("--since-name")
    {
        Description = "How readers name the earlier edition in a list of changes (\"edizione di febbraio 2025\"); default: its git tag, revision or folder name.",
        HelpName = "NAME",
    };

    /// <summary>The templates a build uses, and validate checks (the labels against their keys too).</summary>
    public static readonly Option<string?> Templates = new("--templates")
    {
        Description = "A folder of template files laid over the shipped templates: each file replaces the shipped one of the same path (a theme.css alone will do).",
        HelpName = "DIR",
    };

    /// <summary>As strict as a release build: validate with it fails for what build with it fails for.</summary>
    public static readonly Option<bool> Strict = new("--strict")
    {
        Description = "Missing and stale translations, and content that does not fit in the output, are errors (exit 1), for release builds.",
    };

    /// <summary>
    /// The plan a command reads when none is named: the working folder when it holds plan.yaml (an editor
    /// working inside the plan), else its <c>plan</c> folder (a repository holding the plan beside other things).
    /// </summary>
    public static string DefaultPlanDirectory() =>
        File.Exists(Path.Combine(Directory.GetCurrentDirectory(), Plan.Loading.PlanLoader.RootFileName)) ? "." : "plan";

    private static Argument<string> CreatePlanDirectory()
    {
        var argument = new Argument<string>("PLAN_DIR")
        {
            Description = "The plan folder, which holds plan.yaml.",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => DefaultPlanDirectory(),
        };

        // An option pstm does not know would otherwise be taken for the folder's name.
        argument.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: var value }, ..] && value.StartsWith('-'))
            {
                result.AddError($"Unrecognized option '{value}'.");
            }
        });
        return argument;
    }
}
