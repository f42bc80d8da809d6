using Pstm.Rendering.Text;

namespace Pstm.Rendering.Tests;

/// <summary>
/// Pipe tables of chapter bodies and notes come out as accessible tables (caption, header cells with
/// their scope, alignment as classes); images point where the edition ships them, or are their
/// description when there is nowhere to point, never a broken-image icon.
/// </summary>
public class MarkdownTableAndImageTests
{
    private const string Table = "| Missione | 2025 |\n|:---------|-----:|\n| Prima    | 10   |\n| Seconda  | 4    |";

    [Fact]
    public void A_pipe_table_has_header_cells_with_their_scope_and_its_rows_in_a_body()
    {
        var html = HtmlText.Block(Table, topLevel: 2);

        Assert.Equal(
            "<table>\n<thead>\n<tr>\n<th scope=\"col\">Missione</th>\n<th scope=\"col\" class=\"align-right\">2025</th>\n</tr>\n</thead>\n"
            + "<tbody>\n<tr>\n<td>Prima</td>\n<td class=\"align-right\">10</td>\n</tr>\n<tr>\n<td>Seconda</td>\n<td class=\"align-right\">4</td>\n</tr>\n</tbody>\n</table>",
            html);
        Assert.DoesNotContain("|", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(": Risorse per *missione*\n\n" + Table)]
    [InlineData("Table: Risorse per *missione*\n\n" + Table)]
    [InlineData(Table + "\n\n: Risorse per *missione*")]
    public void A_paragraph_before_or_after_a_table_that_starts_with_a_colon_is_its_caption(string text)
    {
        var html = HtmlText.Block("Prima del testo.\n\n" + text + "\n\nDopo.", topLevel: 2);

        Assert.Contains("<table>\n<caption>Risorse per <em>missione</em></caption>\n<thead>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<p>: ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Table:", html, StringComparison.Ordinal);
        Assert.StartsWith("<p>Prima del testo.</p>", html, StringComparison.Ordinal);
        Assert.EndsWith("<p>Dopo.</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markup_in_a_cell_is_escaped_like_any_plan_text()
    {
        var html = HtmlText.Block("| a | b |\n|---|---|\n| <script>x</script> | **c** |", topLevel: 2);

        Assert.Contains("<td>&lt;script&gt;x&lt;/script&gt;</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td><strong>c</strong></td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_points_where_the_edition_ships_it_with_its_description()
    {
        var html = HtmlText.Block("![Logo del piano](images/logo.png)", topLevel: 2, address => address == "images/logo.png" ? "assets/images/0123.png" : null);

        Assert.Equal("<p><img src=\"assets/images/0123.png\" alt=\"Logo del piano\" /></p>", html);
    }

    [Theory]
    [InlineData("![Logo del piano](images/missing.png)")]
    [InlineData("![Logo del piano](https://example.org/logo.png)")]
    public void An_image_with_nowhere_to_point_is_its_description(string text)
    {
        var html = HtmlText.Block(text, topLevel: 2, _ => null);

        Assert.Equal("<p>Logo del piano</p>", html);
        Assert.Equal("Logo del piano", HtmlText.Inline(text));
    }
}
