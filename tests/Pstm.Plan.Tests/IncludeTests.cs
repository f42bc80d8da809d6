namespace Pstm.Plan.Tests;

public class IncludeTests
{
    [Fact]
    public void A_link_that_leads_outside_the_plan_folder_is_refused()
    {
        // Given: a plan whose included file is a link to a file outside its folder
        var root = Directory.CreateTempSubdirectory("pstm-test-");
        try
        {
            var plan = Directory.CreateDirectory(Path.Combine(root.FullName, "plan"));
            File.WriteAllText(Path.Combine(root.FullName, "secret.yaml"), "missions: []\n");
            File.WriteAllText(
                Path.Combine(plan.FullName, "plan.yaml"),
                "id: p\ntitle: T\nentity: E\nperiod: { from: 2025, to: 2027 }\nlanguage: it\ninclude: [linked.yaml]\n");
            File.CreateSymbolicLink(Path.Combine(plan.FullName, "linked.yaml"), Path.Combine(root.FullName, "secret.yaml"));

            // When
            var check = PlanCheck.Run(plan.FullName, root.FullName);

            // Then
            var diagnostic = Assert.Single(check.Diagnostics);
            Assert.Equal("PSTM0007", diagnostic.Code);
            Assert.Equal("plan/plan.yaml", diagnostic.Span.File);
            Assert.DoesNotContain(check.Sources.Files, f => f.FullPath.EndsWith("secret.yaml", StringComparison.Ordinal));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
