using System.Security.Cryptography;
using Pstm.Diagnostics;

namespace Pstm.Editions.Tests;

/// <summary>
/// A build checks its own output: content that overflows its box in the booklet or on a slide is a
/// warning at the plan item's YAML line (PSTM0625), an error with --strict that leaves the previous
/// outputs as they were; the shipped plan and the fixture plans have none, nor a heading alone at a
/// page's foot (PSTM0626).
/// </summary>
public class OutputCheckTests
{
    private static readonly string[] LayoutCodes = ["PSTM0625", "PSTM0626"];

    private static string Fixture(string name) => Path.Combine(BuiltBooklet.RepositoryRoot, "tests", "Pstm.Plan.Tests", "Cases", name, "plan");

    // Objective M1.2 of the shipped plan, at missions.yaml line 10, column 9, given one word of 300 letters and
    // digits: no language breaks it (a word of letters alone would be hyphenated).
    private static TemporaryFolder PlanWithLongWord()
    {
        var plan = TemporaryFolder.CopyOf(Path.Combine(BuiltBooklet.RepositoryRoot, "plan"));
        var missions = Path.Combine(plan.Path, "missions.yaml");
        var text = File.ReadAllText(missions);
        Assert.Contains("{ id: M1.2, text: \"Promuovere lo **sviluppo economico**\" }", text, StringComparison.Ordinal);
        File.WriteAllText(missions, text.Replace("Promuovere lo **sviluppo economico**", "Promuovere " + string.Concat(Enumerable.Repeat("x9", 150)), StringComparison.Ordinal));
        return plan;
    }

    private static BuildRequest Request(string output, string plan, string? templates = null) =>
        BuiltBooklet.Request(output, plan, templates) with { Targets = [BuildTarget.All] };

    private static string Describe(BuildResult result) => string.Join("\n", result.Diagnostics.Select(d => $"{d.Span}: {d.Code} {d.Message}"));

    [Fact]
    public async Task A_word_too_long_to_break_is_a_warning_at_its_objective_in_the_booklet_and_the_deck()
    {
        using var plan = PlanWithLongWord();
        using var output = new TemporaryFolder();

        var result = await EditionBuilder.BuildAsync(Request(output.Path, plan.Path), CancellationToken.None);

        Assert.True(result.Succeeded, Describe(result));
        var booklet = Assert.Single(result.Diagnostics, d => d.Code == "PSTM0625" && d.Message.StartsWith("in it/booklet.pdf", StringComparison.Ordinal));
        Assert.Equal(Severity.Warning, booklet.Severity);
        Assert.Equal(("missions.yaml", 10, 9), (Path.GetFileName(booklet.Span.File), booklet.Span.StartLine, booklet.Span.StartColumn));
        Assert.Contains("objectives.M1.2", booklet.Message, StringComparison.Ordinal);
        Assert.Contains("a word too long to break", booklet.Message, StringComparison.Ordinal);
        Assert.Contains(result.Diagnostics, d => d.Code == "PSTM0625" && d.Message.StartsWith("in it/slides.pdf", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task With_strict_an_overflow_is_an_error_and_the_previous_outputs_stay(bool force)
    {
        using var plan = PlanWithLongWord();
        using var output = new TemporaryFolder();
        var request = Request(output.Path, plan.Path);
        Assert.True((await EditionBuilder.BuildAsync(request, CancellationToken.None)).Succeeded);
        var before = Snapshot(output.Path);

        // Unforced, the outputs are unchanged and not measured again: what was found last time still counts.
        var result = await EditionBuilder.BuildAsync(request with { Strict = true, Force = force }, CancellationToken.None);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Code == "PSTM0625" && d.Message.StartsWith("in it/booklet.pdf", StringComparison.Ordinal));
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal(10, error.Span.StartLine);
        Assert.Equal(before, Snapshot(output.Path));
    }

    [Fact]
    public async Task A_stylesheet_that_clips_the_slides_and_the_driver_cards_is_found_at_the_items()
    {
        using var templates = TemporaryFolder.CopyOf(Path.Combine(BuiltBooklet.RepositoryRoot, "templates"));
        File.AppendAllText(Path.Combine(templates.Path, "slides", "slides.css"), "\n.slide li { font-size: 60px; }\n");
        File.AppendAllText(Path.Combine(templates.Path, "booklet", "booklet.css"), "\n.driver { height: 15mm; overflow: hidden; }\n");
        using var output = new TemporaryFolder();

        var result = await EditionBuilder.BuildAsync(Request(output.Path, Path.Combine(BuiltBooklet.RepositoryRoot, "plan"), templates.Path), CancellationToken.None);

        // Every driver card of the booklet is cut: each is named at its own line of drivers.yaml (D1 at line 7).
        var drivers = result.Diagnostics.Where(d => d.Code == "PSTM0625" && d.Message.StartsWith("in it/booklet.pdf", StringComparison.Ordinal)).ToList();
        Assert.Equal(10, drivers.Count);
        Assert.All(drivers, d => Assert.Equal("drivers.yaml", Path.GetFileName(d.Span.File)));
        Assert.Contains(drivers, d => d.Span.StartLine == 7 && d.Message.Contains("drivers.D1:", StringComparison.Ordinal));

        // The slides whose objectives no longer fit are cut at 1280×720, in a file of the plan.
        var slides = result.Diagnostics.Where(d => d.Code == "PSTM0625" && d.Message.StartsWith("in it/slides.pdf", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(slides);
        Assert.All(slides, d => Assert.True(d.Span.HasPosition && d.Span.File.StartsWith(Path.Combine(BuiltBooklet.RepositoryRoot, "plan"), StringComparison.Ordinal), d.Span.ToString()));
        Assert.All(slides, d => Assert.Contains("1280×720", d.Message, StringComparison.Ordinal));
    }

    public static TheoryData<string> Plans() =>
    [
        Path.Combine(BuiltBooklet.RepositoryRoot, "plan"),
        .. Directory.GetDirectories(Path.Combine(BuiltBooklet.RepositoryRoot, "tests", "Pstm.Plan.Tests", "Cases"), "valid-*").Order(StringComparer.Ordinal).Select(d => Path.Combine(d, "plan")),
    ];

    [Theory]
    [MemberData(nameof(Plans))]
    public async Task The_shipped_and_fixture_plans_have_no_overflow_and_no_heading_alone_at_a_page_foot(string plan)
    {
        using var output = new TemporaryFolder();

        var result = await EditionBuilder.BuildAsync(Request(output.Path, plan) with { Locales = [] }, CancellationToken.None);

        Assert.True(result.Succeeded, Describe(result));
        Assert.DoesNotContain(result.Diagnostics, d => LayoutCodes.Contains(d.Code));
    }

    private static SortedDictionary<string, string> Snapshot(string folder) => new(
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != OutputFolder.LockFileName)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))),
        StringComparer.Ordinal);
}
