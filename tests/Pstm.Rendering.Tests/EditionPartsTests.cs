using Pstm.Plan;
using Pstm.Rendering.Booklet;

namespace Pstm.Rendering.Tests;

public class EditionPartsTests
{
    private static EditionParts PartsOf(string yaml)
    {
        var plan = Directory.CreateTempSubdirectory("pstm-plan-");
        try
        {
            File.WriteAllText(Path.Combine(plan.FullName, "plan.yaml"), """
                id: p
                title: Piano
                entity: Ente
                period: { from: 2025, to: 2027 }
                language: it

                """ + yaml);
            var check = PlanCheck.Run(plan.FullName, TestPaths.RepositoryRoot);
            Assert.False(check.HasErrors);
            return EditionParts.Of(check.Plan!);
        }
        finally
        {
            plan.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_shipped_plan_has_every_section_in_its_chapters_and_the_matrix()
    {
        var parts = EditionParts.Of(PlanCheck.Run(TestPaths.Plan, TestPaths.RepositoryRoot).Plan!);

        Assert.Equal(["process", "vision", "missions", "drivers"], parts.Sections);
        Assert.True(parts.InChapters);
        Assert.True(parts.Matrix);
    }

    [Fact]
    public void A_section_a_chapter_places_but_that_has_no_entries_is_left_out_and_so_is_the_matrix()
    {
        var parts = PartsOf("""
            chapters:
              - { id: C1, number: 1, title: Agenda, sections: [drivers] }
              - { id: C2, number: 2, title: Missioni, sections: [missions] }
            missions:
              - { id: M1, number: 1, title: Prima, objectives: [{ id: M1.1, text: Uno }] }
            """);

        Assert.Equal(["missions"], parts.Sections);
        Assert.False(parts.Matrix);
        Assert.False(parts.Appendix(withChanges: false));
        Assert.True(parts.Appendix(withChanges: true));
    }

    [Fact]
    public void Without_chapters_every_section_with_entries_is_a_part_of_its_own_in_the_usual_order()
    {
        var parts = PartsOf("""
            drivers:
              - { id: D1, number: 1, name: Uno, missions: [M1] }
            missions:
              - { id: M1, number: 1, title: Prima, objectives: [{ id: M1.1, text: Uno }] }
            """);

        Assert.Equal(["missions", "drivers"], parts.Sections);
        Assert.False(parts.InChapters);
        Assert.True(parts.Matrix);
    }
}
