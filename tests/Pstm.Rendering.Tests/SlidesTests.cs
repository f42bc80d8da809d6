using System.Text.RegularExpressions;
using Pstm.Diagnostics;
using Pstm.Plan;
using Pstm.Rendering.Booklet;
using Pstm.Rendering.Slides;
using Pstm.Rendering.Templates;

namespace Pstm.Rendering.Tests;

public partial class SlidesTests
{
    private static readonly BookletOptions Italian = new("it", new DateOnly(2025, 6, 30), "pstm test");

    private static (IReadOnlyList<SlideView> Slides, string? Html) Deck(string planDirectory)
    {
        var check = PlanCheck.Run(planDirectory, TestPaths.RepositoryRoot);
        var diagnostics = new DiagnosticBag();
        var templates = TemplateFolder.Open(TestPaths.Templates, TestPaths.RepositoryRoot, diagnostics)!;
        var strings = TemplateStrings.Load(templates, "it", check.Plan!.Labels, diagnostics)!;
        var view = BookletViewBuilder.Build(check.Plan!, check.Coverage!, strings, "it", Italian.Date, Italian.Generator);
        var html = SlidesRenderer.Render(check.Plan!, check.Coverage!, templates, Italian, diagnostics);
        Assert.Empty(diagnostics.ToSortedList());
        return (SlidePlanner.Plan(view, check.Plan!), html);
    }

    [Fact]
    public void The_shipped_deck_has_a_slide_per_idea_and_continuations_where_lists_are_long()
    {
        var (slides, _) = Deck(TestPaths.Plan);

        Assert.Equal(
            ["title", "process", "vision", "missions", "mission", "mission", "mission", "mission", "mission", "mission", "mission", "mission",
             "drivers", "drivers", "driver", "driver", "driver", "driver", "driver", "driver", "driver", "driver", "driver", "driver", "matrix", "closing"],
            slides.Select(s => s.Kind));
        var mission3 = slides.Where(s => s.Mission?.Id == "M3").ToList();
        Assert.Equal([(1, 2), (2, 2)], mission3.Select(s => (s.Part, s.Parts)));
        Assert.Equal(10, mission3.Sum(s => s.Items.Count));
        Assert.All(slides, s => Assert.True(s.Items.Count <= SlidePlanner.MaxListItems || s.Kind is "drivers" or "matrix"));
    }

    [Fact]
    public void Every_objective_is_on_exactly_one_slide()
    {
        var (slides, _) = Deck(TestPaths.Plan);

        var shown = slides.Where(s => s.Kind == "mission").SelectMany(s => s.Items.Cast<ObjectiveView>()).Select(o => o.Id).ToList();

        Assert.Equal(35, shown.Count);
        Assert.Equal(35, shown.Distinct().Count());
    }

    [Fact]
    public void A_long_paragraph_is_split_between_words_without_losing_any_and_notes_reach_the_deck()
    {
        var plan = Directory.CreateTempSubdirectory("pstm-plan-");
        try
        {
            var words = string.Join(' ', Enumerable.Range(1, 150).Select(i => $"parola{i}"));
            File.WriteAllText(Path.Combine(plan.FullName, "plan.yaml"), $$"""
                id: p
                title: "Piano <script>alert(1)</script>"
                entity: Ente
                period: { from: 2025, to: 2027 }
                language: it
                missions:
                  - { id: M1, number: 1, title: Una, objectives: [{ id: M1.1, text: Uno }], notes: "Ricordare **il bilancio**" }
                drivers:
                  - { id: D1, number: 1, name: Uno, subtitle: Sotto, description: "{{words}}", missions: [M1], objectives: [M1.1] }
                """);

            var (slides, html) = Deck(plan.FullName);

            var parts = slides.Where(s => s.Kind == "driver").ToList();
            Assert.Equal(3, parts.Count);
            var text = string.Join(' ', parts.Select(p => p.Text!.Replace("…", "", StringComparison.Ordinal))).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(words.Split(' '), text);
            Assert.All(parts, p => Assert.True(p.Text!.Split(' ').Length <= SlidePlanner.MaxParagraphWords + 2));
            Assert.Contains("<aside class=\"notes\" aria-label=\"Note per chi presenta\"><p>Ricordare <strong>il bilancio</strong></p>", html);
            Assert.DoesNotContain("<script>alert", html);
            Assert.Single(ScriptElement().Matches(html!));
        }
        finally
        {
            plan.Delete(recursive: true);
        }
    }

    [GeneratedRegex("<script[ >]")]
    private static partial Regex ScriptElement();
}
