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

        var html = templates.Render(Layout, model, diagnostics, cancellation);
        if (html is null)
        {
            return null;
        }

        var assets = Assets(templates, options.Changes is not null);
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

    /// <summary>The theme, the booklet's stylesheets (the changes' too when listed) and the fonts, under <c>assets/</c>.</summary>
    private static Dictionary<string, string> Assets(TemplateFolder templates, bool withChanges)
    {
        var assets = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string relative, string target)
        {
            if (templates.PathOf(relative) is { } path && File.Exists(path))
            {
                assets[target] = path;
            }
        }

        Add("theme.css", "assets/theme.css");
        if (withChanges)
        {
            Add("changes/changes.css", "assets/changes.css");
        }

        foreach (var (name, _) in templates.FilesIn("booklet").Where(f => f.Name.EndsWith(".css", StringComparison.Ordinal)))
        {
            Add("booklet/" + name, "assets/" + name);
        }

        foreach (var (name, _) in templates.FilesIn("fonts"))
        {
            Add("fonts/" + name, "assets/fonts/" + name);
        }

        return assets;
    }
}
