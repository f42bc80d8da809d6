using Pstm.PlanGenerator;

namespace Pstm.Plan.Tests;

public class GeneratedPlanTests
{
    [Fact]
    public void The_benchmark_plan_is_valid_and_scales_every_section()
    {
        var folder = Directory.CreateTempSubdirectory("pstm-generated-");
        try
        {
            PlanWriter.Write(folder.FullName, scale: 3);

            var check = PlanCheck.Run(folder.FullName, folder.FullName);

            Assert.Empty(check.Diagnostics);
            Assert.Equal(18, check.Plan!.Missions.Count);
            Assert.Equal(105, check.Plan.Objectives.Count());
            Assert.Equal(30, check.Plan.Drivers.Count);
            Assert.Equal(15, check.Plan.Chapters.Count);
            Assert.Equal(105, check.Coverage!.CitedObjectiveCount);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
