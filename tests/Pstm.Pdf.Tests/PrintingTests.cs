using System.Xml.Linq;
using Pstm.Diagnostics;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Pstm.Pdf.Tests;

/// <summary>Printing a small page with the real browser, then finishing the PDF.</summary>
public sealed class PrintingTests : IAsyncLifetime
{
    private const string Page = """
        <!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><title>Prova</title>
        <style>h1 { white-space: pre-wrap; margin-top: 5mm; } .p2 { break-before: page; }</style></head>
        <body><h1 id="uno">Primo capitolo</h1><p><a href="#due">vai</a> <a href="#uno">su</a></p>
        <h1 id="due" class="p2">Secondo capitolo, perché sì</h1>
        <table><thead><tr><th scope="col">Missione</th><th scope="col">Obiettivi</th></tr></thead>
        <tbody><tr><td>M1</td><td>4</td></tr></tbody></table></body></html>
        """;

    private static readonly PdfMetadata Metadata = new(
        "Titolo & prova", "Città metropolitana", "Oggetto", "uno, due", "pstm test", "it", DateTimeOffset.FromUnixTimeSeconds(1750000000));

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pstm-print-");
    private ChromiumBrowser? _browser;

    public async Task InitializeAsync()
    {
        _browser = await TestBrowser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _folder.Delete(recursive: true);
    }

    private async Task<byte[]> PrintAsync(string html)
    {
        var path = Path.Combine(_folder.FullName, "page.html");
        await File.WriteAllTextAsync(path, html);
        var diagnostics = new DiagnosticBag();
        var pdf = await _browser!.PrintAsync(path, _folder.FullName, diagnostics, CancellationToken.None);
        Assert.NotNull(pdf);
        return pdf;
    }

    [Fact]
    public async Task Named_destinations_give_the_page_of_each_linked_id()
    {
        var pdf = await PrintAsync(Page);

        var pages = PdfDestinations.PagesByName(pdf);

        Assert.Equal(1, pages["uno"]);
        Assert.Equal(2, pages["due"]);
    }

    [Fact]
    public async Task Two_prints_finished_with_the_same_metadata_are_byte_identical()
    {
        var first = PdfFinisher.Finish(await PrintAsync(Page), Metadata);
        await Task.Delay(1100); // a new second in the browser's own dates

        // Another document printed in between must not change the bytes (Chromium numbers DOM nodes per process).
        await PrintAsync(Page.Replace("<body>", "<body><table><tr><th>x</th></tr><tr><td>y</td></tr></table>", StringComparison.Ordinal));
        var second = PdfFinisher.Finish(await PrintAsync(Page), Metadata);

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Finishing_sets_the_metadata_and_keeps_tags_links_and_outline()
    {
        var pdf = PdfFinisher.Finish(await PrintAsync(Page), Metadata);

        using var document = PdfDocument.Open(pdf);
        Assert.Equal("Titolo & prova", document.Information.Title);
        Assert.Equal("Città metropolitana", document.Information.Author);
        Assert.Equal("Oggetto", document.Information.Subject);
        Assert.Equal("uno, due", document.Information.Keywords);
        Assert.Equal("D:20250615150640+00'00'", document.Information.CreationDate);
        var catalog = document.Structure.Catalog.CatalogDictionary.Data;
        Assert.True(catalog.ContainsKey("StructTreeRoot"));
        Assert.Equal("it", (catalog["Lang"] as StringToken)?.Data);
        Assert.True(document.TryGetBookmarks(out var bookmarks));
        Assert.Equal(["Primo capitolo", "Secondo capitolo, perché sì"], bookmarks.GetNodes().Select(n => n.Title));
        Assert.Equal(2, PdfDestinations.PagesByName(pdf)["due"]);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\" onerror=\"alert(1)")]
    [InlineData("A (nested (parens)) \\ and ]]> & </rdf:li> — ok")]
    [InlineData("Città\u00A0metropolitana \u202Eevil\u202C ✓")]
    public async Task Plan_text_in_the_metadata_is_kept_as_text_in_the_info_and_in_well_formed_xmp(string text)
    {
        var pdf = PdfFinisher.Finish(await PrintAsync(Page), Metadata with { Title = text, Author = text, Subject = text, Keywords = text });

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(text, document.Information.Title);
        Assert.Equal(text, document.Information.Author);
        Assert.Equal(text, document.Information.Keywords);
        Assert.True(document.TryGetXmpMetadata(out var xmp));
        // XMP is UTF-8 (PdfPig's GetXDocument reads it as Latin-1).
        var xml = XDocument.Parse(System.Text.Encoding.UTF8.GetString([.. xmp.GetXmlBytes()]));
        XNamespace dc = "http://purl.org/dc/elements/1.1/";
        Assert.Equal(text, xml.Descendants(dc + "title").Single().Value);
        Assert.Equal(text, xml.Descendants(dc + "creator").Single().Value);
    }

    [Fact]
    public async Task A_request_outside_the_allowed_folder_is_blocked_and_reported()
    {
        var path = Path.Combine(_folder.FullName, "page.html");
        await File.WriteAllTextAsync(path, Page.Replace("<body>", "<body><img src=\"file:///etc/hostname\" alt=\"\"><img src=\"http://127.0.0.1:9/x.png\" alt=\"\">", StringComparison.Ordinal));
        var diagnostics = new DiagnosticBag();

        var pdf = await _browser!.PrintAsync(path, _folder.FullName, diagnostics, CancellationToken.None);

        Assert.NotNull(pdf);
        var blocked = diagnostics.ToSortedList().Where(d => d.Code == "PSTM0604").Select(d => d.Message).ToList();
        Assert.Equal(2, blocked.Count);
        Assert.Contains(blocked, m => m.Contains("file:///etc/hostname", StringComparison.Ordinal));
        Assert.Contains(blocked, m => m.Contains("http://127.0.0.1:9/x.png", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_print_shows_the_files_as_they_are_now_and_reports_blocked_requests_again()
    {
        var css = Path.Combine(_folder.FullName, "style.css");
        const string html = """
            <!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><title>Prova</title>
            <link rel="stylesheet" href="style.css"></head><body><p class="x">Testo</p>
            <img src="http://127.0.0.1:9/x.png" alt=""></body></html>
            """;
        var texts = new List<string>();
        var blocked = new List<int>();
        foreach (var word in new[] { "alfa", "beta" })
        {
            await File.WriteAllTextAsync(css, $".x::after {{ content: ' {word}'; }}");
            var path = Path.Combine(_folder.FullName, "page.html");
            await File.WriteAllTextAsync(path, html);
            var diagnostics = new DiagnosticBag();
            var pdf = await _browser!.PrintAsync(path, _folder.FullName, diagnostics, CancellationToken.None);
            Assert.NotNull(pdf);
            using var document = PdfDocument.Open(pdf);
            texts.Add(document.GetPage(1).Text);
            blocked.Add(diagnostics.ToSortedList().Count(d => d.Code == "PSTM0604"));
        }

        Assert.Contains("Testo alfa", texts[0], StringComparison.Ordinal);
        Assert.Contains("Testo beta", texts[1], StringComparison.Ordinal);
        Assert.Equal([1, 1], blocked);
    }

    [Fact]
    public async Task Prints_at_once_in_several_tabs_give_each_its_own_document()
    {
        var paths = Enumerable.Range(1, 3).Select(i => Path.Combine(_folder.FullName, $"page{i}.html")).ToList();
        for (var i = 0; i < paths.Count; i++)
        {
            await File.WriteAllTextAsync(paths[i], Page.Replace("Primo capitolo", $"Capitolo numero {i + 1}", StringComparison.Ordinal));
        }

        var pdfs = await Task.WhenAll(paths.Select(p => _browser!.PrintAsync(p, _folder.FullName, new DiagnosticBag(), CancellationToken.None)));

        for (var i = 0; i < paths.Count; i++)
        {
            using var document = PdfDocument.Open(pdfs[i]!);
            Assert.Contains($"Capitolo numero {i + 1}", document.GetPage(1).Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Structure_element_ids_are_numbered_from_one_in_their_order()
    {
        var printed = await PrintAsync(Page);
        var finished = PdfFinisher.Finish(printed, Metadata);

        var before = StructureIdNames(printed);
        var after = StructureIdNames(finished);

        Assert.NotEmpty(before);
        Assert.NotEqual(before, after); // Chromium's numbers count other nodes too
        Assert.Equal(Enumerable.Range(1, before.Count).Select(i => $"node{i:D8}"), after);
    }

    /// <summary>The names of the structure tree's /IDTree, in the tree's order.</summary>
    private static List<string> StructureIdNames(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var names = new List<string>();
        var root = (DictionaryToken)Resolve(document, document.Structure.Catalog.CatalogDictionary.Data["StructTreeRoot"]);
        if (root.Data.TryGetValue("IDTree", out var tree))
        {
            Collect((DictionaryToken)Resolve(document, tree));
        }

        return names;

        void Collect(DictionaryToken node)
        {
            if (node.Data.TryGetValue("Names", out var pairs))
            {
                names.AddRange(((ArrayToken)Resolve(document, pairs)).Data.Where((_, i) => i % 2 == 0).Select(t => ((StringToken)t).Data));
            }

            if (node.Data.TryGetValue("Kids", out var kids))
            {
                foreach (var kid in ((ArrayToken)Resolve(document, kids)).Data)
                {
                    Collect((DictionaryToken)Resolve(document, kid));
                }
            }
        }
    }

    private static IToken Resolve(PdfDocument document, IToken token) =>
        token is IndirectReferenceToken reference ? document.Structure.GetObject(reference.Data).Data : token;
}
