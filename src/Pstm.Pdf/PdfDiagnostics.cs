using Pstm.Diagnostics;

namespace Pstm.Pdf;

/// <summary>Diagnostics of printing with the browser: codes 06xx. Stable, never reused.</summary>
public static class PdfDiagnostics
{
    public static readonly DiagnosticDescriptor BrowserNotFound = new("PSTM0601", Severity.Error, "No Chromium, Chrome or Edge found");
    public static readonly DiagnosticDescriptor BrowserFailed = new("PSTM0602", Severity.Error, "The browser failed");
    public static readonly DiagnosticDescriptor Timeout = new("PSTM0603", Severity.Error, "The browser took too long");
    public static readonly DiagnosticDescriptor RequestBlocked = new("PSTM0604", Severity.Warning, "A request outside the build was blocked");
    public static readonly DiagnosticDescriptor PageNumbersUnstable = new("PSTM0605", Severity.Error, "Table of contents page numbers do not settle");
    public static readonly DiagnosticDescriptor OutputNotWritten = new("PSTM0606", Severity.Error, "Output cannot be written");
    public static readonly DiagnosticDescriptor SideUnplaced = new("PSTM0607", Severity.Warning, "A page that should start on the left or right cannot be placed");
    public static readonly DiagnosticDescriptor ContentOverflows = new("PSTM0625", Severity.Warning, "Content overflows its box in the output");
    public static readonly DiagnosticDescriptor HeadingAtPageFoot = new("PSTM0626", Severity.Warning, "A heading is alone at the foot of a page");

    /// <summary>All descriptors, for documentation and for checking that codes are unique.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = DiagnosticDescriptor.DeclaredIn(typeof(PdfDiagnostics));
}
