using System.Text.RegularExpressions;
using Pstm.Diagnostics;
using Pstm.Plan;
using Pstm.Rendering.Booklet;
using Pstm.Rendering.Slides;
using Pstm.Rendering.Templates;

namespace Pstm.Rendering.Tests;

/// <summary>The colophon, the back cover, the closing slide and the templates' logo: issue 17.</summary>
public partial class IdentityTests
{
    // The day of the build: the colophon says it only as such, never as the day of publication.
    private static readonly BookletOptions Italian = new("it", new DateOnly(2026, 3, 9), "pstm test");

    private static string Torino => Path.Combine(TestPaths.RepositoryRoot, "tests", "Fixtures", "Plans", "torino");

    /// <summary>A drawn, clearly fictional logo: a circle and the letters "EF" (Ente Fittizio).</summary>
    private const string FictionalLogo = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40" width="120" height="40">
          <title>Ente Fittizio (test logo)</title>
          <circle cx="20" cy="20" r="16" fill="#0b4f8a"/>
          <text x="44" y="28" font-family="sans-serif" font-size="22" fill="#0b4f8a">EF</text>
        </svg>
        """;

    private static (string Html, RenderedBooklet Booklet, IReadOnlyList<Diagnostic> Diagnostics) Booklet(string plan, string? templates = null)
    {
        // HTML in a translatable text is refused by validation (PSTM0411); rendered all the same, it is text.
        var check = PlanCheck.Run(plan, TestPaths.RepositoryRoot);
        Assert.DoesNotContain(check.Diagnostics, d => d.IsError && d.Code != "PSTM0411");
        var diagnostics = new DiagnosticBag();
        var folder = TemplateFolder.Open(templates ?? TestPaths.Templates, TestPaths.RepositoryRoot, diagnostics)!;
        var booklet = BookletRenderer.Render(check.Plan!, check.Coverage!, folder, Italian, diagnostics)!;
        return (booklet.Html, booklet, diagnostics.ToSortedList());
    }

    private static string? Deck(string plan, string? templates = null)
    {
        var check = PlanCheck.Run(plan, TestPaths.RepositoryRoot);
        var diagnostics = new DiagnosticBag();
        var folder = TemplateFolder.Open(templates ?? TestPaths.Templates, TestPaths.RepositoryRoot, diagnostics)!;
        var html = SlidesRenderer.Render(check.Plan!, check.Coverage!, folder, Italian, diagnostics);
        Assert.DoesNotContain(diagnostics.ToSortedList(), d => d.IsError);
        return html;
    }

    [Fact]
    public void The_colophon_shows_the_publication_date_the_act_the_credits_the_contacts_and_the_licence_link()
    {
        var colophon = HtmlSlice.Between(Booklet(Torino).Html, "<section class=\"colophon\"", "</section>");

        Assert.Contains("<dt>Data di pubblicazione</dt><dd><time datetime=\"2024-09-30\">30 settembre 2024</time></dd>", colophon);
        Assert.Contains("<dt>Atto di approvazione</dt><dd class=\"colophon-approval\">Consiglio metropolitano, Deliberazione n. 42 (fittizia) del <time datetime=\"2024-07-17\">17 luglio 2024</time></dd>", colophon);
        Assert.Contains("<li><span class=\"colophon-role\">Progetto grafico</span>: Studio Esempio</li>", colophon);
        Assert.Contains("<a href=\"mailto:psm@example.org\">psm@example.org</a>", colophon);
        Assert.Contains("<a href=\"tel:&#x2B;390110000000\">&#x2B;39 011 000 0000</a>", colophon);
        Assert.Contains("<dt>Licenza</dt><dd class=\"colophon-licence\"><a href=\"https://creativecommons.org/licenses/by/4.0/\">CC BY 4.0</a></dd>", colophon);
        Assert.Contains("<a href=\"https://www.example.org/psm-torino/psm-2024-2026.pdf\">", colophon);

        // The day of the build is the software line's, said as such.
        Assert.Contains("<dd class=\"colophon-software\">Generato con pstm test il 9 marzo 2026</dd>", colophon);
        Assert.Equal(1, Regex.Count(colophon, "9 marzo 2026"));
    }

    [Fact]
    public void A_plan_without_a_publication_date_shows_none_and_never_the_build_date_in_its_place()
    {
        var colophon = HtmlSlice.Between(Booklet(TestPaths.Plan).Html, "<section class=\"colophon\"", "</section>");

        Assert.DoesNotContain("Data di pubblicazione", colophon);
        Assert.DoesNotContain("Atto di approvazione", colophon);
        Assert.DoesNotContain("Licenza", colophon);
        Assert.Contains("<a href=\"https://www.cittametropolitana.mi.it\">https://www.cittametropolitana.mi.it</a>", colophon);
        Assert.Contains("Generato con pstm test il 9 marzo 2026", colophon);
    }

    [Fact]
    public void The_back_cover_is_the_last_page_with_the_entity_contacts_address_and_licence()
    {
        var html = Booklet(Torino).Html;
        var back = HtmlSlice.Between(html, "<footer class=\"back-cover", "</footer>");

        Assert.True(html.IndexOf("<footer class=\"back-cover", StringComparison.Ordinal) > html.IndexOf("</main>", StringComparison.Ordinal));
        Assert.Contains("aria-label=\"Quarta di copertina\"", back);
        Assert.Contains("<p class=\"back-cover-entity\">Città metropolitana di Torino</p>", back);
        Assert.Contains("<li>Corso Esempio 1, 10100 Torino</li>", back);
        Assert.Contains("Pubblicato su <a href=\"https://www.example.org/psm-torino/psm-2024-2026.pdf\">", back);
        Assert.Contains("Licenza: <a href=\"https://creativecommons.org/licenses/by/4.0/\">CC BY 4.0</a>", back);
        Assert.DoesNotContain("<img", back);
        Assert.Contains("<link rel=\"stylesheet\" href=\"assets/booklet/identity.css\">", html);
        Assert.Contains("assets/booklet/identity.css", Booklet(Torino).Booklet.Assets.Keys);
    }

    [Fact]
    public void Publication_text_is_escaped()
    {
        using var plan = TemporaryPlan.Of(("plan.yaml", """
            id: p
            title: Piano
            entity: Ente
            period: { from: 2025, to: 2027 }
            language: it
            publication:
              credits:
                - role: "Grafica <b>"
                  name: "Studio <script>alert(1)</script>"
              contacts:
                address: "Via \"Esempio\" <1>"
              licence:
                name: "CC <i>BY</i>"
              url: "https://example.org/a?b=1&c=\"2\""
            """));

        var html = Booklet(plan.Path).Html;

        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<b>", html);
        Assert.DoesNotContain("<i>BY", html);
        Assert.Contains("Studio &lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("href=\"https://example.org/a?b=1&amp;c=&quot;2&quot;\"", html);
    }

    [Fact]
    public void The_closing_slide_shows_the_contacts_and_the_address_of_the_booklet()
    {
        var closing = HtmlSlice.Between(Deck(Torino)!, "class=\"slide slide-closing\"", "</section>");

        Assert.Contains("<a href=\"mailto:psm@example.org\">psm@example.org</a>", closing);
        Assert.Contains("<li>Corso Esempio 1, 10100 Torino</li>", closing);
        Assert.Contains("<a href=\"https://www.example.org/psm-torino\">https://www.example.org/psm-torino</a>", closing);
        Assert.Contains("Pubblicato su <a href=\"https://www.example.org/psm-torino/psm-2024-2026.pdf\">", closing);
    }

    [Fact]
    public void The_shipped_templates_have_no_logo_and_say_so_as_an_info()
    {
        var diagnostics = new DiagnosticBag();
        var templates = TemplateFolder.Open(TestPaths.Templates, TestPaths.RepositoryRoot, diagnostics)!;

        var identity = TemplateIdentity.Of(templates);

        Assert.Null(identity.Logo);
        var info = Assert.Single(identity.Diagnostics);
        Assert.Equal(("PSTM0511", Severity.Info), (info.Code, info.Severity));
        Assert.Contains("identity/logo.svg", info.Hint, StringComparison.Ordinal);
        Assert.DoesNotContain("cover-logo", Booklet(TestPaths.Plan).Html);
    }

    [Fact]
    public void A_logo_in_the_templates_is_on_the_cover_the_back_cover_and_the_title_slide_and_among_the_assets()
    {
        using var templates = TemporaryFolder.CopyOf(TestPaths.Templates);
        Directory.CreateDirectory(Path.Combine(templates.Path, "identity"));
        File.WriteAllText(Path.Combine(templates.Path, "identity", "logo.svg"), FictionalLogo);
        File.WriteAllBytes(Path.Combine(templates.Path, "identity", "cover.png"), Convert.FromBase64String(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="));

        var (html, booklet, diagnostics) = Booklet(Torino, templates.Path);

        Assert.Empty(TemplateIdentity.Of(TemplateFolder.Open(templates.Path, TestPaths.RepositoryRoot, new DiagnosticBag())!).Diagnostics);
        var logo = LogoSource().Match(html).Groups[1].Value;
        Assert.Matches("^assets/images/[0-9a-f]{16}\\.svg$", logo);
        Assert.Contains($"<img class=\"cover-logo\" src=\"{logo}\" alt=\"Città metropolitana di Torino\">", html);
        Assert.Contains($"<img class=\"back-cover-logo\" src=\"{logo}\" alt=\"Città metropolitana di Torino\">", html);
        Assert.Matches("<img class=\"cover-image\" src=\"assets/images/[0-9a-f]{16}\\.png\" alt=\"\">", html);
        Assert.Equal(Path.Combine(templates.Path, "identity", "logo.svg"), booklet.Assets[logo]);
        Assert.DoesNotContain(diagnostics, d => d.IsError);

        var title = HtmlSlice.Between(Deck(Torino, templates.Path)!, "class=\"slide slide-title\"", "</section>");
        Assert.Contains("<img class=\"logo\" src=\"data:image/svg+xml;base64,", title);
        Assert.Contains("alt=\"Città metropolitana di Torino\"", title);
    }

    [Fact]
    public void A_logo_that_runs_a_script_is_refused_as_plan_images_are()
    {
        using var templates = TemporaryFolder.CopyOf(TestPaths.Templates);
        Directory.CreateDirectory(Path.Combine(templates.Path, "identity"));
        File.WriteAllText(Path.Combine(templates.Path, "identity", "logo.svg"), FictionalLogo.Replace("<circle", "<script>alert(1)</script><circle", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(templates.Path, "identity", "cover.jpg"), "not a picture");

        var identity = TemplateIdentity.Of(TemplateFolder.Open(templates.Path, TestPaths.RepositoryRoot, new DiagnosticBag())!);

        Assert.Null(identity.Logo);
        Assert.Null(identity.Cover);
        Assert.Equal(["PSTM0018", "PSTM0414"], identity.Diagnostics.Select(d => d.Code).Order(StringComparer.Ordinal));
        Assert.Contains(identity.Diagnostics, d => d.Code == "PSTM0414" && d.Span.File.EndsWith("identity/logo.svg", StringComparison.Ordinal));
        Assert.DoesNotContain(identity.Diagnostics, d => d.Code == "PSTM0511");
    }

    [GeneratedRegex("<img class=\"cover-logo\" src=\"([^\"]+)\"")]
    private static partial Regex LogoSource();
}
