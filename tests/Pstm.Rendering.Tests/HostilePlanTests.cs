using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Pstm.Diagnostics;
using Pstm.Plan;
using Pstm.Rendering.Booklet;
using Pstm.Rendering.Slides;
using Pstm.Rendering.Templates;

namespace Pstm.Rendering.Tests;

/// <summary>
/// A plan whose every text is hostile is refused by validation for its HTML, and rendered all the same
/// renders as text: read back with a real HTML parser, the booklet
/// and the deck have no script but the deck's runtime, no event handler, no link to code, and every
/// hostile string shows as written.
/// </summary>
public class HostilePlanTests
{
    private const string Bidi = "\u202Eevil\u202C";

    private static readonly string[] Hostile =
    [
        "<script>alert(1)</script>", "\" onerror=\"alert(1)", "'><img src=x onerror=alert(1)>", "javascript:alert(1)",
        "</style><script>alert(1)</script>", "]]>", "{{ 1+1 }}", Bidi,
    ];

    // Each field gets all hostile strings; YAML double quotes carry the quotes and the bidi control.
    private static string Text(string field) => "\"" + field + " " + string.Join(" ", Hostile).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static (string Booklet, string Slides) Render()
    {
        using var plan = TemporaryPlan.Of(("plan.yaml", $$"""
            id: p
            title: {{Text("Titolo")}}
            subtitle: {{Text("Sottotitolo")}}
            short_title: {{Text("Breve")}}
            entity: {{Text("Ente")}}
            series: {{Text("Collana")}}
            keywords: [{{Text("Parola")}}]
            period: { from: 2025, to: 2027 }
            language: it
            chapters:
              - { id: C1, number: 1, title: {{Text("Capitolo")}}, body: {{Text("Corpo [clic](javascript:alert(1))")}}, sections: [process, vision, missions, drivers] }
            process:
              - id: F1
                number: 1
                title: {{Text("Fase")}}
                period: { from: 2024-10, to: 2024-11 }
                milestones: [{ id: T1, date: 2024-10-15, title: {{Text("Tappa")}} }]
            vision:
              - { id: V1, name: {{Text("Pilastro")}}, definition: {{Text("Definizione")}} }
            missions:
              - { id: M1, number: 1, title: {{Text("Missione 2025-2027 **forte**")}}, notes: {{Text("Note [clic](vbscript:x)")}}, objectives: [{ id: M1.1, text: {{Text("Obiettivo")}} }] }
            drivers:
              - { id: D1, number: 1, name: {{Text("Driver")}}, cover_name: {{Text("Copertina")}}, subtitle: {{Text("Sotto")}}, description: {{Text("Testo")}}, notes: {{Text("Appunti")}}, missions: [M1], objectives: [M1.1] }
            """));
        // Validation refuses the HTML among the strings (PSTM0411); rendered all the same, it must be text.
        var check = PlanCheck.Run(plan.Path, plan.Path);
        Assert.Contains(check.Diagnostics, d => d.Code == "PSTM0411");
        Assert.DoesNotContain(check.Diagnostics, d => d.IsError && d.Code != "PSTM0411");
        var diagnostics = new DiagnosticBag();
        var templates = TemplateFolder.Open(TestPaths.Templates, TestPaths.RepositoryRoot, diagnostics)!;
        var options = new BookletOptions("it", new DateOnly(2025, 6, 30), Text("pstm"));
        var booklet = BookletRenderer.Render(check.Plan!, check.Coverage!, templates, options, diagnostics);
        var slides = SlidesRenderer.Render(check.Plan!, check.Coverage!, templates, options, diagnostics);
        Assert.Empty(diagnostics.ToSortedList());
        return (booklet!.Html, slides!);
    }

    private static readonly Lazy<(string Booklet, string Slides)> Rendered = new(Render);

    public static TheoryData<string> Outputs => new() { "booklet", "slides" };

    private static IDocument Parse(string output) =>
        new HtmlParser().ParseDocument(output == "booklet" ? Rendered.Value.Booklet : Rendered.Value.Slides);

    [Theory]
    [MemberData(nameof(Outputs))]
    public void No_script_but_the_decks_own_runtime(string output)
    {
        var scripts = Parse(output).QuerySelectorAll("script");

        if (output == "booklet")
        {
            Assert.Empty(scripts);
        }
        else
        {
            var runtime = File.ReadAllText(Path.Combine(TestPaths.Templates, "slides", "slides.js")).Trim();
            Assert.Equal(runtime, Assert.Single(scripts).TextContent.Trim());
        }
    }

    [Theory]
    [MemberData(nameof(Outputs))]
    public void No_event_handler_no_injected_element_and_no_link_to_code(string output)
    {
        var document = Parse(output);

        // The one meta http-equiv allowed is the deck's own policy, first in its head.
        Assert.DoesNotContain(
            document.QuerySelectorAll("img, iframe, object, embed, svg, math, form, base, meta[http-equiv]"),
            e => !(output == "slides" && e == document.Head!.FirstElementChild && e.GetAttribute("content") == DeckPolicy.ContentSecurityPolicy));
        Assert.DoesNotContain(document.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        foreach (var attribute in document.All.SelectMany(e => e.Attributes).Where(a => a.Name is "href" or "src" or "action" or "formaction" or "xlink:href"))
        {
            var compact = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
            Assert.False(
                compact.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || compact.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase) || compact.StartsWith("data:", StringComparison.OrdinalIgnoreCase),
                attribute.Value);
        }
    }

    [Theory]
    [MemberData(nameof(Outputs))]
    public void Every_hostile_string_shows_as_written_and_scriban_in_the_data_is_not_evaluated(string output)
    {
        var document = Parse(output);
        // The deck's text has the typographer's quotes and dashes (Typesetting): typed back to compare.
        var text = Typewritten.Of(document.Body!.TextContent);

        Assert.All(Hostile, h => Assert.Contains(h, text, StringComparison.Ordinal));
        Assert.Contains("Titolo " + string.Join(" ", Hostile), document.Title, StringComparison.Ordinal);
        Assert.Contains(output == "booklet" ? "Corpo clic" : "Note clic", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Outputs))]
    public void Attributes_hold_the_plain_text_whole(string output)
    {
        var document = Parse(output);
        var abbr = document.QuerySelectorAll("abbr[title]").Select(a => a.GetAttribute("title")!).ToList();

        Assert.NotEmpty(abbr);
        Assert.All(abbr, t => Assert.Equal("Missione 2025-2027 forte " + string.Join(" ", Hostile), t));
        Assert.All(document.QuerySelectorAll("abbr"), a => Assert.Equal(["title"], a.Attributes.Select(x => x.Name)));
    }

    [Theory]
    [MemberData(nameof(Outputs))]
    public void Style_elements_hold_only_the_stylesheet(string output)
    {
        var document = Parse(output);

        var style = Assert.Single(document.QuerySelectorAll("style"));
        Assert.DoesNotContain("<", style.TextContent, StringComparison.Ordinal);
        Assert.Empty(document.Head!.QuerySelectorAll("script"));
    }
}
