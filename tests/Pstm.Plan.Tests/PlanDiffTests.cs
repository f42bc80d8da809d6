using Pstm.Diagnostics;
using Pstm.Plan.Comparison;
using Pstm.Plan.Model;

namespace Pstm.Plan.Tests;

/// <summary>
/// The semantic difference between two editions of a plan, where it lives: items matched by id (through
/// renames), compared field by field; moving or reordering is no change. Edits are made to the shipped
/// plan as a model.
/// </summary>
public sealed class PlanDiffTests
{
    private static readonly StrategicPlan Shipped = Load();

    private static StrategicPlan Load()
    {
        var folder = Path.Combine(Golden.RepositoryRoot, "plan");
        var check = PlanCheck.Run(folder, folder);
        Assert.NotNull(check.Plan);
        return check.Plan;
    }

    private static (string Item, string Id, ChangeKind Kind, string? Field) Row(PlanChange change) =>
        (change.Item, change.Id, change.Kind, change.Field);

    [Fact]
    public void The_same_plan_has_no_change()
    {
        Assert.Empty(PlanDiff.Compare(Shipped, Shipped));
    }

    [Fact]
    public void Lists_in_another_order_are_no_change()
    {
        var reordered = Shipped with
        {
            Missions = [.. Shipped.Missions.Reverse().Select(m => m with { Objectives = [.. m.Objectives.Reverse()] })],
            Drivers = [.. Shipped.Drivers.Reverse().Select(d => d with { Missions = [.. d.Missions.Reverse()] })],
        };

        Assert.Empty(PlanDiff.Compare(Shipped, reordered));
    }

    [Fact]
    public void A_reworded_objective_shows_its_words()
    {
        var objective = Shipped.Missions[0].Objectives[0];
        var after = WithFirstObjective(objective with { Text = objective.Text + " entro il 2027" });

        var change = Assert.Single(PlanDiff.Compare(Shipped, after));

        Assert.Equal(("objective", objective.Id.Value, ChangeKind.Reworded, "text"), Row(change));
        Assert.Equal((objective.Text, objective.Text + " entro il 2027"), (change.Before, change.After));
        Assert.EndsWith("{+ entro il 2027+}", WordDiff.Format(change.Words!), StringComparison.Ordinal);
    }

    [Fact]
    public void An_objective_in_another_mission_is_moved_not_removed_and_added()
    {
        var objective = Shipped.Missions[0].Objectives[0];
        var second = Shipped.Missions[1];
        var after = Shipped with
        {
            Missions =
            [
                Shipped.Missions[0] with { Objectives = [.. Shipped.Missions[0].Objectives.Skip(1)] },
                second with { Objectives = [.. second.Objectives, objective with { MissionId = second.Id.Value }] },
                .. Shipped.Missions.Skip(2),
            ],
        };

        var change = Assert.Single(PlanDiff.Compare(Shipped, after));

        Assert.Equal(("objective", objective.Id.Value, ChangeKind.Moved, "mission"), Row(change));
        Assert.Equal((Shipped.Missions[0].Id.Value, second.Id.Value), (change.Before, change.After));
    }

    [Fact]
    public void A_renamed_id_is_followed_when_declared_and_is_removed_and_added_when_not()
    {
        // Renamed everywhere: the objective and the drivers that cite it.
        var objective = Shipped.Missions[0].Objectives[0];
        var old = objective.Id.Value;
        var citing = Shipped.Drivers.Where(d => d.Objectives.Any(o => o.Value == old)).Select(d => d.Id.Value).ToList();
        var after = WithFirstObjective(objective with { Id = objective.Id with { Value = "M1.NEW" } }) with
        {
            Drivers = [.. Shipped.Drivers.Select(d => d with { Objectives = [.. d.Objectives.Select(o => o.Value == old ? o with { Value = "M1.NEW" } : o)] })],
        };

        var followed = PlanDiff.Compare(Shipped, after, new Dictionary<string, string> { [old] = "M1.NEW" });
        var unknown = PlanDiff.Compare(Shipped, after);

        Assert.Equal([("objective", "M1.NEW", ChangeKind.Renamed, "id")], followed.Select(Row));
        Assert.NotEmpty(citing);
        (string Item, string Id, ChangeKind Kind, string? Field)[] expected =
            [("objective", old, ChangeKind.Removed, null), ("objective", "M1.NEW", ChangeKind.Added, null),
             .. citing.Select(d => ("driver", d, ChangeKind.Relinked, (string?)"objectives"))];
        Assert.Equal(expected.Order(), unknown.Select(Row).Order());
    }

    [Fact]
    public void A_driver_linked_to_other_missions_says_which_it_gained_and_lost()
    {
        var driver = Shipped.Drivers.First(d => d.Missions.Count > 0);
        var lost = driver.Missions[0].Value;
        var gained = Shipped.Missions.Select(m => m.Id.Value).First(id => driver.Missions.All(m => m.Value != id));
        var after = Shipped with
        {
            Drivers = [.. Shipped.Drivers.Select(d => d == driver
                ? d with { Missions = [.. d.Missions.Skip(1), new Located<string>(gained, SourceSpan.ForFile("drivers.yaml"))] }
                : d)],
        };

        var change = Assert.Single(PlanDiff.Compare(Shipped, after));

        Assert.Equal(("driver", driver.Id.Value, ChangeKind.Relinked, "missions"), Row(change));
        Assert.Equal([gained], change.Linked);
        Assert.Equal([lost], change.Unlinked);
    }

    [Fact]
    public void A_renumbered_mission_is_a_change_of_its_number()
    {
        var mission = Shipped.Missions[0];
        var after = Shipped with { Missions = [mission with { Number = mission.Number with { Value = 99 } }, .. Shipped.Missions.Skip(1)] };

        var change = Assert.Single(PlanDiff.Compare(Shipped, after));

        Assert.Equal(("mission", mission.Id.Value, ChangeKind.Renumbered, "number"), Row(change));
        Assert.Equal(($"{mission.Number.Value}", "99"), (change.Before, change.After));
    }

    private static StrategicPlan WithFirstObjective(Objective objective) => Shipped with
    {
        Missions =
        [
            Shipped.Missions[0] with { Objectives = [objective, .. Shipped.Missions[0].Objectives.Skip(1)] },
            .. Shipped.Missions.Skip(1),
        ],
    };
}
