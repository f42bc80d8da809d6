using Pstm.Diagnostics;

namespace Pstm.Pdf.Tests;

/// <summary>
/// A part of a page in another language than the text around it keeps its language in the printed PDF (PDF/UA-1
/// 7.2), whether it is a whole block or a few words inside a sentence, and the page is left as its HTML made it.
/// </summary>
public sealed class OtherLanguagePartsTests : IAsyncLifetime
{
    private const string Page = """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Languages</title></head>
        <body><h2 id="m1"><span class="kicker">Mission one. </span><span lang="it">Titolo lasciato in italiano</span></h2>
        <p>Plain English words, then <span lang="it">alcune parole italiane</span> and English again.</p>
        <p>Outside <span lang="it">dentro in italiano <span lang="en">English inside Italian</span> ancora italiano</span> after.</p>
        <div lang="it"><p>Un corpo di capitolo non tradotto.</p><p>Il suo secondo paragrafo.</p></div>
        <ul><li>Item <span lang="it">voce <strong>italiana</strong></span></li></ul></body></html>
        """;

    private static readonly PdfMetadata Metadata = new(
        "Languages", "Città metropolitana", "Subject", "a, b", "pstm test", "en", DateTimeOffset.FromUnixTimeSeconds(1750000000));

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pstm-languages-");
    private ChromiumBrowser? _browser;

    public async Task InitializeAsync()
    {
        _browser = await TestBrowser.LaunchAsync();
        await File.WriteAllTextAsync(Path.Combine(_folder.FullName, "page.html"), Page);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task Words_in_another_language_keep_it_in_the_pdf_and_the_words_around_them_the_documents()
    {
        var pdf = await _browser!.PrintAsync(Path.Combine(_folder.FullName, "page.html"), _folder.FullName, new DiagnosticBag(), CancellationToken.None);

        var tree = TaggedPdf.Read(PdfFinisher.Finish(pdf!, Metadata));

        Assert.Equal("en", tree.Language);
        Assert.Equal(["it"], tree.LanguagesOf("Titolo lasciato in italiano"));
        Assert.Equal(["en"], tree.LanguagesOf("Mission one."));
        Assert.Equal(["it"], tree.LanguagesOf("alcune parole italiane"));
        Assert.Equal(["en"], tree.LanguagesOf("Plain English words, then"));
        Assert.Equal(["en"], tree.LanguagesOf("and English again."));
        Assert.Equal(["it"], tree.LanguagesOf("dentro in italiano"));
        Assert.Equal(["en"], tree.LanguagesOf("English inside Italian"));
        Assert.Equal(["it"], tree.LanguagesOf("ancora italiano"));
        Assert.Equal(["en"], tree.LanguagesOf("after."));
        Assert.Equal(["it"], tree.LanguagesOf("Un corpo di capitolo non tradotto."));
        Assert.Equal(["it"], tree.LanguagesOf("Il suo secondo paragrafo."));
        Assert.Equal(["it"], tree.LanguagesOf("italiana"));
        Assert.Equal(["en"], tree.LanguagesOf("Item"));
    }

    [Fact]
    public async Task After_printing_the_page_is_as_its_html_made_it()
    {
        var diagnostics = new DiagnosticBag();
        await using var document = await _browser!.OpenAsync(Path.Combine(_folder.FullName, "page.html"), _folder.FullName, diagnostics, CancellationToken.None);
        const string markup = "() => document.documentElement.outerHTML";
        var before = await document!.EvaluateAsync(markup, new { }, diagnostics, CancellationToken.None);

        Assert.NotNull(await document.PrintAsync(diagnostics, CancellationToken.None));

        // A kept page is patched only where its markup is still what its HTML made (page-patch.js).
        Assert.Equal(before, await document.EvaluateAsync(markup, new { }, diagnostics, CancellationToken.None));
        Assert.Empty(diagnostics.ToSortedList());
    }
}
