namespace Pstm.Rendering.Slides;

/// <summary>
/// The words of an inline HTML text, and any run of them as HTML that stands on its own: the elements
/// open at its start are opened again and those open at its end are closed. A word is a run of
/// characters other than ASCII whitespace in the text, across tags, as the deck's measuring script
/// counts them in the browser (so "a<b>b</b>" is one word), which lets the two agree on where a split
/// falls.
/// </summary>
public sealed class HtmlWords
{
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase) { "br", "img", "wbr", "hr" };

    private readonly string _html;
    private readonly List<(int Start, int End)> _words = [];

    public HtmlWords(string html)
    {
        _html = html;
        var inWord = false;
        var start = 0;
        var last = 0;
        for (var i = 0; i < html.Length; i++)
        {
            if (html[i] == '<')
            {
                // A tag neither starts nor ends a word: "a<b>b</b>" stays one word.
                var close = html.IndexOf('>', i);
                i = close < 0 ? html.Length - 1 : close;
                continue;
            }

            if (IsSpace(html[i]))
            {
                if (inWord)
                {
                    _words.Add((start, last));
                    inWord = false;
                }
            }
            else
            {
                if (!inWord)
                {
                    start = i;
                    inWord = true;
                }

                last = i + 1;
            }
        }

        if (inWord)
        {
            _words.Add((start, last));
        }
    }

    public int Count => _words.Count;

    /// <summary>Words <paramref name="from"/> to <paramref name="to"/> (excluded) as balanced HTML.</summary>
    public string Slice(int from, int to)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(to, Count);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(to, from);
        var start = _words[from].Start;
        var end = _words[to - 1].End;
        var open = OpenAt(0, start, []);
        var prefix = string.Concat(open.Select(t => t.Tag));
        var stillOpen = OpenAt(start, end, open);
        var suffix = string.Concat(stillOpen.AsEnumerable().Reverse().Select(t => $"</{t.Name}>"));
        return prefix + _html[start..end] + suffix;
    }

    /// <summary>The words <paramref name="from"/> to <paramref name="to"/> with the continuation marks of a text cut before or after them.</summary>
    public string Part(int from, int to) =>
        (from > 0 ? "… " : "") + Slice(from, to) + (to < Count ? " …" : "");

    private List<(string Name, string Tag)> OpenAt(int from, int to, List<(string Name, string Tag)> open)
    {
        var stack = new List<(string Name, string Tag)>(open);
        for (var i = _html.IndexOf('<', from); i >= 0 && i < to; i = _html.IndexOf('<', i + 1))
        {
            var close = _html.IndexOf('>', i);
            if (close < 0)
            {
                break;
            }

            var tag = _html[i..(close + 1)];
            var name = new string(tag.TrimStart('<', '/').TakeWhile(char.IsAsciiLetterOrDigit).ToArray());
            if (tag.StartsWith("</", StringComparison.Ordinal))
            {
                var at = stack.FindLastIndex(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
                if (at >= 0)
                {
                    stack.RemoveRange(at, stack.Count - at);
                }
            }
            else if (!tag.EndsWith("/>", StringComparison.Ordinal) && !VoidElements.Contains(name) && !tag.StartsWith("<!", StringComparison.Ordinal))
            {
                stack.Add((name, tag));
            }

            i = close;
        }

        return stack;
    }

    // The whitespace of HTML's parser, which the measuring script splits on too.
    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';
}
