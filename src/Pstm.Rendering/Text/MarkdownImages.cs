using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Pstm.Rendering.Text;

/// <summary>
/// Points a text's images at the files the edition ships with it: the booklet's copy among its assets,
/// or the deck's data URL. An image with nowhere to point (in a one-line text, or one validation did
/// not pass) becomes its description, never a broken-image icon.
/// </summary>
internal static class MarkdownImages
{
    public static void Apply(MarkdownDocument document, Func<string, string?>? source)
    {
        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage).ToList())
        {
            if (source?.Invoke(image.Url ?? "") is { } resolved)
            {
                image.Url = resolved;
                continue;
            }

            image.ReplaceBy(new LiteralInline(string.Concat(image.Descendants<LiteralInline>().Select(l => l.Content.ToString()))), copyChildren: false);
        }
    }
}
