using System.Text.Encodings.Web;
using System.Text.Unicode;
using Markdig;
using Markdig.Syntax;

namespace Pstm.Rendering.Text;

/// <summary>
/// Turns the plan's texts into HTML that is safe to insert: Markdown with raw HTML disabled, so that
/// a text containing <c>&lt;script&gt;</c> shows as text, and links only to web, mail and in-document
/// addresses (<see cref="SafeLinks"/>), and no direction override left open (<see cref="BidiControls"/>).
/// Every string handed to templates passes here.
/// </summary>
public static partial class HtmlText
{
    // Chapter bodies and notes: paragraphs, headings, lists, quotations, images and pipe tables.
    private static MarkdownPipeline Pipeline => Plan.Text.PlanMarkdown.Block;

    // Titles, names and objectives are one run of text: "1. Introduzione" or "# 1 Ambito" is a title
    // to print as written, not a list or a heading. Only paragraphs are parsed as blocks.
    private static MarkdownPipeline InlinePipeline => Plan.Text.PlainText.Pipeline;

    // Escapes markup characters only: accented letters stay readable in the HTML.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Plain text, HTML-escaped.</summary>
    public static string Escape(string? text) => Encoder.Encode(BidiControls.Balance(text ?? ""));

    /// <summary>Inline Markdown (emphasis) as HTML, without an enclosing paragraph.</summary>
    public static string Inline(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        // A one-line text shows no image (PSTM0413): its description stands in its place.
        var document = Parse(BidiControls.Balance(text), InlinePipeline);
        MarkdownImages.Apply(document, source: null);
        var html = Render(document).Trim();
        html = html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal)
            ? html[3..^4]
            : html;

        // A period such as 2025-2027 reads as one word: never break it at its hyphen.
        return YearRange().Replace(html, "<span class=\"nowrap\">$0</span>");
    }

    /// <summary>
    /// Block Markdown as HTML, its headings no higher than <paramref name="topLevel"/>, so that a body's
    /// headings sit under the chapter's own; <paramref name="imageSource"/> gives the address an image
    /// is shown from (null: shown as its description). Tables get their caption and header cells.
    /// </summary>
    public static string Block(string? text, int topLevel, Func<string, string?>? imageSource = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var document = Parse(BidiControls.Balance(text));
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Clamp(heading.Level, topLevel, 6);
        }

        MarkdownImages.Apply(document, imageSource);
        TableCaptions.Apply(document);

        return Render(document).TrimEnd('\n');
    }

    private static MarkdownDocument Parse(string text, MarkdownPipeline? pipeline = null)
    {
        var document = Markdown.Parse(text, pipeline ?? Pipeline);
        SafeLinks.Apply(document);
        return document;
    }

    private static string Render(MarkdownDocument document)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.ReplaceOrAdd<Markdig.Extensions.Tables.HtmlTableRenderer>(new AccessibleTableRenderer());
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>The text without Markdown marks, for titles, outlines and attributes; HTML-escaped.</summary>
    public static string Plain(string? text) => Escape(PlainText(text));

    /// <summary>The text without Markdown marks, not escaped: for composing labels and CSS strings.</summary>
    public static string PlainText(string? text) =>
        string.IsNullOrEmpty(text)
            ? ""
            : BidiControls.Balance(Plan.Text.PlainText.Of(text)!);

    /// <summary>A text as a CSS string literal, safe inside a style element.</summary>
    public static string CssString(string text)
    {
        var css = new System.Text.StringBuilder("\"");
        foreach (var c in text)
        {
            if (c is '"' or '\\' or '<' or '>' or '&' || char.IsControl(c))
            {
                css.Append('\\').Append(((int)c).ToString("X", System.Globalization.CultureInfo.InvariantCulture)).Append(' ');
            }
            else
            {
                css.Append(c);
            }
        }

        return css.Append('"').ToString();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\w-])\d{4}-\d{4}(?![\w-])")]
    private static partial System.Text.RegularExpressions.Regex YearRange();
}
