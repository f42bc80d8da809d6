using Pstm.Rendering.Text;
using Pstm.Rendering.Text.Hyphenation;

namespace Pstm.Rendering.Tests;

public class TypesettingTests
{
    private const char Shy = '\u00AD';

    [Theory]
    [InlineData("it", "metropolitano", "me-tro-po-li-ta-no")]
    [InlineData("it", "infrastrutture", "in-fra-strut-tu-re")]
    [InlineData("it", "transizione", "tran-si-zio-ne")]
    [InlineData("en", "hyphenation", "hy-phen-ation")]
    [InlineData("en", "infrastructure", "in-fra-struc-ture")]
    public void Words_break_where_the_language_breaks_them(string language, string word, string expected)
    {
        var hyphenator = Hyphenator.ForLanguage(language)!;

        Assert.Equal(expected, hyphenator.Hyphenate(word).Replace(Shy, '-'));
    }

    [Fact]
    public void A_range_of_numbers_is_kept_on_one_line_but_not_in_code()
    {
        const string html = "<h1>Piano 2024-2026</h1><p>dal 2025–2027 al 12-14, non M1–M6</p><code>2024-2026</code>";

        var set = Typesetting.Apply(html, "it", hyphenate: false);

        Assert.Equal(
            "<h1>Piano <span style=\"white-space: nowrap\">2024\u20132026</span></h1><p>dal <span style=\"white-space: nowrap\">2025\u20132027</span> al 12-14, non M1\u2013M6</p><code>2024-2026</code>",
            set);
    }

    [Fact]
    public void A_language_without_patterns_is_not_hyphenated()
    {
        Assert.Null(Hyphenator.ForLanguage("xx"));
        Assert.Equal("<p>metropolitano</p>", Typesetting.Apply("<p>metropolitano</p>", "xx", hyphenate: true));
    }

    [Fact]
    public void Running_text_gets_soft_hyphens_but_headings_codes_and_addresses_do_not()
    {
        const string html = "<table><tr><th>Infrastrutture</th><td>metropolitano</td></tr></table><h2>Infrastrutture metropolitane</h2><p>Infrastrutture metropolitane su https://www.cittametropolitana.mi.it e PSTTM</p><code>metropolitano</code>";

        var set = Typesetting.Apply(html, "it", hyphenate: true);

        Assert.Contains("<h2>Infrastrutture metropolitane</h2>", set, StringComparison.Ordinal);
        Assert.Contains($"<th>Infrastrutture</th><td>me{Shy}tro{Shy}po{Shy}li{Shy}ta{Shy}no</td>", set, StringComparison.Ordinal);
        Assert.Contains($"In{Shy}fra{Shy}strut{Shy}tu{Shy}re me{Shy}tro{Shy}po{Shy}li{Shy}ta{Shy}ne", set, StringComparison.Ordinal);
        Assert.Contains("https://www.cittametropolitana.mi.it e PSTTM", set, StringComparison.Ordinal);
        Assert.Contains("<code>metropolitano</code>", set, StringComparison.Ordinal);
    }

    [Fact]
    public void An_element_marked_no_hyphens_is_not_hyphenated_nor_what_it_holds()
    {
        var set = Typesetting.Apply("<header class=\"cover no-hyphens\"><p>metropolitano</p></header><p>metropolitano</p>", "it", hyphenate: true);

        Assert.StartsWith("<header class=\"cover no-hyphens\"><p>metropolitano</p></header>", set, StringComparison.Ordinal);
        Assert.EndsWith($"<p>me{Shy}tro{Shy}po{Shy}li{Shy}ta{Shy}no</p>", set, StringComparison.Ordinal);
    }

    [Fact]
    public void A_part_in_another_language_is_not_hyphenated_with_the_editions_patterns()
    {
        var set = Typesetting.Apply("<p>metropolitano <span lang=\"en\">metropolitan</span></p>", "it", hyphenate: true);

        Assert.Contains("<span lang=\"en\">metropolitan</span>", set, StringComparison.Ordinal);
        Assert.Contains($"me{Shy}tro", set, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<p>l'Idroscalo e dell'area</p>", "<p>l\u2019Idroscalo e dell\u2019area</p>")]
    [InlineData("<p>il piano \"Orizzonte 2026\" del 2022-2024</p>", "<p>il piano \u201COrizzonte 2026\u201D del <span style=\"white-space: nowrap\">2022\u20132024</span></p>")]
    [InlineData("<p>ottobre-novembre 2024 - e poi...</p>", "<p>ottobre\u2013novembre 2024 \u2013 e poi\u2026</p>")]
    [InlineData("<p>\"<strong>transizione</strong>\" e po'</p>", "<p>\u201C<strong>transizione</strong>\u201D e po\u2019</p>")]
    [InlineData("<p>tel. 02-7740-1234, codice M1-2024-03</p>", "<p>tel. 02-7740-1234, codice M1-2024-03</p>")]
    public void Quotes_apostrophes_and_ranges_are_set_as_a_typographer_would(string html, string expected)
    {
        Assert.Equal(expected, Typesetting.Apply(html, "en", hyphenate: false));
    }

    [Fact]
    public void Markup_head_and_code_are_left_as_written()
    {
        const string html = "<head><style>a::before { content: \"'\"; }</style><title>Plan 2025-2027</title></head><p class='x' title=\"it's\">it's</p><pre>\"raw\"</pre>";

        var set = Typesetting.Apply(html, "en", hyphenate: true);

        Assert.Equal("<head><style>a::before { content: \"'\"; }</style><title>Plan 2025-2027</title></head><p class='x' title=\"it's\">it\u2019s</p><pre>\"raw\"</pre>", set);
    }

    [Theory]
    [InlineData("<li id=\"o\" data-item=\"x\"><span lang=\"it\">Valorizzare l'<strong>Idroscalo</strong></span></li>", "<li id=\"o\" data-item=\"x\" lang=\"it\">Valorizzare l'<strong>Idroscalo</strong></li>")]
    [InlineData("<p><span lang=\"it\">Testo</span></p>", "<p lang=\"it\">Testo</p>")]
    [InlineData("<li>English <span lang=\"it\">italiano</span></li>", "<li>English <span lang=\"it\">italiano</span></li>")]
    [InlineData("<li lang=\"de\"><span lang=\"it\">x</span></li>", "<li lang=\"de\"><span lang=\"it\">x</span></li>")]
    [InlineData("<p><span lang=\"it\">a</span> <span lang=\"it\">b</span></p>", "<p><span lang=\"it\">a</span> <span lang=\"it\">b</span></p>")]
    public void A_block_wholly_in_another_language_carries_its_lang_itself(string html, string expected)
    {
        Assert.Equal(expected, LanguageOnBlocks.Apply(html));
    }
}
