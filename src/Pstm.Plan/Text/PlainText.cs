using System.Text;
using Markdig;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Pstm.Plan.Text;

/// <summary>
/// A plan text without its Markdown marks (<c>**emphasis**</c>, links, code), as readers of the
/// booklet see it. Plan texts are inline Markdown: a title that starts with <c>1.</c>, <c>-</c> or
/// <c>#</c> is a title, not a list or a heading, so only paragraphs are parsed as blocks; raw HTML is
/// text, as in the booklet. The booklet, the slides and the open data read plan texts alike.
/// </summary>
public static class PlainText
{
    /// <summary>How plan texts other than chapter bodies and notes are parsed: Markdown inline marks, no blocks, no raw HTML.</summary>
    public static MarkdownPipeline Pipeline { get; } = CreatePipeline();

    public static string? Of(string? markdown)
    {
        if (markdown is null)
        {
            return null;
        }

        var document = Markdown.Parse(markdown, Pipeline);
        var text = new StringBuilder();
        foreach (var paragraph in document.Descendants<ParagraphBlock>())
        {
            if (text.Length > 0)
            {
                text.Append("\n\n");
            }

            Append(text, paragraph.Inline);
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, Inline? inline)
    {
        switch (inline)
        {
            case LiteralInline literal:
                text.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.AsSpan());
                break;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                break;
            case LineBreakInline lineBreak:
                // A soft break is a space to a reader; a hard one (two spaces or a backslash) a new line.
                text.Append(lineBreak.IsHard ? '\n' : ' ');
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    Append(text, child);
                }

                break;
        }
    }

    private static MarkdownPipeline CreatePipeline()
    {
        var builder = new MarkdownPipelineBuilder().UseEmphasisExtras().DisableHtml();
        builder.BlockParsers.RemoveAll(parser => parser is not ParagraphBlockParser);
        return builder.Build();
    }
}
