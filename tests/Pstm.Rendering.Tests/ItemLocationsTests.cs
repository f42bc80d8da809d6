using System.Text.RegularExpressions;
using Pstm.Plan;
using Pstm.Plan.Translation;

namespace Pstm.Rendering.Tests;

/// <summary>
/// The keys a template writes in <c>data-item</c> are the items' translation keys without the field,
/// and each leads to the item's line in the plan; the booklet's templates mark every item they show.
/// </summary>
public class ItemLocationsTests
{
    private static readonly PlanCheck Shipped = PlanCheck.Run(TestPaths.Plan, TestPaths.RepositoryRoot);

    [Fact]
    public void Every_item_with_a_translatable_text_has_a_location_under_its_translation_key()
    {
        var locations = ItemLocations.Of(Shipped.Plan!);
        var items = TranslatableFields.Of(Shipped.Plan!).Select(f => f.Key[..f.Key.LastIndexOf('.')]).Where(k => k != "labels").Distinct();

        Assert.All(items, key => Assert.True(locations.Contains(key), key));
    }

    [Fact]
    public void A_key_leads_to_the_line_of_its_item_and_an_unknown_key_to_the_plan_file()
    {
        var locations = ItemLocations.Of(Shipped.Plan!);

        var objective = locations.Locate("objectives.M1.2");
        var unknown = locations.Locate("objectives.nowhere");

        Assert.Equal(("missions.yaml", 10, 9), (Path.GetFileName(objective.File), objective.StartLine, objective.StartColumn));
        Assert.Equal("plan.yaml", Path.GetFileName(unknown.File));
        Assert.Equal(unknown, locations.Locate(null));
    }

    [Fact]
    public void The_booklet_marks_every_objective_mission_driver_chapter_pillar_and_phase_it_shows()
    {
        var html = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "tests", "Pstm.Rendering.Tests", "Golden", "booklet.it.html"));
        var plan = Shipped.Plan!;
        var marked = Regex.Matches(html, "data-item=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToHashSet();
        var expected = plan.Missions.Select(m => $"missions.{m.Id.Value}")
            .Concat(plan.Missions.SelectMany(m => m.Objectives).Select(o => $"objectives.{o.Id.Value}"))
            .Concat(plan.Drivers.Select(d => $"drivers.{d.Id.Value}"))
            .Concat(plan.Chapters.Select(c => $"chapters.{c.Id.Value}"))
            .Concat(plan.Vision.Select(p => $"vision.{p.Id.Value}"))
            .Concat(plan.Process.Select(p => $"process.{p.Id.Value}"));

        Assert.All(expected, key => Assert.Contains(key, marked));
        Assert.All(marked, key => Assert.True(ItemLocations.Of(plan).Contains(key), key));
    }
}
