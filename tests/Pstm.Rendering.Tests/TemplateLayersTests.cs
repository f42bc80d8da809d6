using Pstm.Diagnostics;
using Pstm.Plan;
using Pstm.Rendering.Booklet;
using Pstm.Rendering.Templates;

namespace Pstm.Rendering.Tests;

/// <summary>
/// Templates laid over the shipped ones: a folder holds only the files it changes, and every other file
/// comes from the layer below it.
/// </summary>
public sealed class TemplateLayersTests : IDisposable
{
    private readonly TemporaryFolder _layer = new();

    public void Dispose() => _layer.Dispose();

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_layer.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private TemplateFolder Open(DiagnosticBag? diagnostics = null) =>
        TemplateFolder.OpenLayers([_layer.Path, TestPaths.Templates], TestPaths.RepositoryRoot, diagnostics ?? new DiagnosticBag())!;

    [Fact]
    public void A_layer_with_only_a_theme_replaces_the_theme_and_nothing_else()
    {
        var theme = Write("theme.css", ":root { --accent: #7a1f3d; }");
        var diagnostics = new DiagnosticBag();

        var templates = Open(diagnostics);

        Assert.Empty(diagnostics.ToSortedList());
        Assert.Equal(theme, templates.PathOf("theme.css"));
        Assert.Equal(Path.Combine(TestPaths.Templates, "booklet", "layout.sbn-html"), templates.PathOf("booklet/layout.sbn-html"));
        var files = templates.Files().ToList();
        Assert.Contains(theme, files);
        Assert.DoesNotContain(Path.Combine(TestPaths.Templates, "theme.css"), files);
        Assert.Equal(TemplateFolder.Files(TestPaths.Templates).Count, files.Count);

        var check = PlanCheck.Run(TestPaths.Plan, TestPaths.RepositoryRoot);
        var booklet = BookletRenderer.Render(check.Plan!, check.Coverage!, templates, new BookletOptions("it", new DateOnly(2025, 6, 30), "pstm test"), diagnostics)!;
        Assert.Equal(theme, booklet.Assets["assets/theme.css"]);
        Assert.Equal(Path.Combine(TestPaths.Templates, "booklet", "booklet.css"), booklet.Assets["assets/booklet/booklet.css"]);
        Assert.DoesNotContain(diagnostics.ToSortedList(), d => d.IsError);
    }

    [Fact]
    public void A_layer_with_one_partial_replaces_that_partial_only_and_adds_its_own_files()
    {
        Write("booklet/colophon.sbn-html", "<section class=\"colophon\" id=\"colophon\"><h1>Colofone del tema</h1></section>");
        Write("booklet/extra.css", ".extra { color: red; }");
        Write("fonts/Extra.woff2", "not really a font");
        var templates = Open();
        var check = PlanCheck.Run(TestPaths.Plan, TestPaths.RepositoryRoot);
        var diagnostics = new DiagnosticBag();

        var booklet = BookletRenderer.Render(check.Plan!, check.Coverage!, templates, new BookletOptions("it", new DateOnly(2025, 6, 30), "pstm test"), diagnostics)!;

        Assert.Contains("<h1>Colofone del tema</h1>", booklet.Html, StringComparison.Ordinal);
        Assert.Contains("<nav class=\"toc", booklet.Html, StringComparison.Ordinal);
        Assert.Contains("class=\"back-cover", booklet.Html, StringComparison.Ordinal);
        Assert.Equal(Path.Combine(_layer.Path, "booklet", "extra.css"), booklet.Assets["assets/booklet/extra.css"]);
        Assert.Contains("assets/fonts/Extra.woff2", booklet.Assets.Keys);
        Assert.Contains("assets/fonts/titillium-web-latin-400-normal.woff2", booklet.Assets.Keys);
        Assert.Equal(["colophon.sbn-html", "extra.css"], templates.FilesIn("booklet").Where(f => f.Path.StartsWith(_layer.Path, StringComparison.Ordinal)).Select(f => f.Name));
    }

    [Fact]
    public void A_template_error_in_a_layer_is_located_in_that_layers_file()
    {
        Write("booklet/colophon.sbn-html", "<section>{{ for x in }}</section>");
        var check = PlanCheck.Run(TestPaths.Plan, TestPaths.RepositoryRoot);
        var diagnostics = new DiagnosticBag();

        BookletRenderer.Render(check.Plan!, check.Coverage!, Open(), new BookletOptions("it", new DateOnly(2025, 6, 30), "pstm test"), diagnostics);

        var error = Assert.Single(diagnostics.ToSortedList(), d => d.IsError);
        Assert.EndsWith("booklet/colophon.sbn-html", error.Span.File, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(_layer.Path), error.Span.File, StringComparison.Ordinal);
    }

    [Fact]
    public void A_layer_with_only_a_strings_file_gives_a_new_language_its_words()
    {
        var english = File.ReadAllText(Path.Combine(TestPaths.Templates, "strings", "en.yaml"));
        Write("strings/fr.yaml", english.Replace("contents: Contents", "contents: Sommaire", StringComparison.Ordinal));
        var check = PlanCheck.Run(TestPaths.Plan, TestPaths.RepositoryRoot);
        var diagnostics = new DiagnosticBag();

        var booklet = BookletRenderer.Render(check.Plan!, check.Coverage!, Open(), new BookletOptions("fr", new DateOnly(2025, 6, 30), "pstm test", FallbackLanguage: "en"), diagnostics)!;

        Assert.Contains(">Sommaire<", booklet.Html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\">", booklet.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics.ToSortedList(), d => d.Code == "PSTM0506");
    }

    [Fact]
    public void Without_words_for_its_language_an_edition_gets_the_english_ones_and_is_told()
    {
        Write("theme.css", ":root { }");
        var check = PlanCheck.Run(TestPaths.Plan, TestPaths.RepositoryRoot);
        var diagnostics = new DiagnosticBag();

        var booklet = BookletRenderer.Render(check.Plan!, check.Coverage!, Open(), new BookletOptions("fr", new DateOnly(2025, 6, 30), "pstm test", FallbackLanguage: "en"), diagnostics)!;

        Assert.Contains(">Contents<", booklet.Html, StringComparison.Ordinal);
        var warning = Assert.Single(diagnostics.ToSortedList(), d => d.Code == "PSTM0506");
        Assert.Contains("the words of en are used", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_that_holds_no_part_of_the_templates_is_no_layer()
    {
        Write("plan.yaml", "id: not-templates");
        var diagnostics = new DiagnosticBag();

        var templates = TemplateFolder.OpenLayers([_layer.Path, TestPaths.Templates], TestPaths.RepositoryRoot, diagnostics);

        Assert.Null(templates);
        var error = Assert.Single(diagnostics.ToSortedList());
        Assert.Equal("PSTM0501", error.Code);
        Assert.Contains("theme.css", error.Message, StringComparison.Ordinal);
    }
}
