using Pstm.Diagnostics;
using Pstm.Plan;
using Pstm.Rendering.Booklet;
using Pstm.Rendering.Templates;

namespace Pstm.Rendering.Tests;

/// <summary>Renders the shipped plan's booklet through a changed copy of the shipped templates.</summary>
internal static class BrokenTemplates
{
    private static readonly Lazy<PlanCheck> ShippedPlan = new(() => PlanCheck.Run(TestPaths.Plan, TestPaths.RepositoryRoot));

    /// <summary>The diagnostics of a render that must fail.</summary>
    public static IReadOnlyList<Diagnostic> RenderWith(Action<string> breakTemplates, TimeSpan? budget = null)
    {
        var (booklet, diagnostics) = TryRenderWith(breakTemplates, budget);
        Assert.Null(booklet);
        return diagnostics;
    }

    /// <summary>The booklet (null when it failed) and the diagnostics.</summary>
    public static (RenderedBooklet? Booklet, IReadOnlyList<Diagnostic> Diagnostics) TryRenderWith(Action<string> changeTemplates, TimeSpan? budget = null)
    {
        var templates = TestPaths.CopyOfTemplates();
        try
        {
            changeTemplates(templates.FullName);
            var check = ShippedPlan.Value;
            var diagnostics = new DiagnosticBag();
            var folder = TemplateFolder.Open(templates.FullName, templates.FullName, diagnostics);
            if (folder is not null && budget is { } time)
            {
                folder.RenderBudget = time;
            }

            var booklet = folder is null
                ? null
                : BookletRenderer.Render(check.Plan!, check.Coverage!, folder, new BookletOptions("it", new DateOnly(2025, 1, 1), "t"), diagnostics);
            return (booklet, diagnostics.ToSortedList());
        }
        finally
        {
            templates.Delete(recursive: true);
        }
    }

    /// <summary>The booklet's layout replaced by <paramref name="layout"/>.</summary>
    public static IReadOnlyList<Diagnostic> RenderLayout(string layout, TimeSpan? budget = null) =>
        RenderWith(t => File.WriteAllText(Path.Combine(t, "booklet", "layout.sbn-html"), layout), budget);

    public static void Replace(string file, string from, string to)
    {
        var text = File.ReadAllText(file);
        Assert.Contains(from, text);
        File.WriteAllText(file, text.Replace(from, to, StringComparison.Ordinal));
    }
}
