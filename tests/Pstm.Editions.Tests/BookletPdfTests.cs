using System.Net;
using System.Text.RegularExpressions;
using Pstm.Plan;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Annotations;
using UglyToad.PdfPig.Outline;
using UglyToad.PdfPig.Tokens;

namespace Pstm.Editions.Tests;

/// <summary>What a reader checks in the PDF booklet, read back with PdfPig; never its bytes.</summary>
public partial class BookletPdfTests(BuiltBooklet booklet) : IClassFixture<BuiltBooklet>
{
    private static readonly Lazy<PlanCheck> Plan = new(() => PlanCheck.Run(Path.Combine(BuiltBooklet.RepositoryRoot, "plan")));

    [Fact]
    public void Every_page_is_A4_portrait()
    {
        using var document = PdfDocument.Open(booklet.Pdf);

        Assert.True(document.NumberOfPages >= 10);
        Assert.All(document.GetPages(), page =>
        {
            Assert.InRange(page.Width, 594, 596.5);
            Assert.InRange(page.Height, 841, 843);
        });
    }

    [Fact]
    public void Every_table_of_contents_number_is_the_page_its_heading_is_on()
    {
        using var document = PdfDocument.Open(booklet.Pdf);
        var entries = TocEntry().Matches(booklet.Html).ToList();

        Assert.True(entries.Count >= 25, $"only {entries.Count} entries");
        foreach (var entry in entries)
        {
            var id = entry.Groups["id"].Value;
            var number = int.Parse(entry.Groups["page"].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(booklet.PagesById[id], number);
            var heading = HeadingText(id);
            Assert.Contains(Normalize(heading), Normalize(document.GetPage(number).Text));
        }
    }

    [Fact]
    public void Table_of_contents_entries_are_links()
    {
        using var document = PdfDocument.Open(booklet.Pdf);
        var tocPage = document.GetPage(2);

        var links = tocPage.GetAnnotations().Count(a => a.Type == AnnotationType.Link);

        Assert.Equal(TocEntry().Count(booklet.Html), links);
    }

    [Fact]
    public void Every_link_says_what_it_leads_to_as_pdf_ua_asks_and_a_contents_entry_its_heading()
    {
        using var document = PdfDocument.Open(booklet.Pdf);
        var links = document.GetPages().SelectMany(page => page.GetAnnotations()).Where(a => a.Type == AnnotationType.Link).ToList();

        // Every link annotation has /Contents (Matterhorn 28-008), none of them empty
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.False(string.IsNullOrWhiteSpace(link.Content), $"a link on {link.Rectangle} has no /Contents"));

        // The contents entry of the first chapter is described by its title, without its page number
        var chapter = Plan.Value.Plan!.Chapters[0];
        var tocLinks = document.GetPage(2).GetAnnotations().Where(a => a.Type == AnnotationType.Link).Select(a => a.Content).ToList();
        Assert.Contains(tocLinks, text => text!.EndsWith(chapter.Title, StringComparison.Ordinal));
    }

    [Fact]
    public void The_outline_has_chapters_missions_and_drivers_titled_exactly_as_their_headings()
    {
        using var document = PdfDocument.Open(booklet.Pdf);
        Assert.True(document.TryGetBookmarks(out var bookmarks));
        var nodes = bookmarks.GetNodes().OfType<DocumentBookmarkNode>().ToList();
        var plan = Plan.Value.Plan!;

        var expected = plan.Chapters.Select(c => ($"chapter-{c.Id.Value}", c.Title))
            .Concat(plan.Missions.Select(m => ($"mission-{m.Id.Value}", $"MISSIONE {m.Number.Value}. {m.Title}")))
            .Concat(plan.Drivers.Select(d => ($"driver-{d.Id.Value}", $"Driver {d.Number.Value} | {d.Name}")));
        foreach (var (id, title) in expected)
        {
            var node = Assert.Single(nodes, n => n.Title == title);
            Assert.Equal(booklet.PagesById[id], node.PageNumber);
            // The mission's kicker is set in capitals by the stylesheet: compare letters, not case.
            Assert.Equal(title.ToUpperInvariant(), WebUtility.HtmlDecode(HeadingText(id)).ToUpperInvariant());
        }
    }

    [Fact]
    public void Every_objective_is_in_the_text_with_its_words()
    {
        using var document = PdfDocument.Open(booklet.Pdf);
        var text = Normalize(string.Concat(document.GetPages().Select(p => p.Text)));

        foreach (var objective in Plan.Value.Plan!.Objectives)
        {
            Assert.Contains(Normalize(objective.Text.Replace("**", "", StringComparison.Ordinal)), text);
        }
    }

    [Fact]
    public void Metadata_and_language_come_from_the_plan()
    {
        using var document = PdfDocument.Open(booklet.Pdf);
        var info = document.Information;

        Assert.Equal("Piano strategico triennale del territorio metropolitano 2025-2027", info.Title);
        Assert.Equal("Città metropolitana di Milano", info.Author);
        Assert.Equal("PSTTM 2025-2027", info.Subject);
        Assert.Contains("PNRR", info.Keywords);
        Assert.StartsWith("pstm ", info.Creator);
        Assert.Equal("it", Catalog(document).Data["Lang"] is StringToken lang ? lang.Data : null);
        Assert.StartsWith("D:20250615", info.CreationDate);
    }

    [Fact]
    public void The_pdf_is_tagged()
    {
        using var document = PdfDocument.Open(booklet.Pdf);
        var catalog = Catalog(document);

        Assert.True(catalog.Data.ContainsKey("StructTreeRoot"));
        var markInfo = Resolve(document, catalog.Data["MarkInfo"]) as DictionaryToken;
        Assert.Equal(true, (markInfo?.Data["Marked"] as BooleanToken)?.Data);
    }

    [Fact]
    public void Every_font_is_embedded_and_comes_from_the_templates()
    {
        using var document = PdfDocument.Open(booklet.Pdf);
        var fonts = document.Structure.CrossReferenceTable.ObjectOffsets.Keys
            .Select(reference => document.Structure.GetObject(reference).Data)
            .OfType<DictionaryToken>()
            .Where(d => d.Data.TryGetValue("Type", out var type) && type is NameToken { Data: "Font" })
            .ToList();

        Assert.NotEmpty(fonts);
        foreach (var font in fonts)
        {
            // A Type 3 font means a glyph the shipped fonts lack, or a weight they lack, faked by the browser.
            Assert.NotEqual("Type3", (font.Data["Subtype"] as NameToken)?.Data);
            var described = font.Data.TryGetValue("DescendantFonts", out var descendants)
                ? (Resolve(document, (Resolve(document, descendants) as ArrayToken)!.Data[0]) as DictionaryToken)!
                : font;
            var descriptor = (Resolve(document, described.Data["FontDescriptor"]) as DictionaryToken)!;
            Assert.True(
                descriptor.Data.ContainsKey("FontFile") || descriptor.Data.ContainsKey("FontFile2") || descriptor.Data.ContainsKey("FontFile3"),
                $"font {descriptor.Data["FontName"]} is not embedded");
            Assert.Matches("TitilliumWeb|RobotoMono", (font.Data["BaseFont"] as NameToken)!.Data);
        }
    }

    [Fact]
    public void The_cover_has_no_header_or_footer_and_other_pages_say_page_x_of_y()
    {
        using var document = PdfDocument.Open(booklet.Pdf);

        Assert.DoesNotContain("Pagina", document.GetPage(1).Text);
        Assert.Contains($"Pagina 2 di {document.NumberOfPages}", document.GetPage(2).Text);
    }

    [Fact]
    public void Pages_of_a_chapter_carry_its_title_in_the_running_header()
    {
        using var document = PdfDocument.Open(booklet.Pdf);
        var missionPage = document.GetPage(booklet.PagesById["mission-M3"]);

        Assert.StartsWith("Visione e obiettivi strategici", missionPage.Text);
    }

    [Fact]
    public void The_print_html_is_written_beside_the_pdf_with_its_page_numbers_and_assets()
    {
        Assert.DoesNotContain(">00<", booklet.Html);
        Assert.True(File.Exists(Path.Combine(booklet.Output.FullName, "it", "assets", "booklet.css")));
        Assert.Empty(Directory.GetDirectories(booklet.Output.FullName, ".pstm-staging-*"));
    }

    private string HeadingText(string id)
    {
        var match = Regex.Match(booklet.Html, $"<h[1-3] id=\"{Regex.Escape(id)}\">(.*?)</h[1-3]>");
        Assert.True(match.Success, $"no heading {id}");
        return Regex.Replace(match.Groups[1].Value, "<[^>]+>", "");
    }

    // Text extraction does not keep every space and the kicker is in capitals: compare letters only.
    private static string Normalize(string text) =>
        Regex.Replace(WebUtility.HtmlDecode(text), @"\s+", "").ToUpperInvariant();

    private static DictionaryToken Catalog(PdfDocument document) => document.Structure.Catalog.CatalogDictionary;

    private static IToken? Resolve(PdfDocument document, IToken? token) =>
        token is IndirectReferenceToken reference ? document.Structure.GetObject(reference.Data).Data : token;

    [GeneratedRegex("""<span class="toc-label">(?<label>.*?)</span>.*?data-toc-target="(?<id>[^"]+)">(?<page>\d+)<""")]
    private static partial Regex TocEntry();
}
