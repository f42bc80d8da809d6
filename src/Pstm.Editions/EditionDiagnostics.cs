using Pstm.Diagnostics;

namespace Pstm.Editions;

/// <summary>Diagnostics of the build request itself: codes 07xx. Stable, never reused.</summary>
public static class EditionDiagnostics
{
    public static readonly DiagnosticDescriptor LocaleNotDeclared = new("PSTM0701", Severity.Error, "Locale not declared by the plan");
    public static readonly DiagnosticDescriptor InvalidSourceDate = new("PSTM0703", Severity.Error, "SOURCE_DATE_EPOCH is not a number of seconds");
    public static readonly DiagnosticDescriptor OutputFolderUnusable = new("PSTM0704", Severity.Error, "The output folder cannot be used");
    public static readonly DiagnosticDescriptor EarlierEditionUnusable = new("PSTM0705", Severity.Error, "The earlier edition to list changes since cannot be compared");
    public static readonly DiagnosticDescriptor RevisionLikeAnOption = new("PSTM0706", Severity.Error, "Revision that git would take for an option");
    public static readonly DiagnosticDescriptor RevisionUnavailable = new("PSTM0707", Severity.Error, "git cannot give the plan folder at a revision");
    public static readonly DiagnosticDescriptor OutputFileUnwritable = new("PSTM0714", Severity.Error, "The output file cannot be written");
    public static readonly DiagnosticDescriptor TemporaryFolderUnusable = new("PSTM0715", Severity.Error, "The temporary folder cannot be used");

    /// <summary>All descriptors, for documentation and for checking that codes are unique.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = DiagnosticDescriptor.DeclaredIn(typeof(EditionDiagnostics));
}
