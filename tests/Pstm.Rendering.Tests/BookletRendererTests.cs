using Pstm.Diagnostics;
using Pstm.Plan;
using Pstm.Rendering.Booklet;
using Pstm.Rendering.Templates;

namespace Pstm.Rendering.Tests;

public class BookletRendererTests
{
    private static readonly BookletOptions Italian = new("it", new DateOnly(2025, 6, 30), "pstm test");

    private static (RenderedBooklet? Booklet, IReadOnlyList<Diagnostic> Diagnostics) Render(
        string planDirectory, string templates, BookletOptions? options = null, string? refusedCode = null)
    {
        // A plan with HTML in its texts is refused by validation (PSTM0411); rendered all the same, its HTML is text.
        var check = PlanCheck.Run(planDirectory, TestPaths.RepositoryRoot);
        Assert.DoesNotContain(check.Diagnostics, d => d.IsError && d.Code != refusedCode);
        var diagnostics = new DiagnosticBag();
        var folder = TemplateFolder.Open(templates, TestPaths.RepositoryRoot, diagnostics)!;
        var booklet = BookletRenderer.Render(check.Plan!, check.Coverage!, folder, options ?? Italian, diagnostics);
        return (booklet, diagnostics.ToSortedList());
    }

    [Fact]
    public void The_shipped_plans_print_html_matches_its_golden_file()
    {
        var (booklet, diagnostics) = Render(TestPaths.Plan, TestPaths.Templates);

        Assert.Empty(diagnostics);
        TestPaths.VerifyGolden("booklet.it.html", booklet!.Html);
    }

    [Fact]
    public void The_html_has_the_language_the_title_and_every_objective()
    {
        var (booklet, _) = Render(TestPaths.Plan, TestPaths.Templates);
        var html = booklet!.Html;

        Assert.Contains("<html lang=\"it\">", html);
        Assert.DoesNotContain("cover-period", html);
        Assert.Contains("<title>Piano strategico triennale del territorio metropolitano 2025-2027</title>", html);
        Assert.Contains("<li id=\"objective-M1.4\" data-item=\"objectives.M1.4\">Valorizzare l'<strong>Idroscalo</strong></li>", html);
        Assert.Equal(35, System.Text.RegularExpressions.Regex.Count(html, "<li id=\"objective-"));
    }

    [Fact]
    public void Headings_are_written_on_one_line_so_the_pdf_outline_keeps_their_text()
    {
        var (booklet, _) = Render(TestPaths.Plan, TestPaths.Templates);

        var headings = System.Text.RegularExpressions.Regex.Matches(booklet!.Html, "<h([1-3])[^>]*>(.*?)</h\\1>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.NotEmpty(headings);
        Assert.All(headings, h => Assert.DoesNotContain('\n', h.Value));
    }

    [Fact]
    public void Driver_eight_is_shown_in_preparation_not_empty()
    {
        var (booklet, _) = Render(TestPaths.Plan, TestPaths.Templates);
        var html = booklet!.Html;
        var start = html.IndexOf("<h3 id=\"driver-D8\">", StringComparison.Ordinal);
        var end = html.IndexOf("</article>", start, StringComparison.Ordinal);

        Assert.Contains("Testo in preparazione", html[start..end]);
    }

    [Fact]
    public void Plan_text_is_escaped_and_markdown_cannot_inject_html()
    {
        using var plan = TemporaryPlan.Of(("plan.yaml", """
            id: p
            title: "Piano <script>alert(1)</script> & co"
            entity: "Ente \"quoted\""
            period: { from: 2025, to: 2027 }
            language: it
            chapters:
              - id: C1
                number: 1
                title: Uno
                body: "Testo <img src=x onerror=alert(1)> e **grassetto**"
            """));

        var (booklet, _) = Render(plan.Path, TestPaths.Templates, refusedCode: "PSTM0411");
        var html = booklet!.Html;

        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("Piano &lt;script&gt;alert(1)&lt;/script&gt; &amp; co", html);
        Assert.Contains("<strong>grassetto</strong>", html);
        Assert.Contains("content=\"Ente &quot;quoted&quot;\"", html);

        // A title that does not say the period gets it on the cover.
        Assert.Contains("<p class=\"cover-period\">2025-2027</p>", html);
    }

    [Fact]
    public void The_plans_labels_replace_the_templates_words_in_its_own_language_only()
    {
        var (italian, _) = Render(TestPaths.Plan, TestPaths.Templates);
        var (english, _) = Render(TestPaths.Plan, TestPaths.Templates, Italian with { Locale = "en" });

        Assert.Contains(">Processo di Piano</h2>", italian!.Html);
        Assert.Contains(">Planning process</h2>", english!.Html);
        Assert.Contains("<h1 id=\"contents\">Contents</h1>", english.Html);
        Assert.Contains("<h1 id=\"contents\">Indice</h1>", italian.Html);
    }

    [Fact]
    public void The_assets_are_the_theme_the_stylesheet_and_the_fonts()
    {
        var (booklet, _) = Render(TestPaths.Plan, TestPaths.Templates);

        Assert.Contains("assets/theme.css", booklet!.Assets.Keys);
        Assert.Contains("assets/booklet/booklet.css", booklet.Assets.Keys);
        Assert.Contains("assets/fonts/fonts.css", booklet.Assets.Keys);
        Assert.Contains(booklet.Assets.Keys, k => k.EndsWith(".woff2", StringComparison.Ordinal));
    }
}
