using Pstm.Rendering.Templates;

namespace Pstm.Rendering.Tests;

/// <summary>The references of a stylesheet to other files, as pstm follows them: every url() and @import, and nothing in comments or strings.</summary>
public class CssReferencesTests
{
    [Fact]
    public void Urls_bare_or_quoted_are_found_with_the_line_and_column_of_their_address()
    {
        const string css = ".a { background: url(images/a.svg); }\n.b { src: url( \"fonts/b.woff2\" ) format('woff2'), URL('c.png'); }";

        var found = CssReferences.In(css).Select(r => (r.Kind, r.Address, r.Line, r.Column, Text: css[r.Start..r.End])).ToList();

        Assert.Equal(
            [
                (CssReferenceKind.Url, "images/a.svg", 1, 22, "url(images/a.svg)"),
                (CssReferenceKind.Url, "fonts/b.woff2", 2, 17, "url( \"fonts/b.woff2\" )"),
                (CssReferenceKind.Url, "c.png", 2, 56, "URL('c.png')"),
            ],
            found);
    }

    [Fact]
    public void Imports_in_every_form_are_found_whole_with_their_conditions()
    {
        const string css = "@import url(\"a.css\");\n@import 'b.css' print;\n@import url(c.css) layer(base) screen and (min-width: 20em);\n@IMPORT \"d.css\"";

        var found = CssReferences.In(css).Select(r => (r.Kind, r.Address, r.Line, r.Conditions, Text: css[r.Start..r.End])).ToList();

        Assert.Equal(
            [
                (CssReferenceKind.Import, "a.css", 1, "", "@import url(\"a.css\");"),
                (CssReferenceKind.Import, "b.css", 2, "print", "@import 'b.css' print;"),
                (CssReferenceKind.Import, "c.css", 3, "layer(base) screen and (min-width: 20em)", "@import url(c.css) layer(base) screen and (min-width: 20em);"),
                (CssReferenceKind.Import, "d.css", 4, "", "@IMPORT \"d.css\""),
            ],
            found);
    }

    [Theory]
    [InlineData("/* url(a.png) @import 'b.css'; */")]
    [InlineData(".a::before { content: \"url(a.png)\"; }")]
    [InlineData(".a::before { content: 'it\\'s url(a.png)'; }")]
    [InlineData(".a { background: myurl(a.png); }")]
    [InlineData("@imports 'b.css';")]
    public void Comments_strings_and_other_names_hold_no_reference(string css)
    {
        Assert.Empty(CssReferences.In(css));
    }

    [Fact]
    public void A_reference_after_a_comment_or_a_string_is_still_found()
    {
        const string css = "/* a comment */ .a { content: \"x\"; background: url(b.png); }";

        Assert.Equal("b.png", Assert.Single(CssReferences.In(css)).Address);
    }
}
