using System.Globalization;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Pstm.Rendering.Templates;

/// <summary>
/// A template context that also bounds what Scriban leaves unbounded: a text built by interpolation
/// (<c>$"{s}{s}"</c>) may grow past <see cref="TemplateContext.LimitToString"/>, and a loop within its
/// turn count may still allocate without end. Each value a template computes is checked as it is made.
/// </summary>
internal sealed class BoundedTemplateContext(ScriptObject builtins, long allocationLimit) : TemplateContext(builtins)
{
    // Rendering runs on one thread from start to end: what that thread allocated is what the template did.
    private readonly long _allocatedAtStart = GC.GetAllocatedBytesForCurrentThread();

    public override object? Evaluate(ScriptNode? scriptNode, bool aliasReturnedFunction)
    {
        var value = base.Evaluate(scriptNode, aliasReturnedFunction);
        if (scriptNode is null)
        {
            return value;
        }

        if (value is string { Length: var length } && length > LimitToString)
        {
            throw new TemplateBoundException(scriptNode.Span, string.Create(CultureInfo.InvariantCulture, $"a text grew past {LimitToString:N0} characters"));
        }

        if (GC.GetAllocatedBytesForCurrentThread() - _allocatedAtStart > allocationLimit)
        {
            throw new TemplateBoundException(scriptNode.Span, string.Create(CultureInfo.InvariantCulture, $"the template allocated more than {allocationLimit / (1024 * 1024):N0} MB of memory"));
        }

        return value;
    }
}
