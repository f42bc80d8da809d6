using Markdig;
using Markdig.Parsers;

namespace Pstm.Plan.Text;

/// <summary>
/// How plan texts are parsed, for rendering and for checking alike. One-line texts (titles, names,
/// objectives, definitions, descriptions) are inline Markdown: emphasis, links, code spans. Block texts
/// (chapter bodies, notes) add paragraphs, headings, lists, quotations, images and pipe tables. Raw
/// HTML is never rendered; the check's pipelines also recognise HTML and the extensions pstm does not
/// render (footnotes, task lists), so that a text using them is an error, not raw text.
/// </summary>
public static class PlanMarkdown
{
    /// <summary>One-line texts: Markdown inline marks, no blocks, no raw HTML.</summary>
    public static MarkdownPipeline Inline => PlainText.Pipeline;

    /// <summary>Block texts: CommonMark with emphasis extras and pipe tables, no raw HTML.</summary>
    public static MarkdownPipeline Block { get; } = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UsePipeTables()
        .DisableHtml()
        .Build();

    /// <summary>One-line texts as checked: as <see cref="Inline"/>, with HTML recognised.</summary>
    internal static MarkdownPipeline InlineCheck { get; } = CreateInlineCheck();

    /// <summary>
    /// Block texts as checked: as <see cref="Block"/>, with HTML, footnotes and task lists recognised.
    /// Not definition lists: their ': ' would take a table's caption for a definition.
    /// </summary>
    internal static MarkdownPipeline BlockCheck { get; } = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseFootnotes()
        .UseTaskLists()
        .UsePreciseSourceLocation()
        .Build();

    private static MarkdownPipeline CreateInlineCheck()
    {
        var builder = new MarkdownPipelineBuilder().UseEmphasisExtras().UsePreciseSourceLocation();
        builder.BlockParsers.RemoveAll(parser => parser is not ParagraphBlockParser);
        return builder.Build();
    }
}
