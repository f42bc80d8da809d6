using Pstm.Diagnostics;
using Pstm.Plan;
using Pstm.Rendering.Booklet;
using Pstm.Rendering.Templates;

namespace Pstm.Rendering.Tests;

/// <summary>Broken templates give located diagnostics, never exceptions.</summary>
public class TemplateDiagnosticsTests
{
    [Fact]
    public void A_syntax_error_in_an_included_template_points_at_its_line_and_column()
    {
        var diagnostics = BrokenTemplates.RenderWith(t => BrokenTemplates.Replace(Path.Combine(t, "booklet", "cover.sbn-html"), "{{ plan.entity }}", "{{ plan.entity "));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PSTM0503", diagnostic.Code);
        Assert.Equal("booklet/cover.sbn-html", diagnostic.Span.File);
        Assert.Equal(10, diagnostic.Span.StartLine);
    }

    [Fact]
    public void An_unknown_name_is_a_runtime_error_at_its_position()
    {
        var diagnostics = BrokenTemplates.RenderWith(t => BrokenTemplates.Replace(Path.Combine(t, "booklet", "toc.sbn-html"), "{{ strings.contents }}", "{{ strings.contents }}{{ plan.no_such_field.x }}"));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PSTM0504", diagnostic.Code);
        Assert.Equal(("booklet/toc.sbn-html", 2), (diagnostic.Span.File, diagnostic.Span.StartLine));
    }

    [Fact]
    public void A_template_cannot_include_a_file_outside_its_folder()
    {
        var diagnostics = BrokenTemplates.RenderWith(t => BrokenTemplates.Replace(Path.Combine(t, "booklet", "layout.sbn-html"), "{{ include 'booklet/cover.sbn-html' }}", "{{ include '../../etc/passwd' }}"));

        Assert.Equal("PSTM0505", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void A_language_without_strings_falls_back_to_another_languages_words_with_a_warning()
    {
        using var templates = TemporaryFolder.CopyOf(TestPaths.Templates);
        File.Delete(Path.Combine(templates.Path, "strings", "it.yaml"));
        var check = PlanCheck.Run(TestPaths.Plan, TestPaths.RepositoryRoot);
        var diagnostics = new DiagnosticBag();
        var folder = TemplateFolder.Open(templates.Path, templates.Path, diagnostics)!;

        var booklet = BookletRenderer.Render(check.Plan!, check.Coverage!, folder, new BookletOptions("it", new DateOnly(2025, 1, 1), "t"), diagnostics);

        var diagnostic = Assert.Single(diagnostics.ToSortedList());
        Assert.Equal(("PSTM0506", Severity.Warning), (diagnostic.Code, diagnostic.Severity));
        Assert.Contains("<h1 id=\"contents\">Contents</h1>", booklet!.Html);
    }

    [Fact]
    public void A_strings_file_missing_a_key_is_a_diagnostic_naming_the_key()
    {
        var diagnostics = BrokenTemplates.RenderWith(t => BrokenTemplates.Replace(Path.Combine(t, "strings", "it.yaml"), "contents: Indice\n", ""));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PSTM0507", diagnostic.Code);
        Assert.Contains("'contents'", diagnostic.Message);
    }

    [Fact]
    public void A_missing_templates_folder_is_a_diagnostic()
    {
        var diagnostics = new DiagnosticBag();
        Assert.Null(TemplateFolder.Open("/no/such/templates", "/", diagnostics));
        Assert.Equal("PSTM0501", Assert.Single(diagnostics.ToSortedList()).Code);
    }
}
