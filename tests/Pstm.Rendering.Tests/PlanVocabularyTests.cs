using System.Text.RegularExpressions;
using Pstm.Diagnostics;
using Pstm.Plan;
using Pstm.Rendering.Booklet;
using Pstm.Rendering.Slides;
using Pstm.Rendering.Templates;

namespace Pstm.Rendering.Tests;

/// <summary>
/// The plan's own vocabulary in the editions: codes in place of ids and generated labels, objectives with
/// a title, a body and actions, a driver's objectives, and missions' own colours.
/// </summary>
public partial class PlanVocabularyTests
{
    private static readonly BookletOptions Italian = new("it", new DateOnly(2025, 6, 30), "pstm test");

    private const string Header = """
        id: test-plan
        title: Piano di prova
        entity: Ente di prova
        period: { from: 2025, to: 2027 }
        language: it
        chapters:
          - { id: assi, number: 1, title: Gli assi, sections: [missions, drivers] }

        """;

    /// <summary>Two axes (ids A1, A2) and one driver (D1), with the fields <paramref name="missionFields"/>, <paramref name="planFields"/> and <paramref name="driverFields"/> add to the first axis, the plan and the driver.</summary>
    private static string Plan(string missionFields = "", string planFields = "", string driverFields = "") => Header + planFields + $$"""
        missions:
          - id: A1
            number: 1
            title: Innovazione
        {{missionFields}}
            objectives:
              - { id: A1.1, text: Primo obiettivo }
          - id: A2
            number: 2
            title: Territorio
            objectives:
              - { id: A2.1, text: Secondo obiettivo }
        drivers:
          - id: D1
            number: 1
            name: Direttrice digitale
            subtitle: Una direttrice
            description: Il testo della direttrice.
        {{driverFields}}
            missions: [A1, A2]
            objectives: [A1.1, A2.1]
        """;

    private static (string Booklet, string Deck, BookletView View) Build(string planYaml)
    {
        using var folder = new TemporaryFolder("pstm-vocabulary-");
        File.WriteAllText(Path.Combine(folder.Path, "plan.yaml"), planYaml);
        var check = PlanCheck.Run(folder.Path, folder.Path);
        Assert.False(check.HasErrors, string.Join("\n", check.Diagnostics));
        var diagnostics = new DiagnosticBag();
        var templates = TemplateFolder.Open(TestPaths.Templates, TestPaths.RepositoryRoot, diagnostics)!;
        var booklet = BookletRenderer.Render(check.Plan!, check.Coverage!, templates, Italian, diagnostics)!;
        var deck = SlidesRenderer.Render(check.Plan!, check.Coverage!, templates, Italian, diagnostics)!;
        var strings = TemplateStrings.Load(templates, "it", check.Plan!.Labels, diagnostics)!;
        var view = BookletViewBuilder.Build(check.Plan!, check.Coverage!, strings, "it", Italian.Date, Italian.Generator);
        Assert.Empty(diagnostics.ToSortedList());
        return (booklet.Html, deck, view);
    }

    [Fact]
    public void A_missions_code_heads_it_and_fills_its_chips_matrix_headers_toc_entry_and_slides()
    {
        var (booklet, deck, view) = Build(Plan(missionFields: "    code: Asse 1"));

        Assert.Contains("<span class=\"kicker\">Asse 1 </span>Innovazione</h3>", booklet);
        Assert.Contains(view.Toc, e => e.Label == "Asse 1 Innovazione");
        Assert.Contains(">Asse 1</a></li>", HtmlSlice.Between(booklet, "<ul class=\"chips\"", "</ul>"));
        Assert.Contains(">Asse 1</abbr></th>", HtmlSlice.Between(booklet, "<table class=\"matrix\">", "</thead>"));
        Assert.Contains(">Asse 1</abbr></li>", deck);
        Assert.Contains(">Asse 1</abbr></th>", deck);
        Assert.Contains("<span class=\"kicker\">Asse 1 </span>Innovazione", deck);
        // The second axis has no code: the generated label and code, never its id.
        Assert.Contains("<span class=\"kicker\">Missione 2. </span>Territorio</h3>", booklet);
        Assert.DoesNotMatch(IdAsText(), booklet);
        Assert.DoesNotMatch(IdAsText(), deck);
    }

    [Fact]
    public void Ids_stay_internal_unless_the_plan_asks_to_show_them()
    {
        var (hidden, _, _) = Build(Plan());
        var (shown, shownDeck, _) = Build(Plan(planFields: "display: { ids: true }\n"));

        Assert.Contains(">M1</a></li>", hidden);
        Assert.DoesNotMatch(IdAsText(), hidden);
        Assert.Contains(">A1</a></li>", HtmlSlice.Between(shown, "<ul class=\"chips\"", "</ul>"));
        Assert.Contains(">A1</abbr></th>", shown);
        Assert.Contains("<span class=\"code\">A1.1</span> Primo obiettivo", shown);
        Assert.Contains(">A2</abbr></li>", shownDeck);
    }

    [Fact]
    public void A_drivers_code_replaces_its_label_in_its_heading_the_matrix_and_served_by()
    {
        var (booklet, deck, view) = Build(Plan(driverFields: "    code: DS1"));

        Assert.Contains("<h3 id=\"driver-D1\">DS1. ", booklet);
        Assert.Contains(view.Toc, e => e.Label.StartsWith("DS1. ", StringComparison.Ordinal));
        Assert.Contains(">DS1</a> ", HtmlSlice.Between(booklet, "<table class=\"matrix\">", "</table>"));
        Assert.Contains("<a href=\"#driver-D1\">DS1</a>", HtmlSlice.Between(booklet, "<p class=\"served-by\">", "</p>"));
        Assert.Contains("DS1. ", deck);
        Assert.DoesNotContain("Driver 1", booklet);
    }

    [Fact]
    public void An_objectives_title_body_and_actions_are_in_the_booklet_and_the_deck_and_the_matrix_counts_the_actions()
    {
        var objective = """
                  - id: A1.2
                    code: OS 1.2
                    title: Imprese digitali
                    text: Sostenere la **transizione digitale**
                    body: |
                      Il primo paragrafo spiega l'obiettivo.

                      Il secondo dice come.
                    actions:
                      - { id: A1.2.a, code: Az. 1, text: Sportello digitale per le imprese }
                      - { id: A1.2.b, text: Bandi per la formazione }
            """;
        var yaml = Plan(planFields: "labels: { actions: Azioni attuative }\n")
            .Replace("      - { id: A1.1, text: Primo obiettivo }", "      - { id: A1.1, text: Primo obiettivo }\n" + objective, StringComparison.Ordinal)
            .Replace("objectives: [A1.1, A2.1]", "objectives: [A1.1, A1.2, A2.1]", StringComparison.Ordinal);

        var (booklet, deck, _) = Build(yaml);

        var item = HtmlSlice.Between(booklet, "<li id=\"objective-A1.2\" data-item=\"objectives.A1.2\">", "</ul>");
        Assert.Contains("<span class=\"objective-title\"><span class=\"code\">OS 1.2</span> Imprese digitali</span> Sostenere la <strong>transizione digitale</strong>", item);
        Assert.Contains("<p>Il primo paragrafo spiega l'obiettivo.</p>", item);
        Assert.Contains("<p>Il secondo dice come.</p>", item);
        Assert.Contains(">Azioni attuative</p>", item);
        Assert.Contains("<li data-item=\"actions.A1.2.a\"><span class=\"code\">Az. 1</span> Sportello digitale per le imprese</li>", item);
        Assert.Contains("<li data-item=\"actions.A1.2.b\">Bandi per la formazione</li>", item);
        Assert.Contains("<th scope=\"col\">Azioni</th>", booklet);
        Assert.Contains("<td class=\"count\">3</td><td class=\"count\">2</td></tr>", booklet);
        Assert.Contains("<p>Il secondo dice come.</p>", deck);
        Assert.Contains("<li data-item=\"actions.A1.2.a\"><span class=\"code\">Az. 1</span> Sportello digitale per le imprese</li>", deck);
        Assert.Contains("aria-label=\"Azioni attuative\"", deck);
    }

    [Fact]
    public void A_plan_without_actions_has_no_actions_column()
    {
        var (booklet, _, _) = Build(Plan());

        Assert.DoesNotContain("<th scope=\"col\">Azioni</th>", booklet);
        Assert.DoesNotContain("class=\"actions\"", booklet);
    }

    [Fact]
    public void A_drivers_card_lists_its_objectives_when_the_plan_asks()
    {
        var (without, _, _) = Build(Plan());
        var (with, _, _) = Build(Plan(planFields: "display: { driver_objectives: true }\n"));

        Assert.DoesNotContain("driver-objectives", without);
        var card = HtmlSlice.Between(with, "<article class=\"driver\"", "</article>");
        Assert.Contains(">Obiettivi citati</p>", card);
        Assert.Contains("<li>Primo obiettivo</li>", card);
        Assert.Contains("<li>Secondo obiettivo</li>", card);
    }

    [Fact]
    public void A_missions_own_colour_is_drawn_in_the_booklet_and_the_deck_and_the_others_keep_the_palette()
    {
        var (booklet, deck, view) = Build(Plan(missionFields: "    color: \"#0B5394\""));

        Assert.Equal(["own-1", "1"], view.Missions.Select(m => m.Color));
        Assert.Contains(".mission-color-own-1 { --mission: #0b5394; }", booklet);
        Assert.Contains(".mission-color-own-1 { --mission: #0b5394; }", deck);
        Assert.Contains("<article class=\"mission mission-color-own-1\"", booklet);
        Assert.Contains("<th scope=\"col\" class=\"mission-col mission-color-own-1\">", booklet);
    }

    [Fact]
    public void Twelve_missions_take_twelve_colours_and_the_thirteenth_cycles()
    {
        var missions = string.Concat(Enumerable.Range(1, 13).Select(i => $"  - {{ id: M{i}, number: {i}, title: Missione {i}, objectives: [{{ id: M{i}.1, text: Obiettivo {i} }}] }}\n"));

        var (_, _, view) = Build(Header + "missions:\n" + missions);

        Assert.Equal(12, view.Missions.Take(12).Select(m => m.Color).Distinct().Count());
        Assert.Equal("1", view.Missions[12].Color);
    }

    [Fact]
    public void Numbers_are_written_in_the_plans_numbering_style()
    {
        var (booklet, deck, view) = Build(Plan(planFields: "display: { numbering: { missions: upper-roman, drivers: upper-alpha } }\n"));

        Assert.Contains("<span class=\"kicker\">Missione II. </span>Territorio</h3>", booklet);
        Assert.Contains(view.Toc, e => e.Label == "Missione I. Innovazione");
        Assert.Contains("<h3 id=\"driver-D1\">Driver A. ", booklet);
        Assert.Contains("<span class=\"driver-number\">A</span>", deck);
        Assert.Contains("<th scope=\"row\">A. ", deck);
    }

    [Fact]
    public void A_drivers_code_names_it_in_the_decks_list_and_matrix()
    {
        var (_, deck, _) = Build(Plan(driverFields: "    code: DS1"));

        Assert.Contains("<span class=\"driver-number\">DS1</span>", deck);
        Assert.Contains("<th scope=\"row\">DS1 ", deck);
    }

    /// <summary>An id of the test plans (A1, A2, A1.1, D1) written as an element's whole text.</summary>
    [GeneratedRegex(@">(A1|A2|A1\.1|A2\.1|D1)<")]
    private static partial Regex IdAsText();
}
