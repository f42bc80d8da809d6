using Pstm.Diagnostics;

namespace Pstm.Editions.Tests;

/// <summary>
/// <c>pstm build --watch</c> keeps each deck's measuring page between rebuilds and measures there
/// only the slides that changed. The deck it cuts must be the one a build from scratch cuts: after an
/// edit to one objective, and when the page is loaded again: after slides are added, after the
/// stylesheet changes.
/// </summary>
public sealed class KeptDeckPageTests : IDisposable
{
    private static readonly string Long = Sentences("lungo", 190);

    private readonly TemporaryFolder _plan = new();
    private readonly TemporaryFolder _templates = TemporaryFolder.CopyOf(Path.Combine(BuiltBooklet.RepositoryRoot, "templates"));
    private readonly TemporaryFolder _watched = new();

    private static string Sentences(string stem, int words) =>
        string.Concat(Enumerable.Range(1, words).Select(i => $"{stem}{i}" + (i % 14 == 0 || i == words ? ". " : " "))).Trim();

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
              - { id: M3.1, text: "{{Sentences("vasto", 420)}}" }
        {{(driver ? "drivers:\n  - { id: D1, number: 1, name: Un driver nuovo, description: Una descrizione., missions: [M1, M2], objectives: [M1.1] }\n" : "")}}
        """;

    private BuildRequest Request(string output, List<string> progress) =>
        BuiltBooklet.Request(output, _plan.Path, _templates.Path) with { Targets = [EditionBuilder.Slides], Progress = progress.Add };

    private static async Task<(string Html, List<string> Progress)> BuildAsync(BuildSession session, Func<List<string>, BuildRequest> request, string output)
    {
        var progress = new List<string>();
        var result = await session.BuildAsync(request(progress), CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Where(d => d.IsError).Select(d => d.Message)));
        return (await File.ReadAllTextAsync(Path.Combine(output, "it", "slides.html")), progress);
    }

    /// <summary>The deck the watching session cuts now, checked against a build from scratch; whether its page was the kept one.</summary>
    private async Task<bool> AssertSameAsFromScratchAsync(BuildSession watching)
    {
        var (watched, progress) = await BuildAsync(watching, p => Request(_watched.Path, p), _watched.Path);
        using var scratch = new TemporaryFolder();
        await using var fresh = new BuildSession();
        var (expected, _) = await BuildAsync(fresh, p => Request(scratch.Path, p) with { Force = true }, scratch.Path);
        Assert.Equal(expected, watched);
        var measured = Assert.Single(progress, p => p.StartsWith("measured it/slides.html", StringComparison.Ordinal));
        return measured.Contains("kept page", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slides_measured_on_the_kept_page_are_cut_as_from_scratch()
    {
        var plan = Path.Combine(_plan.Path, "plan.yaml");
        File.WriteAllText(plan, Plan(Long, "Obiettivo breve numero", driver: false));
        await using var watching = new BuildSession(keepsPages: true);
        Assert.False(await AssertSameAsFromScratchAsync(watching), "the first build loads its page");

        // One objective much shorter, another list's words longer: the deck is cut differently.
        File.WriteAllText(plan, Plan(Sentences("breve", 30), "Obiettivo della seconda missione, ora con un testo che va a capo su due righe, numero", driver: false));
        Assert.True(await AssertSameAsFromScratchAsync(watching), "an edit to the slides is measured on the kept page");

        File.WriteAllText(plan, Plan(Sentences("breve", 30), "Obiettivo breve numero", driver: true));
        // Slides added change more than the slides (the deck's counter, "1 / 9"): the page is loaded again.
        Assert.False(await AssertSameAsFromScratchAsync(watching), "slides added load the page again");

        // Larger text on every slide: the stylesheet changed, so the page is loaded again.
        var css = Path.Combine(_templates.Path, "slides", "slides.css");
        File.WriteAllText(css, File.ReadAllText(css) + "\n.objectives li { font-size: 34px; }\n");
        Assert.False(await AssertSameAsFromScratchAsync(watching), "a new stylesheet loads the page again");

        File.WriteAllText(plan, Plan(Sentences("lungo", 150), "Obiettivo breve numero", driver: true));
        Assert.True(await AssertSameAsFromScratchAsync(watching), "the page loaded again is kept in turn");
    }

    public void Dispose()
    {
        _plan.Dispose();
        _templates.Dispose();
        _watched.Dispose();
    }
}
