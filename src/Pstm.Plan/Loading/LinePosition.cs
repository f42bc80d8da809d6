namespace Pstm.Plan.Loading;

/// <summary>Line and column of a character, counting lines as the YAML parser and editors do.</summary>
internal static class LinePosition
{
    /// <summary>1-based line and column of <paramref name="index"/>; \r\n, a lone \r and \n each end a line.</summary>
    public static (int Line, int Column) Of(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (IsLineEnd(text, i))
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }

    public static bool IsLineEnd(string text, int i) =>
        text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n'));
}
