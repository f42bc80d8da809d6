namespace Pstm.Rendering.Tests;

/// <summary>
/// Templates read only their own folder and reach only what the model gives them: no .NET member,
/// no clock, no random numbers, no evaluation of strings as templates.
/// </summary>
public class TemplateSandboxTests
{
    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("booklet/../../../../etc/passwd")]
    [InlineData("..\\\\..\\\\etc\\\\passwd")]
    [InlineData("booklet\\\\cover.sbn-html")]
    [InlineData("booklet/cover.sbn-html\\x00.txt")] // a NUL, spelled as a Scriban escape
    [InlineData("C:/Windows/win.ini")]
    public void An_include_outside_the_folder_or_with_an_odd_name_is_refused(string name)
    {
        var diagnostics = BrokenTemplates.RenderLayout($"<p>\n {{{{ include \"{name}\" }}}}");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("PSTM0505", "booklet/layout.sbn-html", 2, 5), (diagnostic.Code, diagnostic.Span.File, diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
        Assert.DoesNotContain('\0', diagnostic.Message);
    }

    [Fact]
    public void A_symbolic_link_to_a_file_outside_the_folder_is_refused()
    {
        var diagnostics = BrokenTemplates.RenderWith(t =>
        {
            File.CreateSymbolicLink(Path.Combine(t, "booklet", "secret.sbn-html"), "/etc/passwd");
            File.WriteAllText(Path.Combine(t, "booklet", "layout.sbn-html"), "{{ include 'booklet/secret.sbn-html' }}");
        });

        Assert.Equal("PSTM0505", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void A_symbolic_link_to_a_folder_outside_is_refused()
    {
        var diagnostics = BrokenTemplates.RenderWith(t =>
        {
            Directory.CreateSymbolicLink(Path.Combine(t, "booklet", "system"), "/etc");
            File.WriteAllText(Path.Combine(t, "booklet", "layout.sbn-html"), "{{ include 'booklet/system/passwd' }}");
        });

        Assert.Equal("PSTM0505", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void A_symbolic_link_inside_the_folder_to_a_file_of_the_folder_still_works()
    {
        var (booklet, diagnostics) = BrokenTemplates.TryRenderWith(t =>
        {
            File.CreateSymbolicLink(Path.Combine(t, "booklet", "alias.sbn-html"), Path.Combine(t, "booklet", "colophon.sbn-html"));
            File.WriteAllText(Path.Combine(t, "booklet", "layout.sbn-html"), "{{ include 'booklet/alias.sbn-html' }}");
        });

        Assert.Empty(diagnostics);
        Assert.Contains("<section class=\"colophon\"", booklet!.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symbolic_link_among_the_fonts_is_not_copied_beside_the_booklet()
    {
        var (booklet, diagnostics) = BrokenTemplates.TryRenderWith(t =>
            File.CreateSymbolicLink(Path.Combine(t, "fonts", "stolen.woff2"), "/etc/passwd"));

        Assert.Empty(diagnostics);
        Assert.Contains("assets/fonts/fonts.css", booklet!.Assets.Keys);
        Assert.DoesNotContain("assets/fonts/stolen.woff2", booklet.Assets.Keys);
    }

    [Theory]
    [InlineData("{{ plan.get_type }}")]
    [InlineData("{{ plan.GetType }}")]
    [InlineData("{{ plan.to_string }}")]
    [InlineData("{{ plan.equality_contract }}")]
    [InlineData("{{ plan.title.length }}")]
    [InlineData("{{ chapters.count }}")]
    [InlineData("{{ chapters[0].get_hash_code }}")]
    [InlineData("{{ System.IO.File }}")]
    [InlineData("{{ environment }}")]
    [InlineData("{{ date.now }}")]
    [InlineData("{{ date.utc_now }}")]
    [InlineData("{{ math.random 1 100 }}")]
    [InlineData("{{ math.uuid }}")]
    [InlineData("{{ object.eval '1 + 1' }}")]
    [InlineData("{{ object.eval_template plan.title }}")]
    public void Members_and_builtins_the_model_does_not_give_are_unknown_names(string layout)
    {
        var diagnostic = Assert.Single(BrokenTemplates.RenderLayout(layout));

        Assert.Equal("PSTM0504", diagnostic.Code);
    }

    [Fact]
    public void The_model_and_the_harmless_builtins_stay_available()
    {
        var (booklet, diagnostics) = BrokenTemplates.TryRenderWith(t => File.WriteAllText(
            Path.Combine(t, "booklet", "layout.sbn-html"),
            "{{ plan.title_plain | string.upcase }}|{{ chapters.size }}|{{ date.parse '2025-02-27' | date.to_string '%Y' }}|{{ object.typeof plan }}"));

        Assert.Empty(diagnostics);
        Assert.Equal("PIANO STRATEGICO TRIENNALE DEL TERRITORIO METROPOLITANO 2025-2027|5|2025|object", booklet!.Html);
    }
}
