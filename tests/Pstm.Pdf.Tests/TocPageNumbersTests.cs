namespace Pstm.Pdf.Tests;

public class TocPageNumbersTests
{
    private const string Html = """<li><a href="#a"><span class="toc-page" data-toc-target="a">00</span></a></li><li><span data-toc-target="b&amp;c">00</span></li>""";

    [Fact]
    public void Targets_are_read_in_order_with_entities_decoded() =>
        Assert.Equal(["a", "b&c"], TocPageNumbers.Targets(Html));

    [Fact]
    public void Fill_writes_each_targets_page_and_a_question_mark_for_an_unknown_one()
    {
        var filled = TocPageNumbers.Fill(Html, new Dictionary<string, int> { ["a"] = 7 });

        Assert.Contains("data-toc-target=\"a\">7<", filled);
        Assert.Contains("data-toc-target=\"b&amp;c\">?<", filled);
    }
}
