using Pstm.Cli.Commands;
using Pstm.Diagnostics;
using Pstm.Editions;
using Pstm.Pdf;
using Pstm.Plan;
using Pstm.Rendering;

namespace Pstm.Cli;

/// <summary>Every code any part of pstm can report, in code order: the rules of the SARIF log, docs/diagnostics.md's table.</summary>
public static class DiagnosticCatalog
{
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
        [.. new[] { PlanDiagnostics.All, RenderingDiagnostics.All, PdfDiagnostics.All, EditionDiagnostics.All, ReleaseDiagnostics.All, ServeDiagnostics.All }.SelectMany(c => c).OrderBy(d => d.Code, StringComparer.Ordinal)];
}
