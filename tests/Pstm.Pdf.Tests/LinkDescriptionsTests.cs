namespace Pstm.Pdf.Tests;

public class LinkDescriptionsTests
{
    [Fact]
    public void A_link_is_described_by_the_text_it_shows_without_its_page_number_or_hidden_decoration()
    {
        const string html = """
            <a href="#chapter-C1"><span class="toc-label">01 Piano &amp; <em>visione</em></span><span class="toc-leader" aria-hidden="true">....</span><span class="toc-page" data-toc-target="chapter-C1">00</span></a>
            <a href="https://example.org/a?b=1&amp;c=2">il
              sito</a>
            """;

        var links = LinkDescriptions.FromHtml(html);

        Assert.Equal("01 Piano & visione", links["#chapter-C1"]);
        Assert.Equal("il sito", links["https://example.org/a?b=1&c=2"]);
    }

    [Fact]
    public void The_first_link_to_a_target_names_it_and_a_link_without_text_names_nothing()
    {
        var links = LinkDescriptions.FromHtml("""<a href="#m1">Missione 1</a> <a href="#m1">vedi sopra</a> <a href="#x"><img alt=""></a>""");

        Assert.Equal("Missione 1", links["#m1"]);
        Assert.False(links.ContainsKey("#x"));
    }
}
