using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Pstm.Editions.Tests;

public class EnglishEditionTests
{
    [Fact]
    public async Task The_english_booklet_and_deck_are_in_english_with_their_language_set()
    {
        using var output = new TemporaryFolder();

        var result = await EditionBuilder.BuildAsync(
            BuiltBooklet.Request(output.Path) with { Locales = ["en"], Targets = [BuildTarget.All], Strict = true }, CancellationToken.None);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Where(d => d.IsError).Select(d => d.Message)));
        foreach (var file in new[] { "booklet.pdf", "slides.pdf" })
        {
            using var document = PdfDocument.Open(Path.Combine(output.Path, "en", file));
            var text = string.Concat(document.GetPages().Select(p => p.Text));
            Assert.Equal("Three-year strategic plan for the metropolitan territory 2025-2027", document.Information.Title);
            Assert.Equal("en", (document.Structure.Catalog.CatalogDictionary.Data["Lang"] as StringToken)?.Data);

            // The keywords are the English edition's (plan.keywords.N of translations/en.yaml), not the plan's Italian ones.
            Assert.Equal(
                "Three-year strategic plan for the metropolitan territory, PSTTM, Metropolitan City of Milan, PNRR (National Recovery and Resilience Plan), strategic agenda",
                document.Information.Keywords);
            Assert.Contains("Supportthedigitaltransition", text.Replace(" ", "", StringComparison.Ordinal));
            Assert.DoesNotContain("Obiettivi", text);
        }

        // The printed HTML, without the soft hyphens of its running text.
        var html = File.ReadAllText(Path.Combine(output.Path, "en", "booklet.html")).Replace("\u00AD", "", StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("<h1 id=\"contents\">Contents</h1>", html);
        Assert.Contains("<meta name=\"keywords\" content=\"Three-year strategic plan for the metropolitan territory, PSTTM, Metropolitan City of Milan,", html);
        Assert.DoesNotContain("agenda strategica", html);
        Assert.Contains("<dd class=\"colophon-software\">Generated with pstm ", html);
        Assert.Contains("Text in preparation", html);
    }
}
