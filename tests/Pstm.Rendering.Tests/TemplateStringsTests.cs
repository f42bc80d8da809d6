using Pstm.Diagnostics;
using Pstm.Plan;
using Pstm.Rendering.Booklet;
using Pstm.Rendering.Templates;

namespace Pstm.Rendering.Tests;

/// <summary>The words of the strings files: counted texts in their plural forms, and the checks of the files against the declared keys.</summary>
public class TemplateStringsTests
{
    private static TemplateStrings Strings(string locale, Dictionary<string, string>? labels = null)
    {
        var diagnostics = new DiagnosticBag();
        var folder = TemplateFolder.Open(TestPaths.Templates, TestPaths.RepositoryRoot, diagnostics)!;
        var strings = TemplateStrings.Load(folder, locale, labels ?? [], diagnostics);
        Assert.Empty(diagnostics.ToSortedList());
        return strings!;
    }

    [Theory]
    [InlineData("en", 1, "1 driver")]
    [InlineData("en", 2, "2 drivers")]
    [InlineData("en", 0, "0 drivers")]
    [InlineData("it", 1, "1 driver")]
    [InlineData("it", 10, "10 driver")]
    public void A_count_takes_the_plural_form_of_the_editions_language(string locale, int count, string expected)
    {
        Assert.Equal(expected, Strings(locale).Count("drivers_heading", count));
    }

    [Fact]
    public void The_changes_summary_counts_in_the_plural_form()
    {
        Assert.Equal("1 change (1 added)", Strings("en").Count("changes_summary", 1, ("kinds", "1 added")));
        Assert.Equal("3 modifiche (3 aggiunte)", Strings("it").Count("changes_summary", 3, ("kinds", Strings("it").Count("change_added_count", 3))));
    }

    [Fact]
    public void A_plans_plural_forms_replace_all_the_forms_of_the_strings_file()
    {
        // Given: the plan names its drivers "direttrici", in the forms of Italian, and a plain text for its missions' heading
        var strings = Strings("it", new()
        {
            ["drivers_heading.one"] = "Una direttrice",
            ["drivers_heading.other"] = "{count} direttrici",
            ["missions_heading"] = "Gli assi: {count}",
        });

        // Then
        Assert.Equal("Una direttrice", strings.Count("drivers_heading", 1));
        Assert.Equal("12 direttrici", strings.Count("drivers_heading", 12));
        Assert.Equal("Gli assi: 1", strings.Count("missions_heading", 1));
        Assert.Equal("{count} direttrici", strings["drivers_heading"]);
    }

    [Fact]
    public void The_english_booklet_of_a_plan_with_one_driver_says_1_driver()
    {
        // Given: the shipped plan with one driver only
        var check = PlanCheck.Run(TestPaths.Plan, TestPaths.RepositoryRoot);
        var plan = check.Plan! with { Drivers = [check.Plan!.Drivers[0] with { Missions = [], Objectives = [] }] };
        var diagnostics = new DiagnosticBag();
        var folder = TemplateFolder.Open(TestPaths.Templates, TestPaths.RepositoryRoot, diagnostics)!;

        // When
        var booklet = BookletRenderer.Render(plan, Pstm.Plan.Coverage.CoverageReport.Compute(plan), folder, new BookletOptions("en", new DateOnly(2025, 1, 1), "t"), diagnostics);

        // Then
        Assert.Contains(">1 driver</h2>", booklet!.Html);
        Assert.DoesNotContain("1 drivers", booklet.Html);
    }

    [Fact]
    public void A_strings_file_with_an_undeclared_key_or_placeholder_is_an_error_at_the_key_and_at_the_text()
    {
        var diagnostics = BrokenTemplates.RenderWith(t => BrokenTemplates.Replace(
            Path.Combine(t, "strings", "it.yaml"), "contents: Indice\n", "contents: Indice {pagina}\nindice: Indice\n"));

        Assert.Equal(["PSTM0320", "PSTM0321"], diagnostics.Select(d => d.Code).Order().ToArray());
        Assert.Contains(diagnostics, d => d.Code == "PSTM0320" && d.Message.Contains("'indice'", StringComparison.Ordinal) && d.Span.StartLine > 1);
        Assert.Contains(diagnostics, d => d.Code == "PSTM0321" && d.Span.File.EndsWith("strings/it.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void A_strings_file_missing_a_form_of_its_language_is_an_error()
    {
        var diagnostics = BrokenTemplates.RenderWith(t => BrokenTemplates.Replace(
            Path.Combine(t, "strings", "it.yaml"), "drivers_heading: { one: \"1 driver\", other: \"{count} driver\" }", "drivers_heading: { other: \"{count} driver\" }"));

        Assert.Equal("PSTM0323", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void A_templates_folder_may_declare_keys_of_its_own()
    {
        // Given: a folder whose declaration adds a key, and whose strings give it
        var (booklet, diagnostics) = BrokenTemplates.TryRenderWith(t =>
        {
            File.AppendAllText(Path.Combine(t, "strings", "keys.yaml"), "funded_by: [entity]\n");
            File.AppendAllText(Path.Combine(t, "strings", "it.yaml"), "funded_by: \"Finanziato da {entity}\"\n");
            File.AppendAllText(Path.Combine(t, "strings", "en.yaml"), "funded_by: \"Funded by {entity}\"\n");
            BrokenTemplates.Replace(Path.Combine(t, "booklet", "colophon.sbn-html"), "<p>{{ edition.fonts_text }}</p>", "<p>{{ strings.funded_by }}</p>");
        });

        Assert.Empty(diagnostics);
        Assert.Contains("Finanziato da {entity}", booklet!.Html);
    }
}
