namespace Pstm.Testing;

/// <summary>
/// Printed text typed back as the plan types it: the curly quotes, en dashes and ellipses that pstm's
/// typographic finish (Typesetting) prints become ' " - and ..., so that it compares with the plan's text.
/// </summary>
internal static class Typewritten
{
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text
            .Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u201C', '"').Replace('\u201D', '"')
            .Replace('\u2013', '-').Replace("\u2026", "...", StringComparison.Ordinal);
    }
}
