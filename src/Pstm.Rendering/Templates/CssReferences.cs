namespace Pstm.Rendering.Templates;

/// <summary>How a stylesheet refers to another file: a <c>url(…)</c> anywhere, or an <c>@import</c> rule.</summary>
internal enum CssReferenceKind
{
    Url,
    Import,
}

/// <summary>
/// One reference of a stylesheet to another file. <c>Start</c> and <c>End</c> bound what stands for the
/// file (the whole <c>url(…)</c>, or the whole <c>@import …;</c> rule); <c>Line</c> and <c>Column</c>
/// (1-based) are where the address itself starts; <c>Conditions</c> are what an import names after its
/// address (<c>print</c>, <c>layer(base)</c>), empty when none.
/// </summary>
internal sealed record CssReference(CssReferenceKind Kind, string Address, int Start, int End, int Line, int Column, string Conditions = "");

/// <summary>
/// Finds the references of a stylesheet: <c>url(x)</c>, <c>url("x")</c>, <c>@import "x"</c>,
/// <c>@import url(x) print;</c>. Comments and strings are skipped, so a url in a comment or in a
/// <c>content</c> string is no reference. Escapes are not decoded: a file of the templates needs none.
/// </summary>
internal static class CssReferences
{
    public static IReadOnlyList<CssReference> In(string css) => new Scanner(css).Scan();

    private sealed class Scanner(string css)
    {
        private readonly List<CssReference> _found = [];
        private readonly int[] _lineStarts = LineStarts(css);

        public List<CssReference> Scan()
        {
            var i = 0;
            while (i < css.Length)
            {
                var c = css[i];
                if (c == '/' && At(i + 1, '*'))
                {
                    i = AfterComment(i);
                }
                else if (c is '"' or '\'')
                {
                    i = AfterString(i).End;
                }
                else if (c == '\\')
                {
                    i += 2;
                }
                else if (c == '@' && StartsWithWord(i, "@import"))
                {
                    i = Import(i);
                }
                else if (c is 'u' or 'U' && StartsWith(i, "url(") && (i == 0 || !IsNameCharacter(css[i - 1])))
                {
                    var url = Url(i);
                    _found.Add(new CssReference(CssReferenceKind.Url, url.Address, i, url.End, Line(url.AddressStart), Column(url.AddressStart)));
                    i = url.End;
                }
                else
                {
                    i++;
                }
            }

            return _found;
        }

        // @import, its address (a string or a url), any conditions, up to and with the rule's semicolon.
        private int Import(int start)
        {
            var i = SkipSpaceAndComments(start + "@import".Length);
            (string Address, int AddressStart, int End) address;
            if (i < css.Length && css[i] is '"' or '\'')
            {
                var text = AfterString(i);
                address = (text.Value, i + 1, text.End);
            }
            else if (StartsWith(i, "url("))
            {
                address = Url(i);
            }
            else
            {
                // No address: not a rule pstm can follow, and not one a browser would load.
                return start + 1;
            }

            var conditionsStart = address.End;
            var end = conditionsStart;
            var depth = 0;
            // Up to the semicolon, or a brace where one was forgotten.
            while (end < css.Length && !(css[end] is ';' or '{' or '}' && depth == 0))
            {
                depth += css[end] switch { '(' => 1, ')' => -1, _ => 0 };
                end = css[end] is '"' or '\'' ? AfterString(end).End : end + 1;
            }

            var conditions = css[conditionsStart..end].Trim();
            end = At(end, ';') ? end + 1 : end;
            _found.Add(new CssReference(CssReferenceKind.Import, address.Address, start, end, Line(address.AddressStart), Column(address.AddressStart), conditions));
            return end;
        }

        // url( then a string or bare text, up to the closing parenthesis.
        private (string Address, int AddressStart, int End) Url(int start)
        {
            var i = SkipSpace(start + "url(".Length);
            if (i < css.Length && css[i] is '"' or '\'')
            {
                var text = AfterString(i);
                var close = css.IndexOf(')', text.End);
                return (text.Value, i + 1, close < 0 ? css.Length : close + 1);
            }

            var end = css.IndexOf(')', i);
            var address = css[i..(end < 0 ? css.Length : end)].TrimEnd();
            return (address, i, end < 0 ? css.Length : end + 1);
        }

        // A string's text (escapes kept as written) and the index after its closing quote; a line break ends an unclosed one.
        private (string Value, int End) AfterString(int quote)
        {
            var i = quote + 1;
            while (i < css.Length && css[i] != css[quote] && css[i] != '\n')
            {
                i += css[i] == '\\' ? 2 : 1;
            }

            i = Math.Min(i, css.Length);
            return (css[(quote + 1)..i], Math.Min(i + 1, css.Length));
        }

        private int AfterComment(int start)
        {
            var end = css.IndexOf("*/", start + 2, StringComparison.Ordinal);
            return end < 0 ? css.Length : end + 2;
        }

        private int SkipSpace(int i)
        {
            while (i < css.Length && char.IsWhiteSpace(css[i]))
            {
                i++;
            }

            return i;
        }

        private int SkipSpaceAndComments(int i)
        {
            i = SkipSpace(i);
            while (css.AsSpan(i).StartsWith("/*"))
            {
                i = SkipSpace(AfterComment(i));
            }

            return i;
        }

        private bool At(int i, char c) => i < css.Length && css[i] == c;

        private bool StartsWith(int i, string text) => css.AsSpan(i).StartsWith(text, StringComparison.OrdinalIgnoreCase);

        // "@import" and not "@imports": the next character ends the word.
        private bool StartsWithWord(int i, string word) =>
            StartsWith(i, word) && (i + word.Length == css.Length || !IsNameCharacter(css[i + word.Length]));

        private static bool IsNameCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '\\' || c > 0x7f;

        private int Line(int index)
        {
            var line = Array.BinarySearch(_lineStarts, index);
            return (line < 0 ? ~line - 1 : line) + 1;
        }

        private int Column(int index) => index - _lineStarts[Line(index) - 1] + 1;

        private static int[] LineStarts(string text)
        {
            var starts = new List<int> { 0 };
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    starts.Add(i + 1);
                }
            }

            return [.. starts];
        }
    }
}
