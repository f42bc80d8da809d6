using Pstm.Diagnostics;

namespace Pstm.Editions;

/// <summary>Diagnostics of releases: <c>build --release</c>, <c>release assemble</c> and <c>release verify</c>; codes 0630-0639. Stable, never reused.</summary>
public static class ReleaseDiagnostics
{
    public static readonly DiagnosticDescriptor InvalidVersion = new("PSTM0630", Severity.Error, "The release version cannot name a file");
    public static readonly DiagnosticDescriptor NotReproducible = new("PSTM0631", Severity.Warning, "The release is dated by the moment it is built");
    public static readonly DiagnosticDescriptor UncommittedChanges = new("PSTM0632", Severity.Warning, "The plan folder has changes that are not committed");
    public static readonly DiagnosticDescriptor InvalidSourceCommit = new("PSTM0633", Severity.Error, "PSTM_SOURCE_COMMIT is not a commit id");
    public static readonly DiagnosticDescriptor PartUnusable = new("PSTM0634", Severity.Error, "A release folder cannot be read");
    public static readonly DiagnosticDescriptor ChecksumMismatch = new("PSTM0635", Severity.Error, "A file of a release does not match its checksum");
    public static readonly DiagnosticDescriptor PartsDisagree = new("PSTM0636", Severity.Error, "Parts of a release come from different builds");
    public static readonly DiagnosticDescriptor PartsConflict = new("PSTM0637", Severity.Error, "Two parts of a release ship different files under one name");
    public static readonly DiagnosticDescriptor UnlistedFile = new("PSTM0638", Severity.Warning, "A file in a release folder is not in its SHA256SUMS");

    /// <summary>All descriptors, for documentation and for checking that codes are unique.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = DiagnosticDescriptor.DeclaredIn(typeof(ReleaseDiagnostics));
}
