using System.Globalization;
using System.Text;

namespace Pstm.Diagnostics;

/// <summary>
/// Makes a text safe to print on a terminal or in a CI log. A plan's text reaches pstm's outputs
/// (diagnostics, diff, explain), and a control character in it would be obeyed there: ESC starts a
/// terminal's escape sequence, a line break starts a line that a CI runner reads as a command
/// (<c>::add-mask::</c>), a direction override reverses what follows it. Each such character is shown
/// as an escape instead: <c>\n</c> for a line break, <c>\uXXXX</c> for the others (<c>\u001B</c> for ESC).
/// Tabs stay as they are. Backslashes are not doubled: the escapes are for reading, not for parsing back.
/// </summary>
public static class PrintableText
{
    /// <summary>
    /// The text with every character a terminal or a log would act on escaped; with
    /// <paramref name="keepLineBreaks"/>, CR and LF are left for the caller to encode (GitHub's %0D %0A).
    /// </summary>
    public static string Escape(string? text, bool keepLineBreaks = false)
    {
        if (string.IsNullOrEmpty(text) || !NeedsEscape(text, keepLineBreaks))
        {
            return text ?? "";
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (!IsActedOn(c) || (keepLineBreaks && c is '\r' or '\n'))
            {
                escaped.Append(c);
            }
            else if (c == '\n')
            {
                escaped.Append("\\n");
            }
            else
            {
                escaped.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return escaped.ToString();
    }

    /// <summary>
    /// Whether a terminal or a log acts on the character instead of showing it: C0 controls but the tab,
    /// DEL, C1 controls (U+0085 NEXT LINE, U+009B CSI among them), the line and paragraph separators, and
    /// the bidirectional embeddings, overrides and isolates.
    /// </summary>
    public static bool IsActedOn(char c) => c switch
    {
        '\t' => false,
        < ' ' or '\u007F' => true,
        >= '\u0080' and <= '\u009F' => true,
        '\u2028' or '\u2029' => true,
        >= '\u202A' and <= '\u202E' => true,
        >= '\u2066' and <= '\u2069' => true,
        _ => false,
    };

    private static bool NeedsEscape(string text, bool keepLineBreaks)
    {
        foreach (var c in text)
        {
            if (IsActedOn(c) && !(keepLineBreaks && c is '\r' or '\n'))
            {
                return true;
            }
        }

        return false;
    }
}
