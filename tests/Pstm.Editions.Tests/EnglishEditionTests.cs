using System.Text.RegularExpressions;
using Pstm.Diagnostics;
using Pstm.Plan;
using Pstm.Plan.Translation;
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

    [Fact]
    public async Task Texts_left_in_italian_keep_their_language_in_the_english_pdfs_whole_blocks_and_words_in_a_heading_alike()
    {
        // A chapter's body (a block of paragraphs), a mission's title (words in its heading, after its label) and an
        // objective (a whole list item in the booklet, a span in the deck's) left without their English translation.
        using var plan = TemporaryPlan.Shipped();
        var english = plan.FileOf("translations/en.yaml");
        foreach (var key in new[] { "chapters.C1.body", "missions.M1.title", "objectives.M1.4.text" })
        {
            var text = File.ReadAllText(english);
            var without = Regex.Replace(text, $@"  {Regex.Escape(key)}:\n(    .*\n)+", "");
            Assert.NotEqual(text, without);
            File.WriteAllText(english, without);
        }

        using var output = new TemporaryFolder();
        var result = await EditionBuilder.BuildAsync(
            BuiltBooklet.Request(output.Path, plan.Path) with { Locales = ["en"], Targets = [BuildTarget.All] }, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Where(d => d.IsError).Select(d => d.Message)));

        var source = PlanCheck.Run(plan.Path).Plan!;
        var edition = Translator.Apply(source, TranslationFile.Load(plan.Path, "en", plan.Path, new DiagnosticBag()), strict: false, new DiagnosticBag()).Plan;
        var title = source.Missions[0].Title;
        var objective = source.Objectives.Single(o => o.Id.Value == "M1.4").Text.Replace("**", "", StringComparison.Ordinal);
        var translatedObjective = edition.Objectives.Single(o => o.Id.Value == "M1.1").Text.Replace("**", "", StringComparison.Ordinal);
        var body = source.Chapters.Single(c => c.Id.Value == "C1").Body!.Split("\n\n")[1][..60];
        foreach (var file in new[] { "booklet.pdf", "slides.pdf" })
        {
            var tree = TaggedPdf.Read(File.ReadAllBytes(Path.Combine(output.Path, "en", file)));

            // The title is Italian in its heading, which is English (its label); the table of contents lists it as plain
            // text, without its language, in the HTML as in the PDF.
            var heading = Assert.Single(tree.Descendants(), e => e.Role is ['H', >= '1' and <= '6'] && TaggedPdf.Letters(e.Text).Contains(TaggedPdf.Letters(title), StringComparison.Ordinal));
            Assert.Equal(("en", "en"), (tree.Language, heading.Language));
            Assert.Equal(["it"], heading.LanguagesOf(title));
            Assert.Equal(["it"], tree.LanguagesOf(objective));
            Assert.Equal(["en"], tree.LanguagesOf(translatedObjective));
            Assert.Equal(["en"], tree.LanguagesOf(edition.Missions[1].Title));
            if (file == "booklet.pdf")
            {
                Assert.Equal(["it"], tree.LanguagesOf(body));
                Assert.Equal(["en"], tree.LanguagesOf(edition.Chapters[1].Title));
            }
        }
    }
}
