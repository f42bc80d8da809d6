using Pstm.Diagnostics;

namespace Pstm.Rendering.Tests;

/// <summary>
/// Templates that never end, or would write without end, stop at the sandbox's bounds with a located
/// diagnostic (PSTM0509) and a hint; errors in templates are diagnostics with 1-based positions.
/// </summary>
public class TemplateLimitsTests
{
    private const string Layout = "booklet/layout.sbn-html";

    private static Diagnostic Single(IReadOnlyList<Diagnostic> diagnostics, string code)
    {
        var diagnostic = Assert.Single(diagnostics);
        Assert.True(code == diagnostic.Code, diagnostic.ToString());
        Assert.False(string.IsNullOrWhiteSpace(diagnostic.Hint));
        Assert.DoesNotContain("   at ", diagnostic.Message, StringComparison.Ordinal);
        return diagnostic;
    }

    [Fact]
    public void A_loop_that_never_ends_stops_at_the_loop_limit()
    {
        var diagnostic = Single(BrokenTemplates.RenderLayout("<p>\n  {{ while true }}x{{ end }}\n"), "PSTM0509");

        Assert.Equal((Layout, 2, 6), (diagnostic.Span.File, diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
        Assert.Contains("loop", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_function_that_calls_itself_stops_at_the_recursion_limit()
    {
        var diagnostic = Single(BrokenTemplates.RenderLayout("{{ func again(n)\n  ret again(n + 1)\nend }}{{ again 1 }}"), "PSTM0509");

        Assert.Equal(Layout, diagnostic.Span.File);
        Assert.Contains("nested more than 64", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_that_includes_itself_stops_at_the_recursion_limit_in_that_template()
    {
        var diagnostics = BrokenTemplates.RenderWith(t => BrokenTemplates.Replace(
            Path.Combine(t, "booklet", "cover.sbn-html"), "<header class=\"cover no-hyphens\">", "<header class=\"cover\">{{ include 'booklet/cover.sbn-html' }}"));

        var diagnostic = Single(diagnostics, "PSTM0509");
        Assert.Equal(("booklet/cover.sbn-html", 1), (diagnostic.Span.File, diagnostic.Span.StartLine));
    }

    [Fact]
    public void A_deep_chain_of_includes_stops_at_the_recursion_limit()
    {
        var diagnostics = BrokenTemplates.RenderWith(t =>
        {
            for (var i = 0; i < 100; i++)
            {
                File.WriteAllText(Path.Combine(t, "booklet", $"chain-{i}.sbn-html"), $"{i} {{{{ include 'booklet/chain-{i + 1}.sbn-html' }}}}");
            }

            File.WriteAllText(Path.Combine(t, "booklet", "chain-100.sbn-html"), "end");
            File.WriteAllText(Path.Combine(t, "booklet", "layout.sbn-html"), "{{ include 'booklet/chain-0.sbn-html' }}");
        });

        var diagnostic = Single(diagnostics, "PSTM0509");
        Assert.StartsWith("booklet/chain-", diagnostic.Span.File, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_loop_of_concatenated_strings_stops_at_the_output_limit()
    {
        // A million characters, written 99,999 times: some 100 GB if nothing stopped it.
        var diagnostic = Single(
            BrokenTemplates.RenderLayout("{{ s = 'x' }}{{ for i in 1..20 }}{{ s = s + s }}{{ end }}{{ for i in 1..99999 }}{{ s }}{{ end }}"), "PSTM0509");

        Assert.Contains("wrote more than", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_doubled_by_interpolation_stops_at_the_text_limit()
    {
        // 2^25 characters: Scriban bounds texts made by '+', not those made by interpolation.
        var diagnostic = Single(BrokenTemplates.RenderLayout("{{ s = 'x' }}\n{{ for i in 1..25 }}{{ s = $\"{s}{s}\" }}{{ end }}"), "PSTM0509");

        Assert.Equal((Layout, 2), (diagnostic.Span.File, diagnostic.Span.StartLine));
        Assert.Contains("a text grew past 10,000,000 characters", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_doubled_by_concatenation_stops_instead_of_being_cut_short()
    {
        var diagnostic = Single(BrokenTemplates.RenderLayout("{{ s = 'x' }}\n{{ for i in 1..25 }}{{ s = s + s }}{{ end }}"), "PSTM0509");

        Assert.Equal((Layout, 2), (diagnostic.Span.File, diagnostic.Span.StartLine));
        Assert.Contains("a text grew past 10,000,000 characters", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_loop_that_keeps_making_large_texts_stops_at_the_memory_limit()
    {
        // Each turn makes a new text of 900,000 characters (1.8 MB), within every other bound.
        var diagnostic = Single(
            BrokenTemplates.RenderLayout("{{ s = 'x' | string.pad_left 900000 }}\n{{ for i in 1..99999 }}{{ t = s + i }}{{ end }}"), "PSTM0509");

        Assert.Equal((Layout, 2), (diagnostic.Span.File, diagnostic.Span.StartLine));
        Assert.Contains("allocated more than 512 MB", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Templates_that_run_past_their_time_stop_at_the_budget()
    {
        // Each turn searches a 9,000,000-character text: within the loop, text and memory bounds, but for minutes.
        var diagnostic = Single(
            BrokenTemplates.RenderLayout("{{ s = 'x' | string.pad_left 9000000 }}\n{{ for i in 1..99999 }}{{ t = s | string.contains 'y' }}{{ end }}", TimeSpan.FromSeconds(1)),
            "PSTM0509");

        Assert.Equal((Layout, 2), (diagnostic.Span.File, diagnostic.Span.StartLine));
        Assert.Contains("the templates ran longer than 1 s", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_regular_expression_that_backtracks_without_end_stops_at_its_time_limit()
    {
        var diagnostic = Single(BrokenTemplates.RenderLayout("{{ 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' | regex.match '(a+)+$' }}"), "PSTM0509");

        Assert.Contains("regular expression", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ no_such_function 1 }}", 1, 4)]
    [InlineData("<p>\n{{ plan.titel }}", 2, 9)]
    [InlineData("{{ plan.title | no_such_filter }}", 1, 17)]
    public void An_unknown_name_is_a_runtime_error_at_its_1_based_position(string layout, int line, int column)
    {
        var diagnostic = Single(BrokenTemplates.RenderLayout(layout), "PSTM0504");

        Assert.Equal((Layout, line, column), (diagnostic.Span.File, diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
    }

    [Fact]
    public void A_syntax_error_is_reported_at_its_1_based_line_and_column()
    {
        var diagnostic = Single(BrokenTemplates.RenderLayout("<p>\n  {{ for x in }}{{ end }}"), "PSTM0503");

        Assert.Equal((Layout, 2), (diagnostic.Span.File, diagnostic.Span.StartLine));
        Assert.InRange(diagnostic.Span.StartColumn, 3, 15);
    }
}
