namespace Pstm.Diagnostics.Tests;

public class PrintableTextTests
{
    [Theory]
    [InlineData("\u001b[31mred", "\\u001B[31mred")]
    [InlineData("bell\a", "bell\\u0007")]
    [InlineData("del\u007f", "del\\u007F")]
    [InlineData("csi\u009b31m", "csi\\u009B31m")]
    [InlineData("next\u0085line", "next\\u0085line")]
    [InlineData("line\u2028para\u2029", "line\\u2028para\\u2029")]
    [InlineData("evil\u202Eoverride\u2066isolate", "evil\\u202Eoverride\\u2066isolate")]
    [InlineData("one\ntwo\r", "one\\ntwo\\u000D")]
    [InlineData("\0", "\\u0000")]
    public void Control_characters_become_visible_escapes(string text, string expected) =>
        Assert.Equal(expected, PrintableText.Escape(text));

    [Theory]
    [InlineData("Mobilità e **città**\tcon tab")]
    [InlineData("C:\\plan\\x.yaml")]
    [InlineData("العربية עברית ‎mark‏")]
    [InlineData("")]
    public void Printable_text_tabs_backslashes_and_direction_marks_stay_as_written(string text) =>
        Assert.Same(text, PrintableText.Escape(text));

    [Fact]
    public void Line_breaks_may_be_kept_for_a_format_that_encodes_them_itself() =>
        Assert.Equal("a\r\nb\\u001B\\u2028", PrintableText.Escape("a\r\nb\u001b\u2028", keepLineBreaks: true));
}
