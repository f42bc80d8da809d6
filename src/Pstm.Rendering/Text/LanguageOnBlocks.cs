using System.Text.RegularExpressions;

namespace Pstm.Rendering.Text;

/// <summary>
/// Moves the <c>lang</c> of a span that holds the whole content of a block (a list item, a paragraph, a
/// cell, a heading) onto the block. Chromium gives a tagged PDF's structure element the language of
/// its HTML element: <c>&lt;li lang="it"&gt;…&lt;/li&gt;</c> is a list item in Italian, where
/// <c>&lt;li&gt;&lt;span lang="it"&gt;…&lt;/span&gt;&lt;/li&gt;</c> would be an English one holding Italian words
/// (which keep their /Lang when printed, see Pstm.Pdf's OtherLanguageParts).
/// </summary>
public static partial class LanguageOnBlocks
{
    public static string Apply(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return WholeSpan().Replace(html, m => m.Groups["attributes"].Value.Contains(" lang=", StringComparison.Ordinal)
            ? m.Value
            : $"<{m.Groups["tag"].Value}{m.Groups["attributes"].Value} lang=\"{m.Groups["lang"].Value}\">{m.Groups["inner"].Value}</{m.Groups["tag"].Value}>");
    }

    // A block whose only content is one span with a lang (and no other span inside it).
    [GeneratedRegex(@"<(?<tag>li|p|dd|dt|td|th|h[1-6]|blockquote|figcaption|caption)(?<attributes>\s[^>]*)?><span lang=""(?<lang>[A-Za-z0-9-]+)"">(?<inner>(?:(?!</?span\b).)*)</span></\k<tag>>", RegexOptions.Singleline)]
    private static partial Regex WholeSpan();
}
