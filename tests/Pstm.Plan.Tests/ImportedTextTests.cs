using System.Xml.Linq;
using Pstm.Diagnostics;
using Pstm.Plan.Translation;

namespace Pstm.Plan.Tests;

/// <summary>
/// The white space import sets aside (<see cref="ImportedText"/>) and the reading of XLIFF content that a
/// tool reindented (<see cref="XliffInline.ToMarkdown"/>): what a tool adds goes, what the author wrote stays.
/// </summary>
public class ImportedTextTests
{
    [Theory]
    [InlineData("  Foster the \n          **digital transition**\n        ", true, "Foster the **digital transition**")]
    [InlineData("Three-year \t strategic   plan", true, "Three-year strategic plan")]
    [InlineData("Three-year \t strategic   plan", false, "Three-year strategic plan")]
    [InlineData("Three-year\nplan", false, "Three-year\nplan")]
    [InlineData("Three-year\r\nplan", true, "Three-year\n plan")]
    [InlineData("Prix\u00A0: 10\u00A0€", true, "Prix\u00A0: 10\u00A0€")]
    public void A_one_line_text_has_its_runs_of_layout_white_space_as_one_space(string text, bool lineFeedsAreLayout, string expected)
    {
        Assert.Equal(expected, ImportedText.Normalise(text, isMarkdown: false, lineFeedsAreLayout));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_markdown_text_keeps_its_lines_blank_lines_indentation_and_hard_breaks_losing_only_its_ends(bool lineFeedsAreLayout)
    {
        const string body = "## Heading\n\nA hard break  \nand a line\n\n- an item\n  continued\n\n    an indented line\n\tafter a tab";

        Assert.Equal(body, ImportedText.Normalise("\n\n  " + body + "  \n\n", isMarkdown: true, lineFeedsAreLayout));
        Assert.Equal(body, ImportedText.Normalise(body.Replace("\n", "\r\n", StringComparison.Ordinal), isMarkdown: true, lineFeedsAreLayout));
    }

    [Fact]
    public void Content_a_tool_reindented_reads_back_as_written_when_read_as_reindented_spaces_the_text_had_kept()
    {
        // "l'<pc>ambiente</pc>, e <pc>x</pc> y" as a pretty-printer writes it: a break and 4 spaces before each child, 2 before the end tag.
        var target = Target("<target>\n    l'\n    <pc id=\"1\" type=\"fmt\" subType=\"xlf:b\">ambiente</pc>\n    , e \n    <pc id=\"2\" type=\"fmt\" subType=\"xlf:b\">x</pc>\n     y\n  </target>");

        Assert.Equal("l'**ambiente**, e **x** y", XliffInline.ToMarkdown(target, "t.xlf", new DiagnosticBag(), reindented: true));
        Assert.Equal("l' **ambiente** , e **x** y", ImportedText.Normalise(XliffInline.ToMarkdown(target, "t.xlf", new DiagnosticBag())!, isMarkdown: false, lineFeedsAreLayout: true));
    }

    [Fact]
    public void A_markdown_body_a_tool_reindented_keeps_its_paragraphs_and_list_when_read_as_reindented()
    {
        var target = Target(
            "<target xml:space=\"preserve\">\n      Intro:\n\n\n      <pc id=\"1\" type=\"fmt\" subType=\"xlf:b\">Bold</pc>\n       starts a paragraph.\n\n- an item\n  continued\n    </target>");

        Assert.Equal("Intro:\n\n**Bold** starts a paragraph.\n\n- an item\n  continued", XliffInline.ToMarkdown(target, "t.xlf", new DiagnosticBag(), reindented: true));
    }

    [Fact]
    public void Content_no_tool_reindented_reads_the_same_either_way_but_for_breaks_at_its_edges()
    {
        var target = Target("<target>Support the <pc id=\"1\" type=\"fmt\" subType=\"xlf:b\">digital transition</pc>, now</target>");

        Assert.Equal("Support the **digital transition**, now", XliffInline.ToMarkdown(target, "t.xlf", new DiagnosticBag()));
        Assert.Equal("Support the **digital transition**, now", XliffInline.ToMarkdown(target, "t.xlf", new DiagnosticBag(), reindented: true));
    }

    private static XElement Target(string xml) =>
        XElement.Parse($"<segment xmlns=\"{Xliff.Ns.NamespaceName}\">{xml}</segment>", LoadOptions.PreserveWhitespace).Elements().Single();
}
