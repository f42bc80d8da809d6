using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Pstm.Plan.Text;

/// <summary>
/// A pipe table's caption, written as pandoc writes it: a paragraph of its own, just before or just
/// after the table, that starts with <c>Table:</c> or with <c>:</c>, such as
/// <c>: Risorse per missione, in milioni di euro</c>. The booklet prints it as the table's caption.
/// </summary>
public static class TableCaption
{
    private static readonly string[] Markers = ["Table:", ":"];

    /// <summary>The paragraph that captions <paramref name="table"/>, or null when it has none.</summary>
    public static ParagraphBlock? Of(Table table)
    {
        if (table.Parent is not { } parent)
        {
            return null;
        }

        var index = parent.IndexOf(table);
        foreach (var neighbour in new[] { index - 1, index + 1 })
        {
            if (neighbour >= 0 && neighbour < parent.Count && parent[neighbour] is ParagraphBlock paragraph && MarkerLength(paragraph) > 0)
            {
                return paragraph;
            }
        }

        return null;
    }

    /// <summary>How many characters of the paragraph's first text are the caption's marker; 0 when it is no caption.</summary>
    public static int MarkerLength(ParagraphBlock paragraph)
    {
        if (paragraph.Inline?.FirstChild is not LiteralInline first)
        {
            return 0;
        }

        var text = first.Content.ToString();
        foreach (var marker in Markers)
        {
            if (text.StartsWith(marker, StringComparison.Ordinal) && text.Length > marker.Length && text[marker.Length] == ' ')
            {
                return marker.Length + 1;
            }
        }

        return 0;
    }
}
