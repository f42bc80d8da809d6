using Pstm.Diagnostics;
using Pstm.Plan.Loading;
using Pstm.Rendering.Templates;

namespace Pstm.Editions;

/// <summary>What to build: from which plan, into which folder, for which locales and targets.</summary>
/// <param name="Locales">The locales to build; empty for every locale the plan declares.</param>
/// <param name="Targets">What to build; empty for all.</param>
/// <param name="TemplatesDirectory">The templates; null for the ones shipped with pstm.</param>
/// <param name="BrowserPath">The browser; null to look for one.</param>
/// <param name="SourceDateEpoch">SOURCE_DATE_EPOCH as given, for reproducible dates; null when unset.</param>
/// <param name="Strict">Missing and stale translations, and content that does not fit in the output (PSTM0625, PSTM0626), are errors, not warnings (for release builds).</param>
/// <param name="Manifest">Also write manifest.json and SHA256SUMS describing the editions (implies Force).</param>
/// <param name="Force">Rebuild every output, even those whose inputs did not change.</param>
/// <param name="Progress">Told each step as it is done, with the time since the build started.</param>
/// <param name="ChangesSince">An earlier edition: the booklet's appendix lists what changed since it.</param>
public sealed record BuildRequest(
    string PlanDirectory,
    string OutputDirectory,
    IReadOnlyList<string> Locales,
    IReadOnlyList<BuildTarget> Targets,
    string? TemplatesDirectory,
    string? BrowserPath,
    TimeSpan Timeout,
    string? SourceDateEpoch,
    bool Strict = false,
    bool Manifest = false,
    bool Force = false,
    Action<string>? Progress = null,
    ChangesSince? ChangesSince = null)
{
    /// <summary>
    /// A release (<c>build --release</c>): its version, which the files' names carry, and the source commit that
    /// manifest.json names; with <see cref="Manifest"/> alone, the commit. Null for a build that writes no manifest.
    /// </summary>
    public ReleaseSource? Release { get; init; }

    /// <summary>The templates shipped beside pstm's own files.</summary>
    public static string ShippedTemplates => Path.Combine(AppContext.BaseDirectory, "templates");

    /// <summary>
    /// The template folders of a build, top layer first: <paramref name="templatesDirectory"/>, if given, over
    /// the plan's <c>templates:</c> (the last written on top), over the shipped templates.
    /// </summary>
    public static IReadOnlyList<string> TemplateLayers(string? planDirectory, string? templatesDirectory) =>
    [
        .. templatesDirectory is null ? [] : new[] { templatesDirectory },
        .. planDirectory is null ? [] : PlanLoader.TemplateFolders(planDirectory).Reverse(),
        ShippedTemplates,
    ];

    /// <summary>The templates of a build: the folders of <see cref="TemplateLayers"/>, each file taken from the top layer that has it.</summary>
    public static TemplateFolder? OpenTemplates(string? planDirectory, string? templatesDirectory, DiagnosticBag diagnostics) =>
        TemplateFolder.OpenLayers(TemplateLayers(planDirectory, templatesDirectory), Directory.GetCurrentDirectory(), diagnostics);
}
