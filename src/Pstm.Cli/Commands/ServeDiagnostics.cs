using Pstm.Diagnostics;

namespace Pstm.Cli.Commands;

/// <summary>Diagnostics of serving the editions (pstm serve, build --watch --serve): codes 0710-0713.</summary>
public static class ServeDiagnostics
{
    public static readonly DiagnosticDescriptor PortUnavailable = new("PSTM0710", Severity.Error, "The port to serve on cannot be listened on");
    public static readonly DiagnosticDescriptor PortOutOfRange = new("PSTM0711", Severity.Error, "The port to serve on is not a port number");

    /// <summary>All descriptors, for documentation and for checking that codes are unique.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = DiagnosticDescriptor.DeclaredIn(typeof(ServeDiagnostics));
}
