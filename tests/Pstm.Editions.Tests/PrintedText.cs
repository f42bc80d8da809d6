using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Util;

namespace Pstm.Editions.Tests;

/// <summary>
/// A page's words as a reader copies them. Chromium draws each soft hyphen of the booklet's running text as
/// a glyph of no width marked <c>/ActualText (U+00AD)</c>, which PdfPig, reading glyphs and not ActualText,
/// takes for a space: it is dropped here, so that "Mis­sio­ni" reads as one word again.
/// </summary>
public static class PrintedText
{
    public static IReadOnlyList<Word> Words(Page page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var letters = page.Letters;
        var kept = letters.Where((letter, i) => !IsSoftHyphen(letters, i)).ToList();
        return DefaultWordExtractor.Instance.GetWords(kept).ToList();
    }

    /// <summary>The page's words separated by single spaces.</summary>
    public static string Of(Page page) => string.Join(" ", Words(page).Select(w => w.Text));

    // A space after which the next letter starts where it starts: nothing was advanced, so nothing was seen.
    private static bool IsSoftHyphen(IReadOnlyList<Letter> letters, int i) =>
        letters[i].Value == " " && i + 1 < letters.Count && Math.Abs(letters[i + 1].StartBaseLine.X - letters[i].StartBaseLine.X) < 0.01
        && Math.Abs(letters[i + 1].StartBaseLine.Y - letters[i].StartBaseLine.Y) < 0.01;
}
