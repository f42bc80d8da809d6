using System.Reflection;
using Scriban;
using Scriban.Functions;
using Scriban.Runtime;

namespace Pstm.Rendering.Templates;

/// <summary>
/// The context templates run in: bounded loops, recursion, output and regular expressions; no builtin
/// that reads the clock, draws random numbers or evaluates a string as a template; and, of .NET
/// objects, only the properties of pstm's own view types.
/// </summary>
internal static class TemplateSandbox
{
    public const int LoopLimit = 100_000;
    public const int RecursiveLimit = 64;
    public const int OutputLimit = 50_000_000;

    // Each of these would make output differ between two builds of the same input, or turn plan data
    // (a title holding "{{ … }}") into template code.
    private static readonly (string Object, string Function)[] Removed =
    [
        ("date", "now"), ("date", "utc_now"), ("math", "random"), ("math", "uuid"), ("object", "eval"), ("object", "eval_template"),
    ];

    public static TemplateContext Create(ITemplateLoader loader)
    {
        var builtins = new BuiltinFunctions();
        foreach (var (name, function) in Removed)
        {
            ((ScriptObject)builtins[name]!).Remove(function);
        }

        return new TemplateContext(builtins)
        {
            TemplateLoader = loader,
            StrictVariables = true,
            // An unknown member (plan.titel, plan.get_type) is an error, not an empty string.
            EnableRelaxedMemberAccess = false,
            MemberFilter = IsExposed,
            LoopLimit = LoopLimit,
            RecursiveLimit = RecursiveLimit,
            LimitToString = 1_000_000,
            OutputLimit = OutputLimit,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            RegexTimeOut = TimeSpan.FromSeconds(1),
            NewLine = "\n",
        };
    }

    /// <summary>Public properties of pstm's view records; never methods, fields or other assemblies' types.</summary>
    private static bool IsExposed(MemberInfo member) =>
        member is PropertyInfo { CanRead: true, GetMethod.IsPublic: true, GetMethod.IsStatic: false } property
        && property.GetIndexParameters().Length == 0
        && property.DeclaringType?.Assembly == typeof(TemplateSandbox).Assembly;
}
