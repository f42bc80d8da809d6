using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Pstm.Rendering.Text;

/// <summary>
/// Writes a pipe table as a table screen readers can walk: its caption first (<see cref="Plan.Text.TableCaption"/>),
/// header cells as <c>&lt;th scope="col"&gt;</c>, and each column's alignment as a class the stylesheets
/// set (no style attributes).
/// </summary>
internal sealed class AccessibleTableRenderer : HtmlObjectRenderer<Table>
{
    /// <summary>The key under which a table keeps the paragraph that captions it.</summary>
    public static readonly object CaptionKey = new();

    protected override void Write(HtmlRenderer renderer, Table table)
    {
        renderer.EnsureLine();
        renderer.WriteLine("<table>");
        if (table.GetData(CaptionKey) is ParagraphBlock caption)
        {
            renderer.Write("<caption>");
            renderer.WriteLeafInline(caption);
            renderer.WriteLine("</caption>");
        }

        var header = table.OfType<TableRow>().Where(r => r.IsHeader).ToList();
        var body = table.OfType<TableRow>().Where(r => !r.IsHeader).ToList();
        WriteRows(renderer, table, "thead", header);
        WriteRows(renderer, table, "tbody", body);
        renderer.WriteLine("</table>");
    }

    private static void WriteRows(HtmlRenderer renderer, Table table, string group, List<TableRow> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        renderer.WriteLine($"<{group}>");
        foreach (var row in rows)
        {
            renderer.WriteLine("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                var cell = (TableCell)row[i];
                renderer.Write(row.IsHeader ? "<th scope=\"col\"" : "<td");
                if (cell.ColumnSpan != 1)
                {
                    renderer.Write($" colspan=\"{cell.ColumnSpan}\"");
                }

                var column = cell.ColumnIndex >= 0 && cell.ColumnIndex < table.ColumnDefinitions.Count ? cell.ColumnIndex : i;
                var alignment = column < table.ColumnDefinitions.Count ? table.ColumnDefinitions[column].Alignment : null;
                renderer.Write(alignment switch
                {
                    TableColumnAlign.Right => " class=\"align-right\"",
                    TableColumnAlign.Center => " class=\"align-center\"",
                    _ => "",
                });
                renderer.Write(">");

                // A cell's one paragraph is written without <p>, as a cell's text.
                var implicitParagraph = renderer.ImplicitParagraph;
                renderer.ImplicitParagraph = true;
                renderer.Write(cell);
                renderer.ImplicitParagraph = implicitParagraph;
                renderer.WriteLine(row.IsHeader ? "</th>" : "</td>");
            }

            renderer.WriteLine("</tr>");
        }

        renderer.WriteLine($"</{group}>");
    }
}
