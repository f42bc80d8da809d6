using Markdig.Extensions.Tables;
using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Pstm.Plan.Text;

namespace Pstm.Rendering.Text;

/// <summary>
/// Moves each table's caption paragraph (<see cref="TableCaption"/>) into the table, its marker
/// (<c>Table:</c> or <c>:</c>) dropped, for <see cref="AccessibleTableRenderer"/> to write as its caption.
/// </summary>
internal static class TableCaptions
{
    public static void Apply(MarkdownDocument document)
    {
        foreach (var table in document.Descendants<Table>().ToList())
        {
            if (TableCaption.Of(table) is not { } caption)
            {
                continue;
            }

            var marker = TableCaption.MarkerLength(caption);
            var first = (LiteralInline)caption.Inline!.FirstChild!;
            first.Content = new StringSlice(first.Content.ToString()[marker..]);
            caption.Parent!.Remove(caption);
            table.SetData(AccessibleTableRenderer.CaptionKey, caption);
        }
    }
}
