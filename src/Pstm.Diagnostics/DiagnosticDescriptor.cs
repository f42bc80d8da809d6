namespace Pstm.Diagnostics;

/// <summary>
/// What a diagnostic code means: its stable code (<c>PSTMnnnn</c>), its usual severity and a short title.
/// Every code pstm can report is declared once as a descriptor, so codes stay unique and documented.
/// </summary>
public sealed record DiagnosticDescriptor(string Code, Severity Severity, string Title)
{
    /// <summary>The descriptors a catalog class declares as static fields, in declaration order.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> DeclaredIn(Type catalog) =>
        catalog.GetFields()
            .Where(f => f.IsStatic && f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();

    public Diagnostic Create(SourceSpan span, string message, string? hint = null) =>
        new(Code, Severity, span, message, hint);

    public Diagnostic Create(SourceSpan span, Severity severity, string message, string? hint = null) =>
        new(Code, severity, span, message, hint);
}
