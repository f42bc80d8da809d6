namespace Pstm.Diagnostics;

/// <summary>One problem found in the user's input, with where it is and, when possible, how to fix it.</summary>
public sealed record Diagnostic(string Code, Severity Severity, SourceSpan Span, string Message, string? Hint = null)
{
    public bool IsError => Severity == Severity.Error;
}
