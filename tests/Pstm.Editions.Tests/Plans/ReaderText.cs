using System.Net;
using System.Text.RegularExpressions;

namespace Pstm.Editions.Tests.Plans;

/// <summary>
/// Text as a reader sees it, made comparable whatever the medium did to it: PDF extraction drops and
/// adds spaces and line breaks, a line may end in a hyphen or a soft hyphen, fonts set ligatures,
/// the booklet prints curly quotes, and stylesheets set kickers in capitals. What is left is the letters, in order.
/// </summary>
public static partial class ReaderText
{
    public static string Normalize(string text)
    {
        var decoded = WebUtility.HtmlDecode(text)
            .Replace("**", "", StringComparison.Ordinal)
            .Replace("\u00AD", "", StringComparison.Ordinal)
            .Replace("\uFB00", "ff", StringComparison.Ordinal)
            .Replace("\uFB01", "fi", StringComparison.Ordinal)
            .Replace("\uFB02", "fl", StringComparison.Ordinal)
            .Replace("\uFB03", "ffi", StringComparison.Ordinal)
            .Replace("\uFB04", "ffl", StringComparison.Ordinal);
        decoded = Typewritten.Of(decoded);
        // A hyphen at a line's end may be the browser's or the source's: drop every hyphen on both sides.
        return NotLetters().Replace(decoded, "").ToUpperInvariant();
    }

    /// <summary>Label placeholders a template failed to fill, such as <c>{numero}</c>.</summary>
    public static IReadOnlyList<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Value).Distinct().ToList();

    [GeneratedRegex(@"[\s\-‐‑–—]+")]
    private static partial Regex NotLetters();

    [GeneratedRegex(@"\{[\p{L}_][\p{L}\p{N}_]*\}")]
    private static partial Regex Placeholder();
}
