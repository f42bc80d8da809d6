using Pstm.Diagnostics;

namespace Pstm.Plan.Loading;

/// <summary>
/// Reports a line break in a text that is one line: ids, titles, names, labels, list items, keys, and
/// every inline text. Only the Markdown texts (a chapter's body, notes) may have several lines. A line
/// break elsewhere breaks the booklet's headings and the lines of pstm's own outputs.
/// </summary>
internal static class OneLineText
{
    /// <summary>False, after reporting it, when <paramref name="text"/> holds a line break.</summary>
    public static bool Check(string text, SourceSpan span, string what, DiagnosticBag diagnostics)
    {
        if (!text.Contains('\n', StringComparison.Ordinal))
        {
            return true;
        }

        diagnostics.Add(PlanDiagnostics.LineBreakInOneLineText.Create(
            span,
            $"{what} holds a line break, but it is a one-line text",
            "write it on one line: a \"\\n\" in a quoted value, or a line of its own in a '|' or '>' block, makes a break; only chapter bodies and notes (Markdown) have several lines"));
        return false;
    }
}
