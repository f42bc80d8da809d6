using System.Text.RegularExpressions;
using Pstm.Diagnostics;
using Pstm.Pdf;
using Pstm.Pdf.Layout;
using UglyToad.PdfPig;

namespace Pstm.Editions.Tests;

/// <summary>
/// The table of contents' page numbers: printed until they settle, in one print when the guess (the
/// last build's numbers) is right, and right in the end whatever the guess.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The folder is deleted in DisposeAsync, which xunit calls.")]
public sealed class BookletPrinterTests : IAsyncLifetime
{
    // Three chapters on pages 2, 3 and 5 (the third is two pages long), and a table of contents on page 1.
    private const string Html = """
        <!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><title>Prova</title>
        <style>@page { size: A5; margin: 15mm; } section { break-before: page; } .long { height: 260mm; }</style></head>
        <body><nav><ol>
        <li><a href="#uno">Uno</a> <span data-toc-target="uno">00</span></li>
        <li><a href="#due">Due</a> <span data-toc-target="due">00</span></li>
        <li><a href="#tre">Tre</a> <span data-toc-target="tre">00</span></li>
        </ol></nav>
        <section><h1 id="uno">Uno</h1></section>
        <section><h1 id="due">Due</h1><div class="long"></div></section>
        <section><h1 id="tre">Tre</h1></section>
        </body></html>
        """;

    private static readonly Dictionary<string, int> Expected = new() { ["uno"] = 2, ["due"] = 3, ["tre"] = 5 };

    private readonly TemporaryFolder _folder = new();
    private ChromiumBrowser? _browser;

    public async Task InitializeAsync()
    {
        var diagnostics = new DiagnosticBag();
        var executable = BrowserLocator.Locate(null, diagnostics);
        Assert.True(executable is not null, "the tests need Chromium");
        _browser = await ChromiumBrowser.LaunchAsync(executable, TimeSpan.FromSeconds(60), diagnostics, CancellationToken.None);
        Assert.NotNull(_browser);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _folder.Dispose();
    }

    private async Task<PrintedBooklet> PrintAsync(IReadOnlyDictionary<string, int>? guess, string html = Html, PageView? view = null)
    {
        var diagnostics = new DiagnosticBag();
        var path = Path.Combine(_folder.Path, "booklet.html");
        await File.WriteAllTextAsync(path, BookletPrinter.FirstHtml(html, guess));
        await using var document = await _browser!.OpenAsync(path, _folder.Path, diagnostics, CancellationToken.None, view ?? OverflowProbe.BookletView);
        Assert.True(document is not null, string.Join("\n", diagnostics.ToSortedList().Select(d => d.Message)));
        var printed = await BookletPrinter.PrintAsync(document, path, html, guess, diagnostics, CancellationToken.None);
        Assert.True(printed is not null, string.Join("\n", diagnostics.ToSortedList().Select(d => d.Message)));
        return printed;
    }

    private void AssertNumbersPrintedAndWritten(PrintedBooklet printed)
    {
        Assert.Equal(Expected, printed.Pages.Where(p => Expected.ContainsKey(p.Key)).ToDictionary());
        using var document = PdfDocument.Open(printed.Pdf);
        var contents = string.Join(" ", document.GetPage(1).GetWords().Select(w => w.Text));
        Assert.Contains("Uno 2", contents, StringComparison.Ordinal);
        Assert.Contains("Due 3", contents, StringComparison.Ordinal);
        Assert.Contains("Tre 5", contents, StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(_folder.Path, "booklet.html"));
        Assert.Contains("data-toc-target=\"tre\">5<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_guess_the_numbers_come_from_a_layout_pass_and_one_print()
    {
        var printed = await PrintAsync(guess: null);

        Assert.Equal((1, 1), (printed.Layouts, printed.Prints));
        AssertNumbersPrintedAndWritten(printed);
    }

    [Fact]
    public async Task A_right_guess_takes_one_print()
    {
        var printed = await PrintAsync(Expected);

        Assert.Equal((0, 1), (printed.Layouts, printed.Prints));
        AssertNumbersPrintedAndWritten(printed);
    }

    [Fact]
    public async Task A_wrong_guess_is_corrected()
    {
        var printed = await PrintAsync(new Dictionary<string, int> { ["uno"] = 7, ["due"] = 3 });

        Assert.Equal((0, 2), (printed.Layouts, printed.Prints));
        AssertNumbersPrintedAndWritten(printed);
    }

    [Fact]
    public async Task The_same_booklet_printed_with_and_without_a_guess_reads_the_same()
    {
        var cold = await PrintAsync(guess: null);
        var guessed = await PrintAsync(Expected);

        using var a = PdfDocument.Open(cold.Pdf);
        using var b = PdfDocument.Open(guessed.Pdf);
        Assert.Equal(a.GetPages().Select(p => p.Text), b.GetPages().Select(p => p.Text));
    }

    [Fact]
    public async Task Loaded_in_its_measuring_view_it_prints_and_measures_the_same()
    {
        // pstm build --watch loads a booklet in the view its last build measured it in.
        var wide = Html.Replace("<h1 id=\"tre\">Tre</h1>", "<h1 id=\"tre\">Tre</h1><pre>" + string.Join(' ', Enumerable.Repeat("larghissima", 30)) + "</pre>", StringComparison.Ordinal);
        var cold = await PrintAsync(guess: null, wide);
        Assert.NotNull(cold.Layout?.Page);
        var view = OverflowProbe.BookletViewOf(cold.Layout.Page);
        Assert.NotEqual(OverflowProbe.BookletView, view);

        var kept = await PrintAsync(guess: null, wide, view);

        Assert.Equal(cold.Pages, kept.Pages);
        Assert.Equal(cold.Layout.Page, kept.Layout?.Page);
        Assert.Equal(cold.Layout.Headings, kept.Layout!.Headings);
        Assert.Contains(cold.Layout.Overflows, f => f.Text.Contains("larghissima", StringComparison.Ordinal));
        Assert.Equal(cold.Layout.Overflows, kept.Layout.Overflows);
        using var a = PdfDocument.Open(cold.Pdf);
        using var b = PdfDocument.Open(kept.Pdf);
        Assert.Equal(a.GetPages().Select(p => p.Text), b.GetPages().Select(p => p.Text));
    }

    // Chapters that ask to start on a right-hand page and a back cover on a left-hand one: printed with
    // plain page breaks, "uno" would fall on page 2, "due" on 3, "tre" on 5 and the back cover on 7.
    private const string Sided = """
        <!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><title>Prova</title>
        <style>@page { size: A5; margin: 15mm; @bottom-center { content: counter(page); } }
        @page pstm-blank { @bottom-center { content: none !important; } }
        section { break-before: right; } .back { break-before: left; } .long { height: 200mm; } .cover { break-after: page; }</style></head>
        <body><nav class="cover"><ol>
        <li><a href="#uno">Uno</a> <span data-toc-target="uno">00</span></li>
        <li><a href="#due">Due</a> <span data-toc-target="due">00</span></li>
        <li><a href="#tre">Tre</a> <span data-toc-target="tre">00</span></li>
        </ol></nav>
        <section id="s-uno"><h1 id="uno">Uno</h1></section>
        <section id="s-due"><h1 id="due">Due</h1><div class="long"></div></section>
        <section id="s-tre"><h1 id="tre">Tre</h1><div class="long"></div></section>
        <footer class="back" id="back">Retro</footer>
        </body></html>
        """;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Elements_asking_for_a_side_get_a_blank_page_before_them_when_they_would_fall_on_the_other(bool guessed)
    {
        var guess = guessed ? new Dictionary<string, int> { ["uno"] = 3, ["due"] = 5, ["tre"] = 7 } : null;

        var printed = await PrintAsync(guess, Sided);

        using var document = PdfDocument.Open(printed.Pdf);
        Assert.Equal(new Dictionary<string, int> { ["uno"] = 3, ["due"] = 5, ["tre"] = 7 }, printed.Pages.Where(p => p.Key is "uno" or "due" or "tre").ToDictionary());
        Assert.Equal(10, document.NumberOfPages);
        Assert.Contains("Retro", document.GetPage(10).Text, StringComparison.Ordinal);

        // The blank pages (2, 4, 9) carry nothing, not even a folio; the page numbers count them.
        foreach (var blank in (int[])[2, 4, 9])
        {
            Assert.Empty(document.GetPage(blank).GetWords());
        }

        Assert.Contains("5", document.GetPage(5).GetWords().Select(w => w.Text));
        Assert.Equal(3, Regex.Count(File.ReadAllText(Path.Combine(_folder.Path, "booklet.html")), "pstm-blank-page"));
        Assert.Equal(3, Regex.Count(printed.Html, "pstm-blank-page"));
    }

    [Fact]
    public async Task The_last_builds_pages_bring_back_its_blank_pages_and_one_print_is_enough()
    {
        var cold = await PrintAsync(guess: null, Sided);

        var warm = await PrintAsync(cold.Pages, Sided);

        Assert.Equal((0, 1), (warm.Layouts, warm.Prints));
        Assert.Equal(cold.Html, warm.Html);
        Assert.Equal(["back", "s-due", "s-uno"], PageSides.BlanksOf(warm.Pages));
    }

    [Fact]
    public void A_blank_page_is_taken_away_when_the_pages_before_it_change()
    {
        var elements = new[]
        {
            new SidedElement(PageSide.Right, "s-uno", ["s-uno", "uno"], Last: false, "section"),
            new SidedElement(PageSide.Right, "s-due", ["s-due", "due"], Last: false, "section"),
            new SidedElement(PageSide.Left, "back", ["back"], Last: true, "footer"),
        };

        // "due" has a blank before it and now falls on page 6 ("uno" got longer): the blank goes, which
        // brings it to 5 and the back cover, on 9, to 8.
        var changes = PageSides.Plan(elements, new Dictionary<string, int> { ["uno"] = 3, ["due"] = 6 }, 9, new HashSet<string> { "s-due" });

        Assert.Equal((string[])[], changes.Add);
        Assert.Equal(["s-due"], changes.Remove);
        var html = "<body><section id=\"s-uno\"></section>" + PageSides.BlankPage + "<section id=\"s-due\"></section><footer id=\"back\"></footer></body>";
        Assert.Equal("<body><section id=\"s-uno\"></section><section id=\"s-due\"></section><footer id=\"back\"></footer></body>", PageSides.Apply(html, changes));
    }

    [Fact]
    public async Task An_element_asking_for_a_side_that_cannot_be_placed_is_reported()
    {
        var html = Sided.Replace("<section id=\"s-tre\"><h1 id=\"tre\">", "<section><h1 id=\"tre\">", StringComparison.Ordinal)
            .Replace("<footer class=\"back\" id=\"back\">Retro</footer>", "<div class=\"back\" id=\"back\">Retro</div><p>Dopo</p>", StringComparison.Ordinal);
        var diagnostics = new DiagnosticBag();
        var path = Path.Combine(_folder.Path, "booklet.html");
        await File.WriteAllTextAsync(path, html);
        await using var document = await _browser!.OpenAsync(path, _folder.Path, diagnostics, CancellationToken.None, OverflowProbe.BookletView);
        Assert.NotNull(document);

        var printed = await BookletPrinter.PrintAsync(document, path, html, guess: null, diagnostics, CancellationToken.None);

        Assert.NotNull(printed);
        var unplaced = diagnostics.ToSortedList().Where(d => d.Code == "PSTM0607").Select(d => d.Message).ToList();
        Assert.Equal(2, unplaced.Count);
        Assert.Contains(unplaced, m => m.Contains("section", StringComparison.Ordinal) && m.Contains("no id", StringComparison.Ordinal));
        Assert.Contains(unplaced, m => m.Contains("div.back", StringComparison.Ordinal) && m.Contains("cannot be read", StringComparison.Ordinal));
    }
}
