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
}
