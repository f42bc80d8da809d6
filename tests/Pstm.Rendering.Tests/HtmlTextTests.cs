using Pstm.Rendering.Text;

namespace Pstm.Rendering.Tests;

public class HtmlTextTests
{
    [Theory]
    [InlineData("Sostenere la **transizione digitale**", "Sostenere la <strong>transizione digitale</strong>")]
    [InlineData("a < b & c", "a &lt; b &amp; c")]
    [InlineData("<b>bold</b>", "&lt;b&gt;bold&lt;/b&gt;")]
    [InlineData("Piano 2025-2027", "Piano <span class=\"nowrap\">2025-2027</span>")]
    public void Inline_renders_emphasis_and_escapes_everything_else(string text, string html) =>
        Assert.Equal(html, HtmlText.Inline(text));

    // A title that looks like the start of a list, a heading or a quote is printed as written.
    [Theory]
    [InlineData("1. Introduzione", "1. Introduzione")]
    [InlineData("# 1 Ambito", "# 1 Ambito")]
    [InlineData("- Missione **uno**", "- Missione <strong>uno</strong>")]
    [InlineData("> citazione", "&gt; citazione")]
    public void Inline_keeps_a_title_that_looks_like_a_block_as_written(string text, string html)
    {
        Assert.Equal(html, HtmlText.Inline(text));
        Assert.Equal(text.Replace("**", "", StringComparison.Ordinal), HtmlText.PlainText(text));
    }

    [Fact]
    public void Plain_drops_the_marks_and_escapes() =>
        Assert.Equal("Valorizzare l&#x27;Idroscalo &amp; co", HtmlText.Plain("Valorizzare l'**Idroscalo** & co"));

    [Fact]
    public void Block_headings_stay_below_the_chapters_own() =>
        Assert.StartsWith("<h2>Titolo</h2>", HtmlText.Block("# Titolo\n\nTesto", topLevel: 2));

    [Theory]
    [InlineData("Agenda", "\"Agenda\"")]
    [InlineData("a \"b\" \\ </style>", "\"a \\22 b\\22  \\5C  \\3C /style\\3E \"")]
    public void Css_strings_are_safe_inside_a_style_element(string text, string css) =>
        Assert.Equal(css, HtmlText.CssString(text));

    // An override left open would reverse whatever the template prints after the text.
    [Theory]
    [InlineData("a \u202Eevil", "a \u202Eevil\u202C")]
    [InlineData("\u2067x \u202By", "\u2067x \u202By\u202C\u2069")]
    [InlineData("closed \u202Eok\u202C", "closed \u202Eok\u202C")]
    [InlineData("isolate \u2068\u202Ein\u2069 closes both", "isolate \u2068\u202Ein\u2069 closes both")]
    [InlineData("stray \u202C\u2069 closers", "stray \u202C\u2069 closers")]
    [InlineData("marks \u200F stay", "marks \u200F stay")]
    public void Direction_controls_left_open_by_a_text_are_closed_at_its_end(string text, string expected)
    {
        Assert.Equal(expected, HtmlText.Inline(text));
        Assert.Equal(expected, HtmlText.Escape(text));
        Assert.Equal(expected, HtmlText.PlainText(text));
        Assert.Equal($"<p>{expected}</p>", HtmlText.Block(text, topLevel: 2));
    }
}
