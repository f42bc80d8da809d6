using System.Runtime.CompilerServices;
using Pstm.Diagnostics;
using Pstm.Plan.Images;
using Pstm.Rendering.Templates;

namespace Pstm.Rendering.Booklet;

/// <summary>
/// The entity's logo and the cover's image, from the templates folder until plans declare them:
/// <c>identity/logo.svg</c> (or <c>.png</c>), shown on the cover, the back cover and the title slide,
/// and <c>identity/cover.jpg</c> (<c>.png</c>, <c>.svg</c>), the cover's decorative picture. Each is
/// checked as a plan's images are (size, format by its bytes, an SVG that runs and loads nothing);
/// a folder without a logo is told (PSTM0511, an info): the cover then names the entity in text only.
/// Read once per templates folder.
/// </summary>
public sealed class TemplateIdentity
{
    public static readonly IReadOnlyList<string> LogoFiles = ["identity/logo.svg", "identity/logo.png"];

    public static readonly IReadOnlyList<string> CoverFiles = ["identity/cover.jpg", "identity/cover.png", "identity/cover.svg"];

    private static readonly ConditionalWeakTable<TemplateFolder, TemplateIdentity> Read = [];

    private TemplateIdentity(PlanImage? logo, PlanImage? cover, IReadOnlyList<Diagnostic> diagnostics)
    {
        Logo = logo;
        Cover = cover;
        Diagnostics = diagnostics;
    }

    /// <summary>The logo, when the folder has one that passed the checks.</summary>
    public PlanImage? Logo { get; }

    /// <summary>The cover's picture, when the folder has one that passed the checks.</summary>
    public PlanImage? Cover { get; }

    /// <summary>What reading them found: the info of a missing logo, or why a file cannot be shown.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The identity of <paramref name="templates"/>, read and checked the first time it is asked for.</summary>
    public static TemplateIdentity Of(TemplateFolder templates) => Read.GetValue(templates, Load);

    private static TemplateIdentity Load(TemplateFolder templates)
    {
        var diagnostics = new DiagnosticBag();
        var logo = Image(templates, LogoFiles, diagnostics);
        if (logo.Path is null)
        {
            diagnostics.Add(RenderingDiagnostics.NoLogo.Create(
                SourceSpan.ForFile(templates.Display(Path.Combine(templates.Root, "identity"))),
                "the templates have no logo: the cover, the back cover and the title slide name the entity in text only",
                $"to show the entity's logo, name it in the plan's theme (theme: {{ logo: {{ file: images/logo.svg, alt: … }} }}), or put it in a templates folder as {LogoFiles[0]} (or {LogoFiles[1]}); the shipped templates carry no entity's logo"));
        }

        var cover = Image(templates, CoverFiles, diagnostics);
        return new TemplateIdentity(logo.Image, cover.Image, diagnostics.ToSortedList());
    }

    /// <summary>The first of <paramref name="names"/> the folder has, and its image when it passes the checks.</summary>
    private static (string? Path, PlanImage? Image) Image(TemplateFolder templates, IReadOnlyList<string> names, DiagnosticBag diagnostics)
    {
        foreach (var name in names)
        {
            if (templates.PathOf(name) is { } path && (File.Exists(path) || Directory.Exists(path)))
            {
                var shown = templates.Display(path);
                return (path, PlanImages.ReadFile(path, shown, SourceSpan.ForFile(shown), diagnostics));
            }
        }

        return (null, null);
    }
}
