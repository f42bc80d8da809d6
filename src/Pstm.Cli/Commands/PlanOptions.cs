using System.CommandLine;

namespace Pstm.Cli.Commands;

/// <summary>Arguments shared by the commands that read a plan.</summary>
internal static class PlanOptions
{
    public static readonly Argument<string> PlanDirectory = new("PLAN_DIR")
    {
        Description = "The plan folder, which holds plan.yaml.",
        Arity = ArgumentArity.ZeroOrOne,
        DefaultValueFactory = _ => "plan",
    };
}
