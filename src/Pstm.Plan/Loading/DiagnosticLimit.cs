using Pstm.Diagnostics;

namespace Pstm.Plan.Loading;

/// <summary>
/// Keeps the first <see cref="PlanLimits.MaxDiagnosticsPerFile"/> diagnostics of each file: a file of a
/// million repeated keys would otherwise print a million lines that say the same.
/// </summary>
internal static class DiagnosticLimit
{
    /// <param name="sorted">Diagnostics sorted by file, as <see cref="DiagnosticBag.Sort"/> returns them.</param>
    public static IReadOnlyList<Diagnostic> Cap(IReadOnlyList<Diagnostic> sorted)
    {
        var kept = new List<Diagnostic>(Math.Min(sorted.Count, 4 * PlanLimits.MaxDiagnosticsPerFile));
        var file = "";
        var count = 0;
        foreach (var diagnostic in sorted)
        {
            if (diagnostic.Span.File != file)
            {
                file = diagnostic.Span.File;
                count = 0;
            }

            count++;
            if (count <= PlanLimits.MaxDiagnosticsPerFile)
            {
                kept.Add(diagnostic);
            }
            else if (count == PlanLimits.MaxDiagnosticsPerFile + 1)
            {
                kept.Add(PlanDiagnostics.TooManyProblems.Create(
                    diagnostic.Span,
                    $"this file has more than {PlanLimits.MaxDiagnosticsPerFile} problems, the limit reported for one file; the rest, from here on, are left out",
                    "fix the problems above and validate again; so many usually come from one mistake repeated, or from a file that is not a plan's"));
            }
        }

        return kept;
    }
}
