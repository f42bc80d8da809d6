using AngleSharp.Html.Parser;
using Pstm.Rendering.Slides;

namespace Pstm.Rendering.Tests;

/// <summary>The deck's policy comes before any script of the layout, whatever the layout looks like.</summary>
public sealed class DeckPolicyTests
{
    [Theory]
    [InlineData("<!DOCTYPE html><html lang=\"it\"><head><meta charset=\"utf-8\"><script>1</script></head><body></body></html>")]
    [InlineData("<!DOCTYPE html><html lang=\"it\"><script>1</script><head></head><body></body></html>")]
    [InlineData("<!-- <head> --><script>1</script><p>no head at all</p>")]
    [InlineData("<!doctype html>\n<HEAD data-x=\"1\"><script>1</script></HEAD>")]
    public void The_policy_is_the_first_element_of_the_head_before_every_script(string layout)
    {
        var document = new HtmlParser().ParseDocument(DeckPolicy.Apply(layout));

        var first = document.Head!.FirstElementChild!;
        Assert.Equal("Content-Security-Policy", first.GetAttribute("http-equiv"));
        Assert.Equal(DeckPolicy.ContentSecurityPolicy, first.GetAttribute("content"));
        Assert.Single(document.QuerySelectorAll("meta[http-equiv]"));
        var script = document.QuerySelector("script")!;
        Assert.True(first.CompareDocumentPosition(script).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
        if (layout.Contains("lang=", StringComparison.Ordinal))
        {
            Assert.Equal("it", document.DocumentElement.GetAttribute("lang"));
        }
    }
}
