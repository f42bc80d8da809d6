using Pstm.Diagnostics;
using Pstm.Rendering.Templates;
using Pstm.Rendering.Text;
using Scriban.Runtime;

namespace Pstm.Rendering.Changes;

/// <summary>What the changes page's template sees: the page's language and title, and the changes.</summary>
public sealed record ChangesPageView(string Lang, string Title, string Generator, string Old, string New, ChangesView Changes);

/// <summary>
/// Renders the changes between two editions as one HTML page that needs no file beside it
/// (<c>pstm diff --format html</c>), through the templates' <c>changes/page.sbn-html</c>.
/// </summary>
public static class ChangesPageRenderer
{
    public const string Layout = "changes/page.sbn-html";

    /// <param name="old">The earlier edition as the user named it ("v2025.1:plan").</param>
    /// <param name="planTitle">The plan's title, as plain text.</param>
    /// <returns>The page, or null after reporting in <paramref name="diagnostics"/> why not.</returns>
    public static string? Render(
        EditionChanges changes, string old, string @new, string planTitle, string locale, string generator, TemplateFolder templates, DiagnosticBag diagnostics)
    {
        if (TemplateStrings.Load(templates, locale, new Dictionary<string, string>(), diagnostics, fallback: locale) is not { } strings)
        {
            return null;
        }

        var view = ChangesViewBuilder.Build(changes, strings, linked: false);
        var page = new ChangesPageView(
            HtmlText.Escape(locale),
            $"{HtmlText.Escape(planTitle)} · {view.Heading}",
            HtmlText.Escape(generator),
            HtmlText.Escape(old),
            HtmlText.Escape(@new),
            view);
        var model = new ScriptObject();
        model.Import(page, renamer: StandardMemberRenamer.Default);
        return templates.Render(Layout, model, diagnostics);
    }
}
