using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace Pstm.Editions.Tests;

/// <summary>
/// Plans that are not shaped like the shipped one: a part with nothing to show is in neither the
/// booklet (text, TOC, outline) nor the deck, the two name the same parts, "in preparation" is shown
/// only where an expected text is missing, and driver names keep the case the plan writes them in.
/// </summary>
public sealed class EditionPartsTests
{
    private static string Cases => Path.Combine(BuiltBooklet.RepositoryRoot, "tests", "Pstm.Plan.Tests", "Cases");

    // No process, no vision, one chapter; a mission without objectives; no driver has a subtitle.
    private const string MissionsAndDriversOnly = """
        id: test-plan
        title: Piano di prova
        entity: Ente di prova
        period: { from: 2025, to: 2027 }
        language: it
        chapters:
          - id: C1
            number: 1
            title: Agenda
            body: Un capitolo con le missioni e i driver.
            sections: [missions, drivers]
        missions:
          - id: M1
            number: 1
            title: Prima missione
            objectives:
              - { id: M1.1, text: Primo obiettivo }
          - id: M2
            number: 2
            title: Seconda missione
        drivers:
          - id: D1
            number: 1
            name: Campus metropolitano smart
            description: Una descrizione scritta, senza sottotitolo.
            missions: [M1, M2]
            objectives: [M1.1]
        """;

    /// <summary>The titles the sections and the matrix have in the Italian and English strings.</summary>
    private static readonly Regex PartTitle = new(
        "^(Processo di Piano|I pilastri della visione|Le missioni e gli obiettivi strategici|\\d+ driver|Matrice di tracciabilità|" +
        "Planning process|The pillars of the vision|Missions and strategic objectives|\\d+ drivers?|Traceability matrix)$");

    [Fact]
    public async Task A_plan_without_drivers_or_chapters_shows_its_missions_and_no_matrix_in_booklet_and_deck()
    {
        var built = await Build(Path.Combine(Cases, "valid-three-axes-no-drivers", "plan"), "it");

        Assert.Equal(["Le missioni e gli obiettivi strategici"], Parts(built.BookletOutline));
        Assert.Equal(Parts(built.BookletOutline), Parts(built.DeckOutline));
        // The mission's kicker is set in capitals by the stylesheet, and the outline shows what is printed.
        Assert.Contains("Asse 1. Roma metropolitana sostenibile", built.BookletOutline);
        Assert.Contains("Mobilità", built.BookletText);
        foreach (var absent in new[] { "Appendice", "Matrice", "Obiettivi non ancora citati", "Driver" })
        {
            Assert.DoesNotContain(absent, built.BookletText, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(absent, built.DeckText, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(built.BookletOutline, t => t.Contains("Appendice", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_process_and_vision_and_with_a_mission_without_objectives_no_heading_stands_over_nothing()
    {
        using var plan = new TemporaryFolder();
        File.WriteAllText(Path.Combine(plan.Path, "plan.yaml"), MissionsAndDriversOnly);

        var built = await Build(plan.Path, "it");

        Assert.Equal(["Le missioni e gli obiettivi strategici", "1 driver", "Matrice di tracciabilità"], Parts(built.BookletOutline));
        Assert.Equal(Parts(built.BookletOutline), Parts(built.DeckOutline));
        foreach (var text in new[] { built.BookletText, built.DeckText })
        {
            Assert.DoesNotContain("Processo di Piano", text, StringComparison.Ordinal);
            Assert.DoesNotContain("pilastri", text, StringComparison.Ordinal);

            // M1 has its objectives under their label (in capitals where the stylesheet asks); M2 has no label
            // over nothing, but is in preparation.
            Assert.Single(Regex.Matches(text, "OBIETTIVI STRATEGICI|Obiettivi strategici"));
            Assert.Single(Regex.Matches(text, "Testo in preparazione"));

            // The driver's description is written: it is shown, with no "in preparation" beside it.
            Assert.Contains("Una descrizione scritta, senza sottotitolo.", text, StringComparison.Ordinal);
            Assert.Contains("Driver 1. Campus metropolitano smart", text, StringComparison.Ordinal);
        }

        Assert.Contains("Driver 1. Campus metropolitano smart", built.BookletOutline);
        Assert.Contains("Driver 1. Campus metropolitano smart", built.DeckOutline);
    }

    [Fact]
    public async Task Driver_names_keep_their_case_in_the_outline_the_toc_and_the_text_of_both_editions()
    {
        var built = await Build(Path.Combine(Cases, "valid-twelve-direttrici-in-english", "plan"), "en-GB");

        Assert.Equal(Parts(built.BookletOutline), Parts(built.DeckOutline));
        Assert.Contains("12 drivers", Parts(built.BookletOutline));
        foreach (var number in Enumerable.Range(1, 12))
        {
            var heading = $"Direttrice {number}. Driver {number}";
            Assert.Contains(heading, built.BookletOutline);
            Assert.Contains(heading, built.DeckOutline);

            // Once in the table of contents and once over the driver's card.
            Assert.Equal(2, Regex.Count(built.BookletText, Regex.Escape(heading) + "(?!\\d)"));
        }

        // The cover's pattern of names is decoration in capitals (the stylesheet's): the rest keeps the plan's case.
        Assert.DoesNotContain("DRIVER 1", built.BookletText[built.BookletText.IndexOf("Contents", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.DoesNotContain("DRIVER 1", built.DeckText, StringComparison.Ordinal);
    }

    /// <summary>The titles of the parts, once each: a deck's continuation slides ("12 drivers 2/2") are one part.</summary>
    private static List<string> Parts(IEnumerable<string> outline) =>
        outline.Select(t => Regex.Replace(t, @"\s+\d+/\d+$", "")).Where(t => PartTitle.IsMatch(t)).Distinct().ToList();

    private static async Task<BuiltEditions> Build(string planDirectory, string locale)
    {
        using var output = new TemporaryFolder();
        var result = await EditionBuilder.BuildAsync(
            BuiltBooklet.Request(output.Path, planDirectory) with { Locales = [locale], Targets = [BuildTarget.All] }, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Where(d => d.IsError).Select(d => d.Message)));

        using var booklet = PdfDocument.Open(Path.Combine(output.Path, locale, "booklet.pdf"));
        using var deck = PdfDocument.Open(Path.Combine(output.Path, locale, "slides.pdf"));
        return new BuiltEditions(Outline(booklet), Text(booklet), Outline(deck), Text(deck));
    }

    private static List<string> Outline(PdfDocument document)
    {
        Assert.True(document.TryGetBookmarks(out var bookmarks));
        var titles = new List<string>();
        void Walk(IEnumerable<BookmarkNode> nodes)
        {
            foreach (var node in nodes)
            {
                titles.Add(node.Title.Trim());
                Walk(node.Children);
            }
        }

        Walk(bookmarks.Roots);
        return titles;
    }

    /// <summary>The text layer as words separated by single spaces, page after page.</summary>
    private static string Text(PdfDocument document) =>
        string.Join(" ", document.GetPages().Select(PrintedText.Of));

    private sealed record BuiltEditions(List<string> BookletOutline, string BookletText, List<string> DeckOutline, string DeckText);
}
