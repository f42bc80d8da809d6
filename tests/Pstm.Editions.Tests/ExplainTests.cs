using System.Text.RegularExpressions;
using Pstm.Diagnostics;
using Pstm.Editions.Explain;
using Pstm.Plan;
using Pstm.Plan.Explain;
using Pstm.Rendering.Booklet;
using Pstm.Rendering.Templates;
using Pstm.Rendering.Text;

namespace Pstm.Editions.Tests;

/// <summary><c>pstm explain</c>'s report on the shipped plan: golden texts, slide numbers against the built deck, pages from a build record.</summary>
public partial class ExplainTests(BuiltDeck built) : IClassFixture<BuiltDeck>
{
    private static readonly string Plan = Path.Combine(Golden.RepositoryRoot, "plan");
    private static readonly string Templates = Path.Combine(Golden.RepositoryRoot, "templates");
    private static readonly PlanCheck Check = PlanCheck.Run(Plan, Golden.RepositoryRoot);

    private static ItemReport Explain(string id, string output) =>
        ItemExplainer.Explain(Check, id, output) ?? throw new Xunit.Sdk.XunitException($"no item {id}");

    /// <summary>A build record as a build writes it, with the pages of a few headings in both booklets.</summary>
    private static void WriteRecord(string output)
    {
        var record = new BuildFingerprints(output);
        var pages = new Dictionary<string, int> { ["mission-M1"] = 7, ["mission-M2"] = 7, ["driver-D8"] = 12, ["appendix"] = 15 };
        record.RecordPages("it/booklet", pages);
        record.RecordPages("en/booklet", new Dictionary<string, int>(pages) { ["driver-D8"] = 13 });
        File.WriteAllText(Path.Combine(output, BuildFingerprints.FileName), record.Serialize());
    }

    private static string Text(ItemReport report, string output) =>
        ItemReportText.Format(report).Replace(output.Replace('\\', '/'), "OUT", StringComparison.Ordinal);

    [Theory]
    [InlineData("M2")]
    [InlineData("M1.4")]
    [InlineData("D8")]
    public void Explaining_an_item_of_the_shipped_plan_with_a_build_record_matches_its_golden_text(string id)
    {
        using var output = new TemporaryFolder();
        WriteRecord(output.Path);
        Directory.CreateDirectory(Path.Combine(output.Path, "it"));
        File.Copy(built.HtmlPath, Path.Combine(output.Path, "it", "slides.html"));

        var text = Text(Explain(id, output.Path), output.Path);

        Golden.Verify(Path.Combine(Golden.ProjectDirectory, "Golden", $"explain-{id}.txt"), text);
    }

    [Fact]
    public void Without_a_build_record_it_says_to_build_first_instead_of_guessing_pages()
    {
        using var output = new TemporaryFolder();

        var report = Explain("M2", output.Path);

        Assert.False(report.BuildRecorded);
        Assert.Empty(report.Booklets);
        Assert.Contains("build first to see booklet pages", ItemReportText.Format(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_come_from_the_record_and_a_plan_edited_since_is_flagged()
    {
        using var output = new TemporaryFolder();
        WriteRecord(output.Path);

        var fresh = Explain("D8", output.Path);
        File.SetLastWriteTimeUtc(Path.Combine(output.Path, BuildFingerprints.FileName), new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var old = Explain("D8", output.Path);

        Assert.Equal([("it", (int?)12, (int?)15), ("en", 13, 15)], fresh.Booklets.Select(b => (b.Locale, b.Page, b.AppendixPage)));
        Assert.Equal("driver-D8", fresh.BookletHeading);
        Assert.False(fresh.PlanChangedSinceBuild);
        Assert.True(old.PlanChangedSinceBuild);
    }

    [Fact]
    public void An_objective_is_placed_under_its_missions_heading_which_the_booklet_prints()
    {
        var report = Explain("M1.4", Path.Combine(Golden.RepositoryRoot, "no-such-dist"));
        var booklet = RenderedBooklet();

        Assert.Equal("mission-M1", report.BookletHeading);
        Assert.False(report.OwnHeading);
        Assert.Contains($"id=\"{report.BookletHeading}\"", booklet, StringComparison.Ordinal);
        Assert.Contains("id=\"appendix\"", booklet, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_heading_explain_names_is_a_heading_of_the_rendered_booklet()
    {
        var booklet = RenderedBooklet();
        var headings = PlanExplainer.Items(Check.Plan!).Select(BookletAnchors.HeadingOf).OfType<(string Anchor, bool Own)>().Select(h => h.Anchor).Distinct().ToList();

        Assert.NotEmpty(headings);
        Assert.All(headings, anchor => Assert.Contains($"id=\"{anchor}\"", booklet, StringComparison.Ordinal));
    }

    [Fact]
    public void The_slides_named_for_every_item_are_the_slides_of_the_built_deck_that_show_it()
    {
        var deck = built.Html;
        var sections = SlideSection().Matches(deck).ToDictionary(m => int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture), m => m.Value);
        var items = PlanExplainer.Items(Check.Plan!)
            .Where(i => i.Kind is PlanItemKind.Mission or PlanItemKind.Objective or PlanItemKind.Driver or PlanItemKind.Pillar or PlanItemKind.Phase)
            .ToList();

        foreach (var item in items)
        {
            var slides = Explain(item.Id, built.Output.FullName).Decks.Single(d => d.Locales.Contains("it")).Slides;
            Assert.NotEmpty(slides);
            foreach (var slide in slides)
            {
                Assert.True(sections.TryGetValue(slide.Number, out var section), $"{item.Id}: no slide-{slide.Number} in the deck");
                Assert.True(Shows(section!, item.Title), $"{item.Id}: slide-{slide.Number} does not show '{item.Title}'");
            }

            // An objective is listed on its slide and on no other: the numbers are exact, not merely plausible.
            // (A driver's paragraph may quote an objective's words, so the list item is what counts.)
            if (item.Kind == PlanItemKind.Objective)
            {
                var listed = $"<li data-item=\"objectives.{item.Id}\"><span class=\"objective-text\" data-split>{HtmlText.Inline(item.Title)}</span></li>";
                var showing = sections.Where(s => Typewritten.Of(s.Value).Contains(listed, StringComparison.Ordinal)).Select(s => s.Key).ToList();
                Assert.Equal(showing, slides.Select(s => s.Number));
            }
        }
    }

    [Fact]
    public void The_report_reuses_the_validations_coverage_for_an_objective_no_driver_cites()
    {
        var report = Explain("M1.4", Path.Combine(Golden.RepositoryRoot, "no-such-dist"));

        Assert.Empty(report.Explanation.MatrixCells);
        Assert.Contains(report.Explanation.Diagnostics, d => d.Code == PlanDiagnostics.ObjectiveNotCited.Code);
        Assert.Contains(report.Explanation.Notes, n => n.StartsWith("no driver cites this objective", StringComparison.Ordinal));
        Assert.Equal("plan/missions.yaml(12,15)", report.Explanation.Item.Definition.ToString());
    }

    [Fact]
    public void An_unknown_id_is_no_item_and_the_nearest_id_is_suggested()
    {
        Assert.Null(ItemExplainer.Explain(Check, "D11", "dist"));
        Assert.Equal("D1", PlanExplainer.Suggest(Check.Plan!, "D11"));
        Assert.Equal("M2", PlanExplainer.Suggest(Check.Plan!, "m2"));
    }

    private static bool Shows(string section, string title) =>
        Typewritten.Of(section).Contains(HtmlText.Inline(title), StringComparison.OrdinalIgnoreCase)
        || Typewritten.Of(section).Contains(HtmlText.Plain(title), StringComparison.OrdinalIgnoreCase);


    private static string RenderedBooklet()
    {
        var diagnostics = new DiagnosticBag();
        var templates = TemplateFolder.Open(Templates, Golden.RepositoryRoot, diagnostics)!;
        var booklet = BookletRenderer.Render(Check.Plan!, Check.Coverage!, templates, new BookletOptions("it", new DateOnly(2025, 6, 30), "pstm test"), diagnostics);
        Assert.Empty(diagnostics.ToSortedList());
        return booklet!.Html;
    }

    // One slide: from its opening tag to the next slide's, or to the end of the deck.
    [GeneratedRegex("<section class=\"slide [^\"]*\" id=\"slide-(?<n>\\d+)\".*?(?=<section class=\"slide |</main>)", RegexOptions.Singleline)]
    private static partial Regex SlideSection();
}
