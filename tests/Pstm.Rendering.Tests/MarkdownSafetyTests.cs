using AngleSharp.Html.Parser;
using Pstm.Rendering.Text;

namespace Pstm.Rendering.Tests;

/// <summary>Markdown in the plan's texts can neither inject HTML nor link to code.</summary>
public class MarkdownSafetyTests
{
    private static readonly HtmlParser Parser = new();

    [Theory]
    [InlineData("[clic](javascript:alert(1))")]
    [InlineData("[clic](JavaScript:alert(1))")]
    [InlineData("[clic](jav&#x61;script:alert(1))")]
    [InlineData("[clic](&#106;avascript:alert(1))")]
    [InlineData("[clic](<java\tscript:alert(1)>)")]
    [InlineData("[clic](vbscript:msgbox(1))")]
    [InlineData("[clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[clic](file:///etc/passwd)")]
    [InlineData("[clic][ref]\n\n[ref]: javascript:alert(1)")]
    [InlineData("[clic]\n\n[clic]: vbscript:msgbox(1)")]
    [InlineData("clic <javascript:alert(1)>")]
    [InlineData("clic <data:text/html,<script>alert(1)</script>>")]
    [InlineData("![clic](javascript:alert(1))")]
    [InlineData("![clic](data:image/svg+xml,<svg onload=alert(1)>)")]
    [InlineData("<a href=\"javascript:alert(1)\">clic</a>")]
    [InlineData("<script>alert(1)</script> clic")]
    [InlineData("clic <img src=x onerror=alert(1)>")]
    public void No_markdown_makes_a_script_a_handler_or_a_link_to_code(string markdown)
    {
        foreach (var html in new[] { HtmlText.Block(markdown, topLevel: 2), HtmlText.Inline(markdown) })
        {
            var document = Parser.ParseDocument("<body>" + html + "</body>");

            Assert.Empty(document.QuerySelectorAll("script, img, iframe, object, embed, svg"));
            Assert.DoesNotContain(document.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            Assert.All(document.QuerySelectorAll("[href], [src]"), e => Assert.True(SafeLinks.IsSafe(e.GetAttribute("href") ?? e.GetAttribute("src")), e.OuterHtml));
            Assert.Contains("clic", document.Body!.TextContent, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("[sito](https://www.cittametropolitana.mi.it/)", "https://www.cittametropolitana.mi.it/")]
    [InlineData("[scrivi](mailto:piano@example.org)", "mailto:piano@example.org")]
    [InlineData("<https://example.org/a?b=1>", "https://example.org/a?b=1")]
    [InlineData("[sopra](#chapter-C1)", "#chapter-C1")]
    [InlineData("[allegato](allegati/a:b.pdf)", "allegati/a:b.pdf")]
    public void Web_mail_and_in_document_links_are_kept(string markdown, string href)
    {
        var document = Parser.ParseDocument("<body>" + HtmlText.Block(markdown, topLevel: 2) + "</body>");

        Assert.Equal(href, Assert.Single(document.QuerySelectorAll("a")).GetAttribute("href"));
    }

    [Theory]
    [InlineData("javascript:alert(1)", false)]
    [InlineData(" JAVASCRIPT:alert(1)", false)]
    [InlineData("java\nscript:alert(1)", false)]
    [InlineData("java\u0000script:alert(1)", false)]
    [InlineData("vbscript:x", false)]
    [InlineData("data:text/html,x", false)]
    [InlineData("1javascript:x", false)]
    [InlineData("https://example.org", true)]
    [InlineData("HTTP://example.org", true)]
    [InlineData("//example.org/x", true)]
    [InlineData("#anchor", true)]
    [InlineData("a/b:c", true)]
    [InlineData("", true)]
    public void Only_web_mail_and_relative_addresses_are_safe(string url, bool safe) =>
        Assert.Equal(safe, SafeLinks.IsSafe(url));
}
