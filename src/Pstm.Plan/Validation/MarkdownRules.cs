using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Tables;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Pstm.Diagnostics;
using Pstm.Plan.Images;
using Pstm.Plan.Loading;
using Pstm.Plan.Model;
using Pstm.Plan.Text;
using Pstm.Plan.Translation;
using SourceSpan = Pstm.Diagnostics.SourceSpan;

namespace Pstm.Plan.Validation;

/// <summary>
/// What a plan text's Markdown would show that pstm cannot render as meant: raw HTML, constructs
/// outside <see cref="PlanMarkdown"/> (code blocks, footnotes, task lists), images and blocks in
/// one-line texts, character references to control characters; images without alternative text or
/// whose file cannot be shown (<see cref="PlanImages"/>); tables without a caption.
/// </summary>
internal static class MarkdownRules
{
    public static void Check(StrategicPlan plan, SourceSet sources, PlanImages images, DiagnosticBag diagnostics)
    {
        var locator = new TextLocator(sources);
        foreach (var field in TranslatableFields.Of(plan))
        {
            CheckText(field.Key, field.Text, field.IsMarkdown, item => locator.Locate(field.Span, item), images, diagnostics);
        }
    }

    /// <summary>Checks one text; <paramref name="locate"/> finds where a part of it is written.</summary>
    public static void CheckText(string key, string text, bool block, Func<string, SourceSpan> locate, PlanImages images, DiagnosticBag diagnostics)
    {
        var document = Markdown.Parse(text, block ? PlanMarkdown.BlockCheck : PlanMarkdown.InlineCheck);
        SourceSpan At(MarkdownObject node) => locate(node.Span.IsEmpty ? "" : text.Substring(node.Span.Start, Math.Min(node.Span.Length, text.Length - node.Span.Start)));

        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case HtmlBlock or HtmlInline:
                    diagnostics.Add(PlanDiagnostics.RawHtml.Create(
                        At(node),
                        $"{key} holds HTML ({Quote(text, node)}), which pstm prints as neither markup nor text",
                        "write it in Markdown (**bold**, *italic*, [link](https://…), ![description](images/file.png)); to show a '<' as such, write \\<"));
                    break;
                case FencedCodeBlock or CodeBlock:
                    diagnostics.Add(Unsupported(At(node), key, "a code block (a fenced ``` block, or lines indented by four spaces)", "remove the fence, or the indentation at the start of the lines; a word in `backticks` is shown as code"));
                    break;
                case Footnote or FootnoteLink { IsBackLink: false }:
                    diagnostics.Add(Unsupported(At(node), key, "a footnote ([^…])", "write the note in the text, in brackets, or as a paragraph after it"));
                    break;
                case TaskList:
                    diagnostics.Add(Unsupported(At(node), key, "a task list item ([ ] or [x])", "write the list without the checkbox"));
                    break;
                case Table table:
                    CheckTable(table, key, At(node), diagnostics);
                    break;
                case LinkInline { IsImage: true } image when !block:
                    diagnostics.Add(PlanDiagnostics.BlockMarkdownInInlineText.Create(
                        At(node),
                        $"{key} is a one-line text, which shows no image ({Quote(text, node)})",
                        "images belong in chapter bodies and notes; here, write the words the image would say"));
                    break;
                case LinkInline { IsImage: true } image:
                    CheckImage(image, key, At(node), images, diagnostics);
                    break;
                case HtmlEntityInline entity when ControlCharacter(entity.Transcoded.ToString()) is { } what:
                    diagnostics.Add(PlanDiagnostics.ControlCharacterEntity.Create(
                        At(node),
                        $"{key} writes {what} as the character reference '{entity.Original}'; a plan's texts may not hold it",
                        "remove the reference; for a space write a space, for a new line start a new paragraph"));
                    break;
            }
        }
    }

    private static void CheckImage(LinkInline image, string key, SourceSpan span, PlanImages images, DiagnosticBag diagnostics)
    {
        var alt = string.Concat(image.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim();
        if (alt.Length == 0)
        {
            diagnostics.Add(PlanDiagnostics.ImageWithoutAlt.Create(
                span,
                $"image '{image.Url}' in {key} has no alternative text: readers who cannot see it, and screen readers, get nothing",
                "describe what the image shows between the brackets: ![Map of the metropolitan area's 133 municipalities](images/map.png)"));
        }

        if (string.IsNullOrWhiteSpace(image.Url))
        {
            diagnostics.Add(PlanDiagnostics.ImageNotFound.Create(
                span, $"an image in {key} names no file", "write the image's path in the parentheses: ![description](images/file.png)"));
            return;
        }

        images.Resolve(image.Url, span, diagnostics);
    }

    private static void CheckTable(Table table, string key, SourceSpan span, DiagnosticBag diagnostics)
    {
        if (TableCaption.Of(table) is null)
        {
            diagnostics.Add(PlanDiagnostics.TableWithoutCaption.Create(
                span,
                $"a table in {key} has no caption: readers of the booklet, and screen readers, are not told what it shows",
                "write its caption as a paragraph of its own just before or after the table, starting with ': ' or 'Table: ', such as ': Resources by mission, 2025-2027'"));
        }
    }

    private static Diagnostic Unsupported(SourceSpan span, string key, string what, string hint) =>
        PlanDiagnostics.UnsupportedMarkdown.Create(span, $"{key} holds {what}, which pstm does not render", hint);

    private static string? ControlCharacter(string text)
    {
        foreach (var c in text)
        {
            if (c == '\uFFFD')
            {
                return "no valid character";
            }

            if (c is '\r' or '\n' || CharacterCheck.Describe(c) is not null)
            {
                return $"{CharacterCheck.Describe(c) ?? "a line break"} (U+{(int)c:X4})";
            }
        }

        return null;
    }

    private static string Quote(string text, MarkdownObject node)
    {
        var part = node.Span.IsEmpty || node.Span.Start >= text.Length ? "" : text.Substring(node.Span.Start, Math.Min(node.Span.Length, text.Length - node.Span.Start));
        part = part.Split('\n')[0].Trim();
        return "'" + (part.Length <= 40 ? part : part[..37] + "…") + "'";
    }
}
