namespace Pstm.Rendering.Tests;

/// <summary>Parts of rendered HTML, for assertions about one element.</summary>
public static class HtmlSlice
{
    /// <summary>From the first <paramref name="start"/> to the first <paramref name="end"/> after it.</summary>
    public static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{start}' is not in the html");
        return html[from..html.IndexOf(end, from, StringComparison.Ordinal)];
    }
}
