using Pstm.Diagnostics;

namespace Pstm.Plan.Model;

/// <summary>A value read from the plan, with the span where it was written, so later checks can point at it.</summary>
public readonly record struct Located<T>(T Value, SourceSpan Span)
{
    public override string ToString() => Value?.ToString() ?? "";
}
