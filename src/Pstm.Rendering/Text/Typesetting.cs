using System.Text;
using System.Text.RegularExpressions;
using Pstm.Rendering.Text.Hyphenation;

namespace Pstm.Rendering.Text;

/// <summary>
/// The finish applied to an edition's rendered HTML, text node by text node: <see cref="Typography"/>
/// everywhere but code, and, where asked, soft hyphens (U+00AD) at the breaks the language's
/// patterns allow, since Chromium does not hyphenate Italian by itself but honours soft hyphens.
/// Headings and table headers are not hyphenated (a soft hyphen would enter the PDF outline), nor code, nor parts in
/// another language, nor words that are acronyms, addresses or mixed with digits. The one piece of
/// markup it adds keeps a range of numbers on one line.
/// </summary>
public static partial class Typesetting
{
    /// <summary>Words shorter than this are never broken.</summary>
    private const int ShortestHyphenated = 6;

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    // Whose text is left exactly as written.
    private static readonly HashSet<string> Verbatim = new(StringComparer.OrdinalIgnoreCase)
    {
        "head", "script", "style", "code", "pre", "kbd", "samp", "textarea", "svg", "math",
    };

    private static readonly HashSet<string> NotHyphenated = new(StringComparer.OrdinalIgnoreCase)
    {
        "h1", "h2", "h3", "h4", "h5", "h6", "title", "abbr", "th", "caption", // headings, and a table's headers
    };

    // Elements whose start begins a new run of quotes.
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "dd", "dt", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figcaption", "caption", "div", "section", "article",
    };

    private static readonly System.Buffers.SearchValues<char> NotInWords = System.Buffers.SearchValues.Create("0123456789@/:&_=");

    // An element of this class (a cover, a display title) is never hyphenated.
    private const string NoHyphensClass = "no-hyphens";

    private sealed record Open(string Name, bool Verbatim, bool NoHyphens);

    /// <summary>The HTML with its text finished; <paramref name="hyphenate"/> adds soft hyphens for <paramref name="language"/>.</summary>
    public static string Apply(string html, string language, bool hyphenate)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(language);
        var hyphenator = hyphenate ? Hyphenator.ForLanguage(language) : null;
        var primary = language.Split('-', '_')[0];
        var typography = new Typography();
        var stack = new List<Open>();
        var result = new StringBuilder(html.Length + (html.Length / 8));
        var i = 0;
        while (i < html.Length)
        {
            if (html[i] == '<')
            {
                var end = TagEnd(html, i);
                var tag = html.AsSpan(i, end - i);
                result.Append(tag);
                Track(tag.ToString(), stack, primary, typography);
                i = end;
                continue;
            }

            var next = html.IndexOf('<', i);
            if (next < 0)
            {
                next = html.Length;
            }

            var text = html[i..next];
            var top = stack.Count > 0 ? stack[^1] : null;
            if (top is null || !top.Verbatim)
            {
                text = typography.Apply(text);
                if (hyphenator is not null && top is { NoHyphens: false })
                {
                    text = Hyphenate(text, hyphenator);
                }

                // Unicode lets a line break after an en dash: a range of numbers (2024–2026) is kept on one line.
                text = NumberRange().Replace(text, """<span style="white-space: nowrap">$0</span>""");
            }

            result.Append(text);
            i = next;
        }

        return result.ToString();
    }

    /// <summary>Where the tag or comment starting at <paramref name="start"/> ends (after its '>'), quotes respected.</summary>
    private static int TagEnd(string html, int start)
    {
        if (string.CompareOrdinal(html, start, "<!--", 0, 4) == 0)
        {
            var close = html.IndexOf("-->", start + 4, StringComparison.Ordinal);
            return close < 0 ? html.Length : close + 3;
        }

        char quote = '\0';
        for (var j = start + 1; j < html.Length; j++)
        {
            var c = html[j];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return j + 1;
            }
        }

        return html.Length;
    }

    private static void Track(string tag, List<Open> stack, string language, Typography typography)
    {
        var match = TagName().Match(tag);
        if (!match.Success)
        {
            return; // a comment or a doctype
        }

        var name = match.Groups["name"].Value;
        if (match.Groups["close"].Success)
        {
            var index = stack.FindLastIndex(o => o.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                stack.RemoveRange(index, stack.Count - index);
            }

            return;
        }

        if (Blocks.Contains(name))
        {
            typography.Reset();
        }

        if (VoidElements.Contains(name) || tag.EndsWith("/>", StringComparison.Ordinal))
        {
            return;
        }

        var parent = stack.Count > 0 ? stack[^1] : new Open("", Verbatim: false, NoHyphens: false);
        var lang = Lang().Match(tag);
        var foreign = lang.Success && !lang.Groups["lang"].Value.Split('-')[0].Equals(language, StringComparison.OrdinalIgnoreCase);
        stack.Add(new Open(
            name,
            parent.Verbatim || Verbatim.Contains(name),
            parent.NoHyphens || NotHyphenated.Contains(name) || foreign || Verbatim.Contains(name) || HasClass(tag, NoHyphensClass)));
    }

    private static bool HasClass(string tag, string name) =>
        ClassAttribute().Match(tag) is { Success: true } match && match.Groups["classes"].Value.Split(' ').Contains(name, StringComparer.Ordinal);

    /// <summary>Soft hyphens in each word of a text run that is an ordinary word.</summary>
    private static string Hyphenate(string text, Hyphenator hyphenator) =>
        Token().Replace(text, token => Ordinary(token.Value)
            ? Letters().Replace(token.Value, word => Hyphenable(word.Value) ? hyphenator.Hyphenate(word.Value) : word.Value)
            : token.Value);

    // Not an address, a code or a number: no digits, @, slashes, colons, entities or dots between letters.
    private static bool Ordinary(string token) =>
        token.AsSpan().IndexOfAny(NotInWords) < 0 && !InnerDot().IsMatch(token);

    // Long enough, and not an acronym or a camel-cased name (capitals after the first letter).
    private static bool Hyphenable(string word) =>
        word.Length >= ShortestHyphenated && !HasInnerCapital(word);

    private static bool HasInnerCapital(string word)
    {
        for (var k = 1; k < word.Length; k++)
        {
            if (char.IsUpper(word[k]))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}])\p{N}+\u2013\p{N}+(?![\p{L}\p{N}])")]
    private static partial Regex NumberRange();

    [GeneratedRegex(@"^<(?<close>/)?(?<name>[A-Za-z][A-Za-z0-9-]*)")]
    private static partial Regex TagName();

    [GeneratedRegex(@"\slang\s*=\s*[""']?(?<lang>[A-Za-z-]+)")]
    private static partial Regex Lang();

    [GeneratedRegex(@"\sclass\s*=\s*[""'](?<classes>[^""']*)")]
    private static partial Regex ClassAttribute();

    [GeneratedRegex(@"\S+")]
    private static partial Regex Token();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Letters();

    [GeneratedRegex(@"\p{L}\.\p{L}")]
    private static partial Regex InnerDot();
}
