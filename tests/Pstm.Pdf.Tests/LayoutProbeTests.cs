using Pstm.Diagnostics;
using Pstm.Pdf.Layout;

namespace Pstm.Pdf.Tests;

/// <summary>
/// The overflow probe and the page-foot check on small pages printed with the real browser: each
/// page is built to have, or not to have, the problem looked for.
/// </summary>
public sealed class LayoutProbeTests : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pstm-layout-");
    private ChromiumBrowser? _browser;

    public async Task InitializeAsync() => _browser = await TestBrowser.LaunchAsync();

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _folder.Delete(recursive: true);
    }

    // An A5 page with 170 mm of text height: a 140 mm block puts the heading after it at the page's
    // foot, and the 100 mm block that follows cannot share that page.
    private static string Booklet(string headingRule, string item = "Testo") => $$"""
        <!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><title>Prova</title>
        <style>@page { size: A5; margin: 20mm 15mm; } body { margin: 0; } h2 { margin: 0; {{headingRule}} }
        .tall { height: 140mm; } .block { height: 100mm; break-inside: avoid; }</style></head>
        <body><p><a href="#alone">vai</a></p><div class="tall"></div>
        <section data-item="missions.M1"><h2 id="alone">Titolo della missione</h2><div class="block" data-item="objectives.M1.1"><p>{{item}}</p></div></section>
        </body></html>
        """;

    private async Task<(BookletLayout Layout, byte[] Pdf)> PrintAsync(string html, PageView? view = null)
    {
        var path = Path.Combine(_folder.FullName, "page.html");
        await File.WriteAllTextAsync(path, html);
        var diagnostics = new DiagnosticBag();
        await using var document = await _browser!.OpenAsync(path, _folder.FullName, diagnostics, CancellationToken.None, view);
        Assert.NotNull(document);
        var pdf = await document.PrintAsync(diagnostics, CancellationToken.None);
        var layout = await OverflowProbe.MeasureBookletAsync(document, diagnostics, CancellationToken.None);
        Assert.Empty(diagnostics.ToSortedList());
        return (layout!, pdf!);
    }

    [Fact]
    public async Task A_heading_left_alone_at_a_page_foot_is_found_with_its_item_and_page()
    {
        var (layout, pdf) = await PrintAsync(Booklet("break-after: auto;"));

        var found = Assert.Single(PageFootHeadings.Find(pdf, layout));

        Assert.Equal("alone", found.Heading.Id);
        Assert.Equal("missions.M1", found.Heading.Key);
        Assert.Equal(1, found.Page);
    }

    [Fact]
    public async Task A_heading_kept_with_what_follows_is_not_alone()
    {
        var (layout, pdf) = await PrintAsync(Booklet("break-after: avoid;"));

        Assert.Empty(PageFootHeadings.Find(pdf, layout));
    }

    [Fact]
    public async Task The_page_box_gives_the_text_width_between_the_margins()
    {
        var (layout, _) = await PrintAsync(Booklet(""));

        // A5 is 148 mm wide; 15 mm margins leave 118 mm, at 96 px to the inch.
        Assert.Equal(118 / 25.4 * 96, layout.Page!.TextWidth, precision: 0);
    }

    [Fact]
    public async Task A_word_too_long_for_the_text_width_is_found_at_its_item()
    {
        var (layout, _) = await PrintAsync(Booklet("", new string('x', 300)));

        var found = Assert.Single(layout.Overflows);

        Assert.Equal(LayoutFinding.Overflows, found.Kind);
        Assert.Equal("objectives.M1.1", found.Key);
        Assert.True(found.Amount > 1000, $"{found.Amount} px");
    }

    [Fact]
    public async Task A_page_whose_text_fits_has_no_overflow()
    {
        var (layout, _) = await PrintAsync(Booklet("", string.Join(' ', Enumerable.Repeat("parola", 300))));

        Assert.Empty(layout.Overflows);
    }

    [Fact]
    public async Task A_long_word_among_many_words_that_fit_is_found_at_its_item()
    {
        var words = string.Join(' ', Enumerable.Repeat("parola", 150));
        var (layout, _) = await PrintAsync(Booklet("", $"{words} {new string('x', 300)} {words}"));

        var found = Assert.Single(layout.Overflows);

        Assert.Equal(LayoutFinding.Overflows, found.Kind);
        Assert.Equal("objectives.M1.1", found.Key);
    }

    [Theory]
    [InlineData(" aria-hidden=\"true\"", false)]
    [InlineData("", true)]
    public async Task Decoration_hidden_from_assistive_technology_may_be_clipped_text_may_not(string hidden, bool reported)
    {
        // A box of fixed height that clips a list too long for it, as a cover clips its pattern of names.
        var list = string.Concat(Enumerable.Range(1, 30).Select(i => $"<li>Nome {i}</li>"));
        var (layout, _) = await PrintAsync(Booklet("", $"</p><ul style=\"height: 20mm; overflow: hidden; margin: 0\"{hidden}>{list}</ul><p>"));

        Assert.Equal(reported, layout.Overflows.Any(f => f.Kind == LayoutFinding.Beyond));
    }

    [Fact]
    public async Task A_booklet_loaded_in_its_print_view_is_measured_as_one_loaded_on_screen()
    {
        var html = Booklet("break-after: auto;", new string('x', 300));
        var (onScreen, _) = await PrintAsync(html);
        var (inPrint, pdf) = await PrintAsync(html, OverflowProbe.BookletView);

        Assert.Equal(onScreen.Overflows, inPrint.Overflows);
        Assert.Equal(onScreen.Headings, inPrint.Headings);
        Assert.Single(PageFootHeadings.Find(pdf, inPrint));
    }

    [Fact]
    public async Task Each_document_is_shown_in_its_own_view_though_the_tab_is_reused()
    {
        // A measured booklet leaves its tab narrowed to the text and showing print media: the next
        // documents in that tab must not inherit either.
        await PrintAsync(Booklet(""), OverflowProbe.BookletView);

        Assert.Equal("screen 800×600", await ViewOfNextDocumentAsync(null));
        Assert.Equal("screen 1280×720", await ViewOfNextDocumentAsync(OverflowProbe.DeckView));
        Assert.Equal("print 800×600", await ViewOfNextDocumentAsync(OverflowProbe.BookletView));
    }

    private async Task<string?> ViewOfNextDocumentAsync(PageView? view)
    {
        var path = Path.Combine(_folder.FullName, "next.html");
        await File.WriteAllTextAsync(path, "<!DOCTYPE html><html lang=\"it\"><head><title>Prova</title></head><body><p>Testo</p></body></html>");
        var diagnostics = new DiagnosticBag();
        await using var document = await _browser!.OpenAsync(path, _folder.FullName, diagnostics, CancellationToken.None, view);
        Assert.NotNull(document);
        var seen = await document.EvaluateAsync(
            "() => `${matchMedia('print').matches ? 'print' : 'screen'} ${innerWidth}×${innerHeight}`", new { }, diagnostics, CancellationToken.None);
        Assert.Empty(diagnostics.ToSortedList());
        return seen;
    }

    [Fact]
    public async Task A_heading_alone_under_lines_of_text_in_several_fonts_is_found_and_one_followed_by_text_is_not()
    {
        // Lines whose letters reach below the baseline (g, p, q, y) and change weight mid-line: the
        // page's text must still be read line by line, in order, to end with the heading's letters.
        static string Page(int lines, string after) => $$"""
            <!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><title>Prova</title>
            <style>@page { size: A5; margin: 20mm 15mm; } body { margin: 0; font: 11pt/1.4 serif; } h2 { margin: 0; font-size: 14pt; }
            .lines { height: {{lines}}mm; overflow: hidden; } .block { height: 100mm; break-inside: avoid; }</style></head>
            <body><p><a href="#alone">vai</a></p>
            <div class="lines">{{string.Concat(Enumerable.Repeat("<p>La giunta approva <b>gli obiettivi</b> per lo sviluppo equo, qualità e piano <i>typography</i>.</p>", 18))}}</div>
            <section data-item="missions.M2"><h2 id="alone">Qualità pubblica, giustizia e lavoro</h2>{{after}}</section>
            </body></html>
            """;

        var (alone, alonePdf) = await PrintAsync(Page(150, """<div class="block" data-item="objectives.M2.1"><p>Testo</p></div>"""));
        var (followed, followedPdf) = await PrintAsync(Page(120, """<p data-item="objectives.M2.1">Segue il testo, sulla stessa pagina.</p>"""));

        var found = Assert.Single(PageFootHeadings.Find(alonePdf, alone));
        Assert.Equal("alone", found.Heading.Id);
        Assert.Equal(1, found.Page);
        Assert.Empty(PageFootHeadings.Find(followedPdf, followed));
    }
}
