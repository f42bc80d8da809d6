using System.Net;
using System.Text.RegularExpressions;
using Pstm.Diagnostics;
using Pstm.Plan;
using Pstm.Plan.Coverage;
using Pstm.Plan.Translation;
using Pstm.Rendering.Booklet;
using Pstm.Rendering.Slides;
using Pstm.Rendering.Templates;

namespace Pstm.Rendering.Tests;

/// <summary>
/// Every cell of the drivers × missions matrix, in the booklet and in the deck, says to assistive technology
/// whether its row's driver serves its column's mission, in the edition's words: a served cell and an empty one
/// alike, so that a screen reader never meets a blank cell, nor a dot it cannot name.
/// </summary>
public partial class MatrixCellsTests
{
    [Theory]
    [InlineData("it")]
    [InlineData("en")]
    public void Each_cell_says_whether_the_driver_serves_the_mission_in_the_booklet_and_the_deck(string locale)
    {
        var check = PlanCheck.Run(TestPaths.Plan, TestPaths.RepositoryRoot);
        var diagnostics = new DiagnosticBag();
        var plan = locale == "it" ? check.Plan! : Translator.Apply(check.Plan!, TranslationFile.Load(TestPaths.Plan, locale, TestPaths.RepositoryRoot, diagnostics), strict: false, diagnostics).Plan;
        var templates = TemplateFolder.Open(TestPaths.Templates, TestPaths.RepositoryRoot, diagnostics)!;
        var strings = TemplateStrings.Load(templates, locale, plan.Labels, diagnostics)!;
        var options = new BookletOptions(locale, new DateOnly(2025, 6, 30), "pstm test");
        var booklet = BookletRenderer.Render(plan, CoverageReport.Compute(plan), templates, options, diagnostics)!.Html;
        var deck = SlidesRenderer.Render(plan, CoverageReport.Compute(plan), templates, options, diagnostics)!;

        foreach (var html in new[] { booklet, deck })
        {
            // The deck may cut the matrix into slides: every table of it counts.
            var rows = Table().Matches(html).SelectMany(table => Row().Matches(table.Value)).ToList();
            Assert.Equal(plan.Drivers.Count, rows.Count);
            foreach (var row in rows)
            {
                var driver = plan.Drivers.Single(d => d.Id.Value == row.Groups["driver"].Value);
                var said = Cell().Matches(row.Groups["cells"].Value).Select(c => WebUtility.HtmlDecode(c.Groups["label"].Value)).ToList();
                var expected = plan.Missions.Select(m => driver.Missions.Any(served => served.Value == m.Id.Value) ? strings["served"] : strings["not_served"]);
                Assert.Equal(expected, said);
            }
        }
    }

    [GeneratedRegex("""<table class="matrix">.*?</table>""", RegexOptions.Singleline)]
    private static partial Regex Table();

    [GeneratedRegex("""<tr data-item="drivers\.(?<driver>[^"]+)">(?<cells>.*?)</tr>""", RegexOptions.Singleline)]
    private static partial Regex Row();

    // A mission's cell: the one element in it, an image named by what it says.
    [GeneratedRegex("""<td class="[^"]*mission-color-[^"]*"><span class="[^"]*" role="img" aria-label="(?<label>[^"]*)">[^<]*</span></td>""")]
    private static partial Regex Cell();
}
