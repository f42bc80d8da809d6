using System.Text.RegularExpressions;
using Pstm.Diagnostics;
using Pstm.Plan;
using Pstm.Rendering.Booklet;
using Pstm.Rendering.Slides;
using Pstm.Rendering.Templates;

namespace Pstm.Rendering.Tests;

/// <summary>
/// The deck's sections and how the planner cuts them as a measure says (the measure itself runs in
/// the browser: see the deck tests of Pstm.Editions.Tests).
/// </summary>
public partial class SlidesTests
{
    private static readonly BookletOptions Italian = new("it", new DateOnly(2025, 6, 30), "pstm test");

    private static (IReadOnlyList<SlideSection> Sections, string? Html) Deck(string planDirectory)
    {
        var check = PlanCheck.Run(planDirectory, TestPaths.RepositoryRoot);
        var diagnostics = new DiagnosticBag();
        var templates = TemplateFolder.Open(TestPaths.Templates, TestPaths.RepositoryRoot, diagnostics)!;
        var strings = TemplateStrings.Load(templates, "it", check.Plan!.Labels, diagnostics)!;
        var view = BookletViewBuilder.Build(check.Plan!, check.Coverage!, strings, "it", Italian.Date, Italian.Generator);
        var html = SlidesRenderer.Render(check.Plan!, check.Coverage!, templates, Italian, diagnostics);
        Assert.Empty(diagnostics.ToSortedList());
        return (SlidePlanner.Sections(view, check.Plan!), html);
    }

    private static TemporaryPlan PlanWith(string drivers) =>
        TemporaryPlan.Of(("plan.yaml", $$"""
            id: p
            title: "Piano <script>alert(1)</script>"
            entity: Ente
            period: { from: 2025, to: 2027 }
            language: it
            missions:
              - { id: M1, number: 1, title: Una, objectives: [{ id: M1.1, text: Uno }, { id: M1.2, text: "Due **tre** quattro" }], notes: "Ricordare **il bilancio**" }
            drivers:
            {{drivers}}
            """));

    [Fact]
    public void The_shipped_deck_has_a_section_per_idea_whose_units_are_its_items_by_their_keys()
    {
        var (sections, html) = Deck(TestPaths.Plan);

        Assert.Equal(
            ["title", "process", "vision", "missions", "mission", "mission", "mission", "mission", "mission", "mission",
             "drivers", "driver", "driver", "driver", "driver", "driver", "driver", "driver", "driver", "driver", "driver", "matrix", "closing"],
            sections.Select(s => s.Kind));
        var objectives = sections.Where(s => s.Kind == "mission").SelectMany(s => s.Units).Select(u => u.Key).ToList();
        Assert.Equal(35, objectives.Count);
        Assert.Equal(35, objectives.Distinct().Count());

        // Every unit is an element of the deck the measure can find, and only objectives and descriptions may be cut.
        Assert.All(sections.SelectMany(s => s.Units), u => Assert.Contains($"data-item=\"{u.Key}\"", html, StringComparison.Ordinal));
        Assert.All(sections.Where(s => s.Kind is not ("mission" or "driver")).SelectMany(s => s.Units), u => Assert.Null(u.SplitHtml));
        var span = sections.Single(s => s.Mission?.Id == "M1").Units[3].Span;
        Assert.EndsWith("missions.yaml", span.File, StringComparison.Ordinal);
        Assert.True(span.StartLine >= 12, span.ToString());
    }

    [Fact]
    public void A_measured_layout_cuts_a_section_into_numbered_parts_and_a_text_between_its_words_with_marks()
    {
        using var plan = PlanWith("  - { id: D1, number: 1, name: Uno, subtitle: Sotto, description: \"Prima frase qui. Seconda *frase* qui.\", missions: [M1], objectives: [M1.1] }");
        var (sections, _) = Deck(plan.Path);
        var mission = sections.Single(s => s.Kind == "mission");
        var driver = sections.Single(s => s.Kind == "driver");
        var layout = new DeckLayout(
            sections.Select(s => s == mission
                ? new SectionLayout([new SlideFill(1, [new UnitPart(0, 0, -1), new UnitPart(1, 0, 2)]), new SlideFill(1, [new UnitPart(1, 2, 3)])], [])
                : s == driver
                    ? new SectionLayout([new SlideFill(1, [new UnitPart(0, 0, 3)]), new SlideFill(1, [new UnitPart(0, 3, 6)])], [])
                    : DeckLayout.Unmeasured([s]).Sections[0]).ToList(),
            []);

        var slides = SlidePlanner.Plan(sections, layout, new DiagnosticBag());

        var missionSlides = slides.Where(s => s.Kind == "mission").ToList();
        Assert.Equal([(1, 2), (2, 2)], missionSlides.Select(s => (s.Part, s.Parts)));
        Assert.Equal("Una 1/2", missionSlides[0].TitlePlain[^7..]);
        Assert.Equal(["Uno", "Due <strong>tre</strong> …"], missionSlides[0].Items.Cast<ObjectiveView>().Select(o => o.Text));
        Assert.Equal(["… quattro"], missionSlides[1].Items.Cast<ObjectiveView>().Select(o => o.Text));
        Assert.Equal(["Prima frase qui. …", "… Seconda <em>frase</em> qui."], slides.Where(s => s.Kind == "driver").Select(s => s.Text));
    }

    [Fact]
    public void A_layout_that_loses_an_item_leaves_its_section_whole_and_an_item_too_tall_is_a_located_warning_or_an_error_when_strict()
    {
        var (sections, _) = Deck(TestPaths.Plan);
        var m1 = sections.First(s => s.Kind == "mission");
        var layout = new DeckLayout(
            sections.Select(s => s == m1
                ? new SectionLayout([new SlideFill(1, [new UnitPart(0, 0, -1)])], [m1.Units[0].Key])
                : DeckLayout.Unmeasured([s]).Sections[0]).ToList(),
            []);
        var diagnostics = new DiagnosticBag();
        var strict = new DiagnosticBag();

        var slides = SlidePlanner.Plan(sections, layout, diagnostics);
        SlidePlanner.Plan(sections, layout, strict, strict: true);

        Assert.Equal(m1.Items.Count, slides.Single(s => s.Mission?.Id == "M1").Items.Count);
        var warning = Assert.Single(diagnostics.ToSortedList());
        Assert.Equal(("PSTM0620", Severity.Warning), (warning.Code, warning.Severity));
        Assert.Equal(m1.Units[0].Span, warning.Span);
        Assert.Equal(Severity.Error, Assert.Single(strict.ToSortedList()).Severity);
    }

    [Fact]
    public void Sections_the_measure_joins_share_one_slide_with_their_headings_anchors_and_notes()
    {
        // Given two drivers, the second measured to fit below the first, and a title that claims to join
        using var plan = PlanWith("""
              - { id: D1, number: 1, name: Uno, description: Testo uno, missions: [M1], objectives: [M1.1], notes: "Nota **uno**" }
              - { id: D2, number: 2, name: Due, description: Testo due, missions: [M1], objectives: [M1.2], notes: "Nota due" }
            """);
        var (sections, _) = Deck(plan.Path);
        var second = sections.Last(s => s.Kind == "driver");
        var layout = new DeckLayout(
            sections.Select(s => DeckLayout.Unmeasured([s]).Sections[0] with { JoinsPrevious = s == second }).ToList(),
            []);

        // When
        var slides = SlidePlanner.Plan(sections, layout, new DiagnosticBag());

        // Then the second driver is a block of the first one's slide, the slides numbered without a gap
        Assert.Equal(sections.Count - 1, slides.Count);
        Assert.Equal(Enumerable.Range(1, slides.Count), slides.Select(s => s.Number));
        var shared = slides.Single(s => s.Joined.Count > 0);
        Assert.Equal(("driver-D1", "driver-D2"), (shared.ItemAnchor, Assert.Single(shared.Joined).ItemAnchor));
        Assert.Equal($"{shared.Anchor}-2", shared.Joined[0].Anchor);
        Assert.False(shared.Beside);

        // And the deck draws both under their own headings, anchors and notes
        var diagnostics = new DiagnosticBag();
        var templates = TemplateFolder.Open(TestPaths.Templates, TestPaths.RepositoryRoot, diagnostics)!;
        var check = PlanCheck.Run(plan.Path, TestPaths.RepositoryRoot);
        var draft = SlidesRenderer.Draft(check.Plan!, check.Coverage!, templates, Italian, diagnostics)!;
        var html = draft.Finish(layout, diagnostics).Html!;
        var section = Regex.Match(html, $"""<section class="slide slide-driver" id="{shared.Anchor}".*?</section>""", RegexOptions.Singleline).Value;
        Assert.Contains($"""aria-labelledby="{shared.Anchor}-title {shared.Anchor}-2-title" """, section, StringComparison.Ordinal);
        Assert.Contains("""id="driver-D1">""", section, StringComparison.Ordinal);
        Assert.Contains("""id="driver-D2">""", section, StringComparison.Ordinal);
        Assert.Contains("""<p class="notes-title">Driver 1. Uno</p><p>Nota <strong>uno</strong></p>""", section, StringComparison.Ordinal);
        Assert.Contains("""<p class="notes-title">Driver 2. Due</p><p>Nota due</p>""", section, StringComparison.Ordinal);
        Assert.Empty(diagnostics.ToSortedList());
    }

    [Fact]
    public void A_title_or_a_section_after_one_cut_in_parts_never_joins()
    {
        var (sections, _) = Deck(TestPaths.Plan);
        var m3 = sections.Single(s => s.Mission?.Id == "M3");
        var afterM3 = sections[sections.ToList().IndexOf(m3) + 1];
        var layout = new DeckLayout(
            sections.Select(s => s == m3
                ? new SectionLayout([new SlideFill(1, m3.Units.Take(2).Select((_, i) => new UnitPart(i, 0, -1)).ToList()), new SlideFill(1, m3.Units.Skip(2).Select((_, i) => new UnitPart(i + 2, 0, -1)).ToList())], [])
                : DeckLayout.Unmeasured([s]).Sections[0] with { JoinsPrevious = s == afterM3 || s.Kind is "process" or "closing" }).ToList(),
            []);

        var slides = SlidePlanner.Plan(sections, layout, new DiagnosticBag());

        Assert.All(slides, s => Assert.Empty(s.Joined));
        Assert.Equal(sections.Count + 1, slides.Count);
    }

    [Fact]
    public void Only_a_section_alone_on_its_slide_is_set_larger_as_the_measure_says()
    {
        // Given a measure that sets larger the title, a driver that another joins, a lone driver, and
        // a mission cut in two parts
        using var plan = PlanWith("""
              - { id: D1, number: 1, name: Uno, description: Testo uno, missions: [M1], objectives: [M1.1] }
              - { id: D2, number: 2, name: Due, description: Testo due, missions: [M1], objectives: [M1.2] }
              - { id: D3, number: 3, name: Tre, description: Testo tre, missions: [M1], objectives: [M1.1] }
            """);
        var (sections, _) = Deck(plan.Path);
        var mission = sections.Single(s => s.Kind == "mission");
        var drivers = sections.Where(s => s.Kind == "driver").ToList();
        var layout = new DeckLayout(
            sections.Select(s => s == mission
                ? new SectionLayout([new SlideFill(1, [new UnitPart(0, 0, -1)]), new SlideFill(1, [new UnitPart(1, 0, -1)])], [], Larger: true)
                : DeckLayout.Unmeasured([s]).Sections[0] with { Larger = s == drivers[0] || s == drivers[2] || s.Kind == "title", JoinsPrevious = s == drivers[1] }).ToList(),
            []);

        // When
        var slides = SlidePlanner.Plan(sections, layout, new DiagnosticBag());

        // Then only the lone driver's slide is set larger, and its section carries the class
        Assert.Equal(["driver-D3"], slides.Where(s => s.Larger).Select(s => s.ItemAnchor));
        var diagnostics = new DiagnosticBag();
        var templates = TemplateFolder.Open(TestPaths.Templates, TestPaths.RepositoryRoot, diagnostics)!;
        var check = PlanCheck.Run(plan.Path, TestPaths.RepositoryRoot);
        var html = SlidesRenderer.Draft(check.Plan!, check.Coverage!, templates, Italian, diagnostics)!.Finish(layout, diagnostics).Html!;
        var larger = Assert.Single(Regex.Matches(html, """<section class="slide [^"]*\blarger\b[^"]*"[^>]*>"""));
        Assert.Contains("slide-driver", larger.Value, StringComparison.Ordinal);
        Assert.Contains("""id="driver-D3">""", html[larger.Index..html.IndexOf("</section>", larger.Index, StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a b c", 0, 2, "a b")]
    [InlineData("a <strong>b c</strong> d", 1, 3, "<strong>b c</strong>")]
    [InlineData("a <strong>b c</strong> d", 2, 4, "<strong>c</strong> d")]
    [InlineData("<span lang=\"it\">x<em>y</em> z<br />w</span>", 0, 1, "<span lang=\"it\">x<em>y</em></span>")]
    [InlineData("<span lang=\"it\">x<em>y</em> z<br />w</span>", 1, 2, "<span lang=\"it\">z<br />w</span>")]
    [InlineData("<a href=\"https://e.it/a b\">l i</a> &amp; k", 1, 3, "<a href=\"https://e.it/a b\">i</a> &amp;")]
    public void Html_words_cut_between_words_as_balanced_html(string html, int from, int to, string expected)
    {
        Assert.Equal(expected, new HtmlWords(html).Slice(from, to));
    }

    [Fact]
    public void Notes_reach_the_deck_and_the_plans_markup_is_escaped()
    {
        using var plan = PlanWith("  - { id: D1, number: 1, name: Uno, subtitle: Sotto, description: Testo, missions: [M1], objectives: [M1.1] }");
        var (_, html) = Deck(plan.Path);

        Assert.Contains("<aside class=\"notes\" aria-label=\"Note per chi presenta\"><p>Ricordare <strong>il bilancio</strong></p>", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.Single(ScriptElement().Matches(html!));
    }

    [GeneratedRegex("<script[ >]")]
    private static partial Regex ScriptElement();
}
