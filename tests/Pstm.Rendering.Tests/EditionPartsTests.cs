using Pstm.Diagnostics;
using Pstm.Plan;
using Pstm.Plan.Model;
using Pstm.Rendering.Booklet;
using Pstm.Rendering.Slides;
using Pstm.Rendering.Templates;

namespace Pstm.Rendering.Tests;

public class EditionPartsTests
{
    private const string VisionPlacedNowhere = """
        chapters:
          - { id: C1, number: 1, title: Missioni, sections: [missions] }
        vision:
          - { id: P1, name: Pilastro, definition: Una definizione }
        missions:
          - { id: M1, number: 1, title: Prima, objectives: [{ id: M1.1, text: Uno }] }
        """;

    private static EditionParts PartsOf(string yaml) => Build(yaml).View.Parts;

    private static (BookletView View, StrategicPlan Plan) Build(string yaml)
    {
        using var plan = TemporaryPlan.Of(("plan.yaml", """
            id: p
            title: Piano
            entity: Ente
            period: { from: 2025, to: 2027 }
            language: it

            """ + yaml));
        var check = PlanCheck.Run(plan.Path, TestPaths.RepositoryRoot);
        Assert.False(check.HasErrors);
        var diagnostics = new DiagnosticBag();
        var templates = TemplateFolder.Open(TestPaths.Templates, TestPaths.RepositoryRoot, diagnostics)!;
        var strings = TemplateStrings.Load(templates, "it", check.Plan!.Labels, diagnostics)!;
        return (BookletViewBuilder.Build(check.Plan!, check.Coverage!, strings, "it", new DateOnly(2025, 6, 30), "pstm test"), check.Plan!);
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
    public void A_section_no_chapter_places_is_in_neither_edition()
    {
        // PSTM0209 warns that readers will not see it: the deck leaves it out with the booklet.
        var (view, plan) = Build(VisionPlacedNowhere);

        Assert.Equal(["missions"], view.Parts.Sections);
        Assert.DoesNotContain(view.Toc, e => e.Anchor == "section-vision");
        Assert.Equal(["title", "missions", "mission", "closing"], SlidePlanner.Sections(view, plan).Select(s => s.Kind));
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
