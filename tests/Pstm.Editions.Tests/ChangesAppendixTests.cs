using UglyToad.PdfPig;
using UglyToad.PdfPig.Annotations;
using UglyToad.PdfPig.Outline;

namespace Pstm.Editions.Tests;

/// <summary>
/// A booklet built with an earlier edition to compare with lists, in its appendix and in its own
/// language, what changed: the two editions of the test data (Pstm.Cli.Tests/Editions).
/// </summary>
public class ChangesAppendixTests
{
    private static readonly string Editions = Path.Combine(BuiltBooklet.RepositoryRoot, "tests", "Pstm.Cli.Tests", "Editions");

    private static BuildRequest Request(string output, string earlier) =>
        BuiltBooklet.Request(output, plan: Path.Combine(Editions, "edited")) with
        {
            Locales = ["it", "en"],
            ChangesSince = new ChangesSince("v2025.1", earlier),
        };

    [Fact]
    public async Task Each_booklet_lists_the_changes_since_the_earlier_edition_in_its_language()
    {
        using var output = new TemporaryFolder();

        var result = await EditionBuilder.BuildAsync(Request(output.Path, Path.Combine(Editions, "current")), CancellationToken.None);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Where(d => d.IsError).Select(d => d.Message)));
        var expected = new Dictionary<string, string[]>
        {
            ["it"] = ["Modifiche rispetto a v2025.1", "Obiettivo M5.6", "Rimozione", "Sviluppare partenariati internazionali", "in precedenza M1.4", "dalla missione M1 alla missione M2", "obiettivi citati: aggiunti M2.9"],
            ["en"] = ["Changes since v2025.1", "Objective M5.6", "Removed", "Develop international partnerships", "formerly M1.4", "from mission M1 to mission M2", "objectives cited: added M2.9"],
        };
        foreach (var (locale, words) in expected)
        {
            using var document = PdfDocument.Open(Path.Combine(output.Path, locale, "booklet.pdf"));
            var text = Normalize(string.Concat(document.GetPages().Select(p => p.Text)));
            foreach (var word in words)
            {
                Assert.Contains(Normalize(word), text);
            }

            // Readers find the list through the outline, and each changed item links to it in the booklet.
            Assert.True(document.TryGetBookmarks(out var bookmarks));
            var heading = Assert.Single(bookmarks.GetNodes(), n => n.Title == words[0]);
            var page = document.GetPage(((DocumentBookmarkNode)heading).PageNumber);

            // A list that fits on a page is not split from its heading: all five rows are on the heading's page.
            Assert.Contains(Normalize(words[1].Replace("M5.6", "M1.2", StringComparison.Ordinal)), Normalize(page.Text));
            Assert.Contains(Normalize(words[6]), Normalize(page.Text));
            var changesPages = document.GetPages().Where(p => p.Number >= page.Number).ToList();
            Assert.Contains(changesPages.SelectMany(p => p.GetAnnotations()), a => a.Type == AnnotationType.Link);
        }

        // The printed HTML, without the soft hyphens of its running text.
        var html = File.ReadAllText(Path.Combine(output.Path, "it", "booklet.html")).Replace("\u00AD", "", StringComparison.Ordinal);
        Assert.Contains("<a href=\"#objective-M1.2\">Obiettivo M1.2</a>", html);
        Assert.Contains(" <ins>sostenibile</ins>", html);
        Assert.Contains("<th scope=\"row\">Obiettivo M5.6</th>", html); // removed: nothing to link to
        Assert.True(File.Exists(Path.Combine(output.Path, "it", "assets", "changes", "changes.css")));
    }

    [Fact]
    public async Task An_earlier_edition_with_errors_is_an_error_and_nothing_is_written()
    {
        using var output = new TemporaryFolder();
        var broken = Path.Combine(BuiltBooklet.RepositoryRoot, "tests", "Pstm.Plan.Tests", "Cases", "PSTM0203-unknown-mission", "plan");

        var result = await EditionBuilder.BuildAsync(Request(output.Path, broken), CancellationToken.None);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("PSTM0705", error.Code);
        Assert.Contains("v2025.1", error.Message);
        Assert.Empty(Directory.EnumerateFiles(output.Path, "*.pdf", SearchOption.AllDirectories));
    }

    private static string Normalize(string text) => new([.. text.Where(c => !char.IsWhiteSpace(c))]);
}
