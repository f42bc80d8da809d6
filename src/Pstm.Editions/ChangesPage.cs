using Pstm.Diagnostics;
using Pstm.Rendering.Changes;
using Pstm.Rendering.Templates;

namespace Pstm.Editions;

/// <summary>The changes between two editions as one HTML page, from the shipped templates (<c>pstm diff --format html</c>).</summary>
public static class ChangesPage
{
    /// <param name="old">The earlier edition as the user named it ("v2025.1:plan").</param>
    /// <param name="planTitle">The plan's title, as plain text.</param>
    /// <returns>The page, or null after reporting in <paramref name="diagnostics"/> why not.</returns>
    public static string? Render(EditionChanges changes, string old, string @new, string planTitle, string locale, DiagnosticBag diagnostics)
    {
        var templates = TemplateFolder.Open(BuildRequest.ShippedTemplates, Directory.GetCurrentDirectory(), diagnostics);
        return templates is null
            ? null
            : ChangesPageRenderer.Render(changes, old, @new, planTitle, locale, EditionBuilder.Generator, templates, diagnostics);
    }
}
