using Pstm.Diagnostics;
using Pstm.Plan.Coverage;
using Pstm.Plan.Images;
using Pstm.Plan.Model;
using Pstm.Rendering.Templates;

namespace Pstm.Rendering.Booklet;

/// <summary>
/// What to render: the edition's locale and date, and who made it; <c>FallbackLanguage</c> is the
/// language whose template words are used where the templates have none for the locale; <c>Changes</c>,
/// when given, are listed in the booklet's appendix.
/// </summary>
public sealed record BookletOptions(string Locale, DateOnly Date, string Generator, string? FallbackLanguage = null, Changes.EditionChanges? Changes = null);

/// <summary>
/// The print HTML of one edition, and the files it needs beside it (stylesheets, fonts and the plan's images), as paths
/// relative to the HTML mapped to their source files.
/// </summary>
public sealed record RenderedBooklet(string Html, IReadOnlyDictionary<string, string> Assets);

/// <summary>Renders a booklet edition through the templates' <c>booklet/layout.sbn-html</c>.</summary>
public static class BookletRenderer
{
    public const string Layout = "booklet/layout.sbn-html";

    /// <summary>The print HTML, or null after reporting in <paramref name="diagnostics"/> why not.</summary>
    public static RenderedBooklet? Render(
        StrategicPlan plan, CoverageReport coverage, TemplateFolder templates, BookletOptions options, DiagnosticBag diagnostics, CancellationToken cancellation = default)
    {
        if (EditionModel.Create(plan, coverage, templates, options, diagnostics) is not { Model: var model })
        {
            return null;
        }

        var files = TemplateAssets.Copied(templates);
        var html = templates.Render(Layout, model, diagnostics, files, cancellation);
        if (html is null || !AddKnownFiles(files, templates, options.Changes is not null, diagnostics))
        {
            return null;
        }

        var assets = new Dictionary<string, string>(files.Files, StringComparer.Ordinal);
        foreach (var image in plan.Images.All.Values)
        {
            assets["assets/" + image.AssetName] = image.FullPath;
        }

        // The templates' logo and cover picture, and the theme's pictures and typefaces, named by content as the plan's images are.
        var identity = TemplateIdentity.Of(templates);
        foreach (var image in new[] { identity.Logo, identity.Cover }.OfType<PlanImage>())
        {
            assets["assets/" + image.AssetName] = image.FullPath;
        }

        foreach (var (name, path) in plan.ThemeAssets.Files)
        {
            assets["assets/" + name] = path;
        }

        return new RenderedBooklet(html, assets);
    }

    /// <summary>
    /// Besides what the layout names with <c>asset</c>: the theme, the booklet's stylesheets (the
    /// changes' too when listed), each with what it refers to, and the fonts with their licences, so that
    /// a layout linking them by their paths (<c>assets/booklet/booklet.css</c>) finds them. False after
    /// reporting a stylesheet's reference to a file that is none of the templates'.
    /// </summary>
    private static bool AddKnownFiles(TemplateAssets files, TemplateFolder templates, bool withChanges, DiagnosticBag diagnostics)
    {
        var errors = diagnostics.ErrorCount;
        files.AddIfPresent("theme.css", diagnostics);
        if (withChanges)
        {
            files.AddIfPresent("changes/changes.css", diagnostics);
        }

        foreach (var (name, _) in templates.FilesIn("booklet").Where(f => f.Name.EndsWith(".css", StringComparison.Ordinal)))
        {
            files.AddIfPresent("booklet/" + name, diagnostics);
        }

        foreach (var (name, _) in templates.FilesIn("fonts"))
        {
            files.AddIfPresent("fonts/" + name, diagnostics);
        }

        return diagnostics.ErrorCount == errors;
    }
}
