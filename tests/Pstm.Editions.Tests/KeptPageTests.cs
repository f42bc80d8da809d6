namespace Pstm.Editions.Tests;

/// <summary>
/// <c>pstm build --watch</c> keeps its pages between rebuilds (each booklet's, each deck's and the one
/// the deck is measured in) and puts in them the parts that changed. What it makes must be what a
/// build from scratch makes, byte for byte: after edits to objectives, and when the pages are loaded
/// again (slides added, the stylesheet changed).
/// </summary>
public sealed class KeptPageTests : IDisposable
{
    private static readonly string Long = DeckPaginationTests.Sentences("lungo", 190);

    private readonly TemporaryFolder _plan = new();
    private readonly TemporaryFolder _templates = TemporaryFolder.CopyOf(Path.Combine(BuiltBooklet.RepositoryRoot, "templates"));
    private readonly TemporaryFolder _watched = new();

    private static string Plan(string first, string second, bool driver) => $$"""
        id: p
        title: Piano di prova
        entity: Ente
        period: { from: 2025, to: 2027 }
        language: it
        missions:
          - id: M1
            number: 1
            title: Lunga
            objectives:
              - { id: M1.1, text: "{{first}}" }
              - { id: M1.2, text: "Il secondo obiettivo, dopo quello lungo" }
          - id: M2
            number: 2
            title: Brevi
            objectives:
        {{string.Concat(Enumerable.Range(1, 8).Select(i => $"      - {{ id: M2.{i}, text: \"{second} {i}\" }}\n"))}}
          - id: M3
            number: 3
            title: Vasta
            objectives:
              - { id: M3.1, text: "{{DeckPaginationTests.Sentences("vasto", 420)}}" }
        {{(driver ? "drivers:\n  - { id: D1, number: 1, name: Un driver nuovo, description: Una descrizione., missions: [M1, M2], objectives: [M1.1] }\n" : "")}}
        """;

    private BuildRequest Request(string output, List<string> progress) =>
        BuiltBooklet.Request(output, _plan.Path, _templates.Path) with { Targets = [BuildTarget.Booklet, BuildTarget.Slides], Progress = progress.Add };

    private static readonly string[] Outputs = ["booklet.html", "booklet.pdf", "slides.html", "slides.pdf"];

    private static async Task BuildAsync(BuildSession session, BuildRequest request)
    {
        var result = await session.BuildAsync(request, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Where(d => d.IsError).Select(d => d.Message)));
    }

    /// <summary>
    /// Builds with the watching session and from scratch, checks that they made the same files (the
    /// PDFs byte for byte), and says which pages the watching session found kept: the deck's measuring
    /// page, the deck's and the booklet's.
    /// </summary>
    private async Task<(bool Measuring, bool Deck, bool Booklet)> AssertSameAsFromScratchAsync(BuildSession watching)
    {
        var progress = new List<string>();
        await BuildAsync(watching, Request(_watched.Path, progress));
        using var scratch = new TemporaryFolder();
        await using var fresh = new BuildSession();
        await BuildAsync(fresh, Request(scratch.Path, []) with { Force = true });
        foreach (var output in Outputs)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(scratch.Path, "it", output)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_watched.Path, "it", output))),
                $"{output} differs from the one built from scratch");
        }

        bool Kept(string step) => Assert.Single(progress, p => p.StartsWith(step, StringComparison.Ordinal)).Contains("kept page", StringComparison.Ordinal);
        return (Kept("measured it/slides.html"), Kept("printed it/slides.pdf"), Kept("printed it/booklet.pdf"));
    }

    [Fact]
    public async Task Pages_kept_between_builds_make_what_a_build_from_scratch_makes()
    {
        var plan = Path.Combine(_plan.Path, "plan.yaml");
        File.WriteAllText(plan, Plan(Long, "Obiettivo breve numero", driver: false));
        await using var watching = new BuildSession(keepsPages: true);
        Assert.Equal((false, false, false), await AssertSameAsFromScratchAsync(watching));

        // A word of two objectives.
        File.WriteAllText(plan, Plan(Long.Replace("lungo7 ", "lunghissimo7 ", StringComparison.Ordinal), "Obiettivo corto numero", driver: false));
        Assert.Equal((true, true, true), await AssertSameAsFromScratchAsync(watching));

        // One objective much shorter, another list's words longer: the deck is cut differently (its
        // counter, "1 / 9", changes: the deck's page is loaded again), the booklet's pages move.
        File.WriteAllText(plan, Plan(DeckPaginationTests.Sentences("breve", 30), "Obiettivo della seconda missione, ora con un testo che va a capo su due righe, numero", driver: false));
        Assert.Equal((true, false, true), await AssertSameAsFromScratchAsync(watching));

        // A driver added changes more than the slides and the booklet's chapters (the counter, the
        // table of contents): the pages are loaded again.
        File.WriteAllText(plan, Plan(DeckPaginationTests.Sentences("breve", 30), "Obiettivo breve numero", driver: true));
        Assert.Equal((false, false, false), await AssertSameAsFromScratchAsync(watching));

        // The pages loaded again are kept in turn.
        File.WriteAllText(plan, Plan(DeckPaginationTests.Sentences("lungo", 150), "Obiettivo breve numero", driver: true));
        Assert.Equal((true, false, true), await AssertSameAsFromScratchAsync(watching));

        // Larger text on every slide: the stylesheet changed, so the deck's pages are loaded again.
        var css = Path.Combine(_templates.Path, "slides", "slides.css");
        File.WriteAllText(css, File.ReadAllText(css) + "\n.objectives li { font-size: 34px; }\n");
        File.WriteAllText(plan, Plan(DeckPaginationTests.Sentences("lungo", 120), "Obiettivo breve numero", driver: true));
        Assert.Equal((false, false, true), await AssertSameAsFromScratchAsync(watching));
    }

    public void Dispose()
    {
        _plan.Dispose();
        _templates.Dispose();
        _watched.Dispose();
    }
}
