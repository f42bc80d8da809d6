using System.Net;
using System.Text.RegularExpressions;
using Pstm.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace Pstm.Editions.Tests;

/// <summary>
/// The shipped plan printed with a theme that asks for full-page chapter openers on right-hand pages
/// (booklet.css): Chromium prints <c>break-before: right</c> as a plain page break, so pstm puts blank
/// pages where they are needed; read back from the PDF.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The folders are deleted in DisposeAsync, which xunit calls.")]
public sealed partial class FullPageOpenerTests : IAsyncLifetime
{
    private const string Theme = "\n:root { --opener-height: 240mm; --opener-break-after: page; --chapter-break: right; }\n";

    private readonly TemporaryFolder _templates = TemporaryFolder.CopyOf(Path.Combine(BuiltBooklet.RepositoryRoot, "templates"));
    private readonly TemporaryFolder _output = new();
    private byte[] _pdf = [];
    private string _html = "";

    public async Task InitializeAsync()
    {
        await File.AppendAllTextAsync(Path.Combine(_templates.Path, "theme.css"), Theme);
        var result = await EditionBuilder.BuildAsync(BuiltBooklet.Request(_output.Path, templates: _templates.Path), CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Where(d => d.IsError).Select(d => d.Message)));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "PSTM0607");
        _pdf = await File.ReadAllBytesAsync(Path.Combine(_output.Path, "it", "booklet.pdf"));
        _html = await File.ReadAllTextAsync(Path.Combine(_output.Path, "it", "booklet.html"));
    }

    public Task DisposeAsync()
    {
        _templates.Dispose();
        _output.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void Every_chapter_opens_on_a_right_hand_page_alone_and_the_back_cover_is_an_even_last_page()
    {
        using var document = PdfDocument.Open(_pdf);
        var pages = PdfDestinations.PagesByName(_pdf);
        var chapters = ChapterAnchor().Matches(_html).Select(m => m.Groups["id"].Value).ToList();

        Assert.Equal(5, chapters.Count);
        foreach (var chapter in chapters)
        {
            var page = pages[chapter];
            Assert.True(page % 2 == 1, $"{chapter} opens on page {page}");

            // Full page: the numeral, the title, at most a note that the text is in preparation, the
            // running head and the folio; the chapter's text starts on the next page.
            var words = document.GetPage(page).GetWords().Count();
            Assert.True(words < 40, $"{chapter}'s opener on page {page} has {words} words");
        }

        Assert.Equal(0, document.NumberOfPages % 2);
        Assert.Contains("cittametropolitana.mi.it", document.GetPage(document.NumberOfPages).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blank_page_is_blank_and_only_before_a_chapter_or_the_back_cover()
    {
        using var document = PdfDocument.Open(_pdf);
        var pages = PdfDestinations.PagesByName(_pdf);
        var starts = ChapterAnchor().Matches(_html).Select(m => pages[m.Groups["id"].Value]).Append(document.NumberOfPages).ToHashSet();
        var blanks = document.GetPages().Where(p => !p.GetWords().Any()).Select(p => p.Number).ToList();

        // The shipped plan's chapters are of uneven length: some chapter needs a blank page before it.
        Assert.NotEmpty(blanks);
        Assert.Equal(blanks.Count, Regex.Count(_html, "class=\"pstm-blank-page\""));
        Assert.All(blanks, blank => Assert.Contains(blank + 1, starts));
    }

    [Fact]
    public void Every_outline_title_is_a_heading_of_the_booklet_once()
    {
        using var document = PdfDocument.Open(_pdf);
        Assert.True(document.TryGetBookmarks(out var bookmarks));
        var headings = Heading().Matches(_html).Select(m => WebUtility.HtmlDecode(Tag().Replace(m.Groups["text"].Value, "")).Replace("\u00AD", "", StringComparison.Ordinal)).ToHashSet();

        Assert.All(bookmarks.GetNodes().OfType<DocumentBookmarkNode>(), node => Assert.Contains(node.Title.Replace("\u00AD", "", StringComparison.Ordinal), headings));
    }

    [GeneratedRegex("""<h1 id="(?<id>chapter-[^"]+)">""")]
    private static partial Regex ChapterAnchor();

    [GeneratedRegex("""<h[1-4][^>]*>(?<text>.*?)</h[1-4]>""")]
    private static partial Regex Heading();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
