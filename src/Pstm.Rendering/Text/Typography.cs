using System.Text;
using System.Text.RegularExpressions;

namespace Pstm.Rendering.Text;

/// <summary>
/// The typographer's finish for running text, as SmartyPants does it for Markdown: typewriter quotes
/// become curly ones (’ “ ”), a hyphen between two years an en dash (2025–2027), a spaced hyphen a
/// spaced en dash, three dots an ellipsis. The plan's text is not changed; only what is printed.
/// </summary>
public sealed partial class Typography
{
    // Whether the last character seen, possibly in an earlier text run of the same paragraph, ends a word:
    // a double quote after it closes, otherwise it opens.
    private bool _afterWord;

    /// <summary>A text that stands alone, printed outside the HTML's text (a running head in the stylesheet), finished as a paragraph of its own.</summary>
    public static string Finish(string text) => new Typography().Apply(text);

    /// <summary>A new paragraph: the next double quote opens.</summary>
    public void Reset() => _afterWord = false;

    /// <summary>One run of text (no markup; entities as the HTML has them), continuing the runs before it.</summary>
    public string Apply(string run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Length == 0)
        {
            return run;
        }

        var text = YearRange().Replace(run, "$1\u2013$2");
        text = MonthRange().Replace(text, "$1\u2013");
        text = text.Replace(" - ", " \u2013 ", StringComparison.Ordinal).Replace("...", "\u2026", StringComparison.Ordinal);

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var quote = QuoteAt(text, i, out var length);
            if (quote == '\'')
            {
                var next = i + length < text.Length ? text[i + length] : '\0';
                // An apostrophe, a closing quote or an elided year ('25) is ’; only a quote opening a word is ‘.
                result.Append(!_afterWord && char.IsLetter(next) ? '\u2018' : '\u2019');
                _afterWord = true;
                i += length - 1;
                continue;
            }

            if (quote == '"')
            {
                result.Append(_afterWord ? '\u201D' : '\u201C');
                i += length - 1;
                continue;
            }

            result.Append(c);
            if (c == '&' && EntityLength(text, i) is > 0 and var entity)
            {
                result.Append(text, i + 1, entity - 1);
                i += entity - 1;
                _afterWord = false;
                continue;
            }

            _afterWord = !(char.IsWhiteSpace(c) || c is '(' or '[' or '{' or '\u2013' or '\u2014' or '/' or '\u00AB');
        }

        return result.ToString();
    }

    /// <summary>' or " at <paramref name="i"/>, written as a character or as one of the entities for it.</summary>
    private static char QuoteAt(string text, int i, out int length)
    {
        length = 1;
        switch (text[i])
        {
            case '\'':
                return '\'';
            case '"':
                return '"';
            case '&':
                foreach (var (entity, quote) in QuoteEntities)
                {
                    if (string.CompareOrdinal(text, i, entity, 0, entity.Length) == 0)
                    {
                        length = entity.Length;
                        return quote;
                    }
                }

                return '\0';
            default:
                return '\0';
        }
    }

    private static readonly (string Entity, char Quote)[] QuoteEntities =
        [("&quot;", '"'), ("&#34;", '"'), ("&#x22;", '"'), ("&#39;", '\''), ("&#x27;", '\''), ("&apos;", '\'')];

    /// <summary>The length of the character reference starting at <paramref name="i"/>, or 0.</summary>
    private static int EntityLength(string text, int i)
    {
        for (var j = i + 1; j < text.Length && j - i <= 32; j++)
        {
            if (text[j] == ';')
            {
                return j - i + 1;
            }

            if (!char.IsAsciiLetterOrDigit(text[j]) && text[j] != '#')
            {
                return 0;
            }
        }

        return 0;
    }

    // Two years joined by a hyphen: a range (2025-2027). Not codes, dates or telephone numbers.
    [GeneratedRegex(@"(?<![\d\-/.])((?:1[89]|2\d)\d\d)-((?:1[89]|2\d)\d\d)(?![\d\-/])")]
    private static partial Regex YearRange();

    // Two months joined by a hyphen, in Italian or English: ottobre-novembre 2024.
    [GeneratedRegex(@"(?i)\b(gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|january|february|march|april|may|june|july|august|september|october|november|december)-(?=(gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|january|february|march|april|may|june|july|august|september|october|november|december)\b)")]
    private static partial Regex MonthRange();
}
