using System.Reflection;
using Scriban;
using Scriban.Functions;
using Scriban.Runtime;

namespace Pstm.Rendering.Templates;

/// <summary>
/// The context templates run in: bounded loops, recursion, output, texts, memory, time and regular
/// expressions; no builtin that reads the clock, draws random numbers or evaluates a string as a
/// template; and, of .NET objects, only the properties of pstm's own view types.
/// </summary>
internal static class TemplateSandbox
{
    public const int LoopLimit = 100_000;
    public const int RecursiveLimit = 64;
    public const int OutputLimit = 50_000_000;

    /// <summary>The longest text a template may build: a chapter of a very large plan is far shorter.</summary>
    public const int TextLimit = 10_000_000;

    /// <summary>How much memory one document's templates may allocate: the shipped booklet takes some 3 MB.</summary>
    public const long AllocationLimit = 512L * 1024 * 1024;

    /// <summary>How long one document's templates may run: the shipped booklet takes a fraction of a second.</summary>
    public static readonly TimeSpan RenderBudget = TimeSpan.FromSeconds(10);

    // Each of these would make output differ between two builds of the same input, or turn plan data
    // (a title holding "{{ … }}") into template code.
    private static readonly (string Object, string Function)[] Removed =
    [
        ("date", "now"), ("date", "utc_now"), ("math", "random"), ("math", "uuid"), ("object", "eval"), ("object", "eval_template"),
    ];

    public static TemplateContext Create(ITemplateLoader loader, CancellationToken cancellation)
    {
        var builtins = new BuiltinFunctions();
        foreach (var (name, function) in Removed)
        {
            ((ScriptObject)builtins[name]!).Remove(function);
        }

        return new BoundedTemplateContext(builtins, AllocationLimit)
        {
            TemplateLoader = loader,
            StrictVariables = true,
            // An unknown member (plan.titel, plan.get_type) is an error, not an empty string.
            EnableRelaxedMemberAccess = false,
            MemberFilter = IsExposed,
            LoopLimit = LoopLimit,
            RecursiveLimit = RecursiveLimit,
            LimitToString = TextLimit,
            // A text cut short would be an edition with text missing: stop with a diagnostic instead.
            OnStringLimit = ScriptLimitBehavior.Throw,
            OutputLimit = OutputLimit,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            RegexTimeOut = TimeSpan.FromSeconds(1),
            NewLine = "\n",
            // Checked at each statement and each turn of a loop.
            CancellationToken = cancellation,
        };
    }

    /// <summary>Public properties of pstm's view records; never methods, fields or other assemblies' types.</summary>
    private static bool IsExposed(MemberInfo member) =>
        member is PropertyInfo { CanRead: true, GetMethod.IsPublic: true, GetMethod.IsStatic: false } property
        && property.GetIndexParameters().Length == 0
        && property.DeclaringType?.Assembly == typeof(TemplateSandbox).Assembly;
}
