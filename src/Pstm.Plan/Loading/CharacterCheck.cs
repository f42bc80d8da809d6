using Pstm.Diagnostics;

namespace Pstm.Plan.Loading;

/// <summary>
/// Finds characters that have no place in a plan's YAML: control characters, which YAML forbids and the
/// parser misreads (it takes NUL for the end of the file and accepts some others silently), and
/// characters that the parser counts as line breaks where editors do not, which would make every
/// position after them wrong.
/// </summary>
internal static class CharacterCheck
{
    /// <summary>Reports the first such character; false when there is one.</summary>
    public static bool IsClean(string text, string displayPath, DiagnosticBag diagnostics)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (LinePosition.IsLineEnd(text, i))
            {
                line++;
                lineStart = i + 1;
                continue;
            }

            if (Describe(c) is not { } what)
            {
                continue;
            }

            diagnostics.Add(PlanDiagnostics.CharacterNotAllowed.Create(
                SourceSpan.At(displayPath, line, i - lineStart + 1),
                $"the file holds {what} (U+{(int)c:X4}) here, which a plan's YAML may not hold",
                c == '\uFEFF'
                    ? "remove it: a byte-order mark belongs only at the start of a file (joining files often leaves one inside)"
                    : "remove it; it is invisible in most editors (search for the code point, or retype the line)"));
            return false;
        }

        return true;
    }

    /// <summary>
    /// Reports the first character that a scalar's value may not hold once its escapes are decoded: a
    /// quoted value can write each character the file may not hold (<c>"\e"</c>, <c>"\x7f"</c>,
    /// <c>"\N"</c>, <c>"\u2028"</c>), and a carriage return (<c>"\r"</c>), which would reach every output
    /// as it is. Tabs and line breaks pass: whether a text may have several lines is its field's to say
    /// (<see cref="OneLineText"/>). False when there is one.
    /// </summary>
    public static bool IsCleanValue(string value, SourceSpan span, DiagnosticBag diagnostics)
    {
        foreach (var c in value)
        {
            if (c == '\n' || (c == '\r' ? "a carriage return" : Describe(c)) is not { } what)
            {
                continue;
            }

            diagnostics.Add(PlanDiagnostics.CharacterNotAllowed.Create(
                span,
                $"the value holds {what} (U+{(int)c:X4}), which a plan's texts may not hold",
                "remove it: in a quoted value an escape writes it, such as \\e, \\a, \\x7f, \\N, \\L, \\P or \\u009b"));
            return false;
        }

        return true;
    }

    /// <summary>What <paramref name="c"/> is when a plan may not hold it; null when it may.</summary>
    internal static string? Describe(char c) => c switch
    {
        '\t' or '\r' => null,
        '\0' => "a NUL character",
        < ' ' or '\u007F' => "a control character",
        '\u0085' or '\u2028' or '\u2029' => "a line separator other than a line break",
        >= '\u0080' and <= '\u009F' => "a control character",
        '\uFEFF' => "a byte-order mark",
        '\uFFFE' or '\uFFFF' => "a noncharacter",
        _ => null,
    };
}
