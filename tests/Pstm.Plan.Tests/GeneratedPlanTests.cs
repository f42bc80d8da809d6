using Pstm.PlanGenerator;

namespace Pstm.Plan.Tests;

public class GeneratedPlanTests
{
    [Fact]
    public void The_benchmark_plan_is_valid_and_scales_every_section()
    {
        using var folder = new TemporaryFolder("pstm-generated-");
        PlanWriter.Write(folder.Path, scale: 3);

        var check = PlanCheck.Run(folder.Path, folder.Path);

        Assert.Empty(check.Diagnostics);
        Assert.Equal(18, check.Plan!.Missions.Count);
        Assert.Equal(105, check.Plan.Objectives.Count());
        Assert.Equal(30, check.Plan.Drivers.Count);
        Assert.Equal(15, check.Plan.Chapters.Count);
        Assert.Equal(105, check.Coverage!.CitedObjectiveCount);
    }
}
