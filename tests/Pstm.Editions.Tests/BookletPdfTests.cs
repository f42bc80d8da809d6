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
            .Concat(plan.Missions.Select(m => ($"mission-{m.Id.Value}", $"Missione {m.Number.Value}. {m.Title}")))
            .Concat(plan.Drivers.Select(d => ($"driver-{d.Id.Value}", $"Driver {d.Number.Value}. {d.Name}")));
        foreach (var (id, title) in expected)
        {
            // Titles as the plan writes them (no capitals the stylesheet would add), with the typographer's quotes and dashes.
            var node = Assert.Single(nodes, n => Typewritten.Of(n.Title) == title);
            Assert.Equal(booklet.PagesById[id], node.PageNumber);
            Assert.Equal(title, Typewritten.Of(WebUtility.HtmlDecode(HeadingText(id))));
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
    public void The_back_cover_is_the_last_page_an_even_one_with_no_running_head_or_folio()
    {
        using var document = PdfDocument.Open(booklet.Pdf);
        var back = document.GetPage(document.NumberOfPages);
        var colophon = document.GetPage(document.NumberOfPages - 1);

        Assert.Equal(0, document.NumberOfPages % 2);
        Assert.Contains("cittametropolitana.mi.it", back.Text);
        Assert.Empty(FootWords(back));
        Assert.DoesNotContain("PSTTM", back.Text);
        Assert.Contains("Colophon", colophon.Text);
        Assert.NotEmpty(FootWords(colophon));
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
    public void The_covers_have_no_folio_and_every_other_page_its_number_alone_at_the_outer_foot()
    {
        using var document = PdfDocument.Open(booklet.Pdf);

        Assert.DoesNotContain(FootWords(document.GetPage(1)), w => w.Text == "1");
        foreach (var page in document.GetPages().Skip(1).SkipLast(1)) // the back cover has none either
        {
            var folio = Assert.Single(FootWords(page));
            Assert.Equal(page.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), folio.Text);
            var centre = (folio.BoundingBox.Left + folio.BoundingBox.Right) / 2;
            // Left-hand pages are even: the outer side is the left one.
            Assert.True(page.Number % 2 == 0 ? centre < page.Width / 2 : centre > page.Width / 2, $"page {page.Number}'s folio is on the inner side");
        }
    }

    [Fact]
    public void Right_hand_pages_of_a_chapter_carry_its_title_as_running_head_and_left_hand_pages_the_plans_short_title()
    {
        using var document = PdfDocument.Open(booklet.Pdf);
        var chapters = ChapterRanges(document).ToList();

        Assert.Equal(5, chapters.Count);
        foreach (var (id, first, last) in chapters)
        {
            var title = Normalize(HeadingText(id));
            for (var number = first; number <= last; number++)
            {
                var head = Normalize(string.Concat(HeadWords(document.GetPage(number)).Select(w => w.Text)));
                Assert.Equal(number % 2 == 1 ? title : Normalize("PSTTM 2025-2027"), head);
            }
        }
    }

    [Fact]
    public void No_page_is_under_a_third_full_but_the_last_of_a_part()
    {
        using var document = PdfDocument.Open(booklet.Pdf);
        var partStarts = PartStarts(document);

        foreach (var page in document.GetPages().Where(p => p.Number > 1 && !partStarts.Contains(p.Number + 1) && p.Number < document.NumberOfPages))
        {
            Assert.True(Fill(page) >= 1 / 3.0, $"page {page.Number} is only {Fill(page):P0} full");
        }
    }

    // The page area of booklet.css's @page: 22 mm from the top, 26 mm from the foot.
    private const double PointsPerMillimetre = 72 / 25.4;
    private const double HeadMargin = 22 * PointsPerMillimetre;
    private const double FootMargin = 26 * PointsPerMillimetre;

    private static IEnumerable<UglyToad.PdfPig.Content.Word> FootWords(UglyToad.PdfPig.Content.Page page) =>
        page.GetWords().Where(w => w.BoundingBox.Top < FootMargin);

    private static IEnumerable<UglyToad.PdfPig.Content.Word> HeadWords(UglyToad.PdfPig.Content.Page page) =>
        page.GetWords().Where(w => w.BoundingBox.Bottom > page.Height - HeadMargin);

    /// <summary>How far down the page area the text reaches, from 0 (empty) to 1 (to its foot).</summary>
    private static double Fill(UglyToad.PdfPig.Content.Page page)
    {
        var top = page.Height - HeadMargin;
        var words = page.GetWords().Where(w => w.BoundingBox.Top <= top && w.BoundingBox.Bottom >= FootMargin).ToList();
        return words.Count == 0 ? 0 : (top - words.Min(w => w.BoundingBox.Bottom)) / (top - FootMargin);
    }

    /// <summary>The pages where a part starts: the cover, the contents, each chapter, the appendix, the colophon.</summary>
    private HashSet<int> PartStarts(PdfDocument document)
    {
        var starts = new HashSet<int> { 1, 2 };
        foreach (Match heading in Regex.Matches(booklet.Html, "<h1 id=\"(?<id>[^\"]+)\""))
        {
            if (booklet.PagesById.TryGetValue(heading.Groups["id"].Value, out var page))
            {
                starts.Add(page);
            }
        }

        // The back cover is a part of its own; past it, nothing.
        starts.Add(document.NumberOfPages);
        starts.Add(document.NumberOfPages + 1);
        return starts;
    }

    private IEnumerable<(string Id, int First, int Last)> ChapterRanges(PdfDocument document)
    {
        var starts = PartStarts(document).Order().ToList();
        foreach (Match heading in Regex.Matches(booklet.Html, "<h1 id=\"(?<id>chapter-[^\"]+)\""))
        {
            var first = booklet.PagesById[heading.Groups["id"].Value];
            yield return (heading.Groups["id"].Value, first, starts.First(s => s > first) - 1);
        }
    }

    [Fact]
    public void The_print_html_is_written_beside_the_pdf_with_its_page_numbers_and_assets()
    {
        Assert.DoesNotContain(">00<", booklet.Html);
        Assert.True(File.Exists(Path.Combine(booklet.Output.FullName, "it", "assets", "booklet", "booklet.css")));
        Assert.Empty(Directory.GetDirectories(booklet.Output.FullName, ".pstm-staging-*"));
    }

    private string HeadingText(string id)
    {
        var match = Regex.Match(booklet.Html, $"<h[1-3] id=\"{Regex.Escape(id)}\">(.*?)</h[1-3]>");
        Assert.True(match.Success, $"no heading {id}");
        return Regex.Replace(match.Groups[1].Value, "<[^>]+>", "");
    }

    // Text extraction does not keep every space, the running text has soft hyphens and a typographer's
    // quotes and dashes, and kickers may be in capitals: compare letters only.
    private static string Normalize(string text) =>
        Regex.Replace(Typewritten.Of(WebUtility.HtmlDecode(text)), @"[\s\u00AD\u2010-]+", "").ToUpperInvariant();

    private static DictionaryToken Catalog(PdfDocument document) => document.Structure.Catalog.CatalogDictionary;

    private static IToken? Resolve(PdfDocument document, IToken? token) =>
        token is IndirectReferenceToken reference ? document.Structure.GetObject(reference.Data).Data : token;

    [GeneratedRegex("""<span class="toc-label">(?<label>.*?)</span>.*?data-toc-target="(?<id>[^"]+)">(?<page>\d+)<""")]
    private static partial Regex TocEntry();
}
