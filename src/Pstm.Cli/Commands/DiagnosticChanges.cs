using Pstm.Diagnostics;

namespace Pstm.Cli.Commands;

/// <summary>
/// What a rebuild found that the last build did not, and what it no longer finds. A diagnostic is the
/// same one when its code, severity, file, message and hint are: a line inserted above it moves it,
/// and does not make it new. Each is counted, so that a second occurrence of the same problem is new.
/// </summary>
internal static class DiagnosticChanges
{
    public static (List<Diagnostic> Added, List<Diagnostic> Fixed) Between(IEnumerable<Diagnostic> before, IEnumerable<Diagnostic> after)
    {
        var remaining = new Dictionary<(string, Severity, string, string, string?), int>();
        var beforeList = before.ToList();
        foreach (var diagnostic in beforeList)
        {
            remaining[Key(diagnostic)] = remaining.GetValueOrDefault(Key(diagnostic)) + 1;
        }

        var added = new List<Diagnostic>();
        var kept = new Dictionary<(string, Severity, string, string, string?), int>();
        foreach (var diagnostic in after)
        {
            var key = Key(diagnostic);
            if (remaining.GetValueOrDefault(key) > 0)
            {
                remaining[key]--;
                kept[key] = kept.GetValueOrDefault(key) + 1;
            }
            else
            {
                added.Add(diagnostic);
            }
        }

        // The fixed ones are the last build's that this one did not match, in the last build's order.
        var fixedOnes = new List<Diagnostic>();
        foreach (var diagnostic in beforeList)
        {
            var key = Key(diagnostic);
            if (kept.GetValueOrDefault(key) > 0)
            {
                kept[key]--;
            }
            else
            {
                fixedOnes.Add(diagnostic);
            }
        }

        return (added, fixedOnes);
    }

    private static (string, Severity, string, string, string?) Key(Diagnostic diagnostic) =>
        (diagnostic.Code, diagnostic.Severity, diagnostic.Span.File, diagnostic.Message, diagnostic.Hint);
}
