using Pstm.Diagnostics;

namespace Pstm.Editions.Tests;

/// <summary>
/// What a build reads of a plan's templates: plan.yaml's <c>templates:</c> stacks layers over the shipped
/// templates (the last written on top, <c>--templates</c> over all), and a new language's template words
/// come from the plan's labels translated (issue 18). Rendered, not printed: the checks are on the HTML.
/// </summary>
public sealed class PlanTemplateLayersTests : IDisposable
{
    private const string Head = "id: p\ntitle: Piano di prova\nentity: Ente\nperiod: { from: 2025, to: 2027 }\nlanguage: it\n";

    private readonly TemporaryFolder _work = new("pstm-plan-layers-");

    public void Dispose() => _work.Dispose();

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_work.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Colophon(string marker) =>
        File.ReadAllText(Path.Combine(BuiltBooklet.RepositoryRoot, "templates", "booklet", "colophon.sbn-html"))
            .Replace("<dl>", $"<p class=\"marker\">{marker}</p>\n<dl>", StringComparison.Ordinal);

    private static (string Html, IReadOnlyDictionary<string, string> Assets, IReadOnlyList<Diagnostic> Diagnostics) Render(string plan, string locale, string? templates = null)
    {
        var input = BuildInputCheck.Run(plan, [locale], templates, "1767225600", strict: false);
        Assert.True(input.CanRender, string.Join("\n", input.Diagnostics.Where(d => d.IsError).Select(d => $"{d.Span} {d.Code} {d.Message}")));
        var diagnostics = new DiagnosticBag();
        var (booklet, _) = input.Render(input.Check.Editions.Single(e => e.Locale == locale), booklet: true, deck: false, changes: null, diagnostics, CancellationToken.None);
        return (booklet!.Html, booklet.Assets, [.. input.Diagnostics, .. diagnostics.ToSortedList()]);
    }

    [Fact]
    public void The_plans_layers_stack_in_the_order_written_under_the_templates_option()
    {
        var plan = Path.GetDirectoryName(Write("plan/plan.yaml", Head + "templates: [../entity, tweaks]\n"))!;
        var entityTheme = Write("entity/theme.css", "@import url(\"fonts/fonts.css\");\n:root { --accent: #7a1f3d; }\n");
        Write("entity/booklet/colophon.sbn-html", Colophon("entity"));
        Write("plan/tweaks/booklet/colophon.sbn-html", Colophon("tweaks"));

        var (html, assets, diagnostics) = Render(plan, "it");

        Assert.DoesNotContain(diagnostics, d => d.IsError);
        Assert.Contains("<p class=\"marker\">tweaks</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<p class=\"marker\">entity</p>", html, StringComparison.Ordinal);
        Assert.Equal(Path.GetFullPath(entityTheme), Path.GetFullPath(assets["assets/theme.css"]));

        // --templates goes over them all.
        var top = Path.GetDirectoryName(Path.GetDirectoryName(Write("top/booklet/colophon.sbn-html", Colophon("top")))!)!;
        var (topHtml, _, _) = Render(plan, "it", top);
        Assert.Contains("<p class=\"marker\">top</p>", topHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<p class=\"marker\">tweaks</p>", topHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_language_takes_its_template_words_from_the_plans_labels_translated()
    {
        var plan = Path.GetDirectoryName(Write("plan/plan.yaml", Head + "locales: [it, fr]\nlabels:\n  contents: Indice\n"))!;
        Write("plan/translations/fr.yaml", "language: fr\nentries:\n  plan.title:\n    text: Plan d'essai\n  labels.contents:\n    text: Sommaire\n");

        var (french, _, diagnostics) = Render(plan, "fr");
        var (italian, _, _) = Render(plan, "it");

        Assert.Contains(">Sommaire<", french, StringComparison.Ordinal);
        Assert.DoesNotContain(">Indice<", french, StringComparison.Ordinal);
        Assert.Contains(">Indice<", italian, StringComparison.Ordinal);

        // Words the plan does not translate are English, not the plan's Italian, and the build says so.
        Assert.Contains(">Colophon<", french, StringComparison.Ordinal);
        Assert.DoesNotContain("Edizione", french, StringComparison.Ordinal);
        Assert.Single(diagnostics, d => d.Code == "PSTM0506");
    }
}
