using Pstm.Diagnostics;
using Pstm.Plan.Coverage;
using Pstm.Plan.Model;
using Pstm.Rendering.Booklet;
using Pstm.Rendering.Templates;
using Pstm.Rendering.Text;

namespace Pstm.Rendering.Slides;

/// <summary>
/// Renders the deck through <c>slides/layout.sbn-html</c> as one self-contained HTML file: the theme,
/// the slides' stylesheet and script, and every file they refer to (as data URLs) are inlined, so that it works from
/// file:// with no network; its policy (see <see cref="DeckPolicy"/>) keeps it so.
/// </summary>
public static class SlidesRenderer
{
    public const string Layout = "slides/layout.sbn-html";

    /// <summary>
    /// The deck ready to be measured: its measuring HTML (each section on one slide with all its
    /// items) and what renders the deck once the browser has measured it; null after reporting in
    /// <paramref name="diagnostics"/> why not.
    /// </summary>
    public static DeckDraft? Draft(StrategicPlan plan, CoverageReport coverage, TemplateFolder templates, BookletOptions options, DiagnosticBag diagnostics, CancellationToken cancellation = default)
    {
        if (EditionModel.Create(plan, coverage, templates, options, diagnostics) is not var (view, model))
        {
            return null;
        }

        var assets = TemplateAssets.Inlined(templates);
        var errors = diagnostics.ErrorCount;
        model["inline_css"] = InlineCss(assets, diagnostics) + ThemeCss.ForDeck(plan) + view.MissionColorCss;
        if (diagnostics.ErrorCount > errors)
        {
            return null;
        }

        model["inline_script"] = ReadText(templates, "slides/slides.js").Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
        var sections = SlidePlanner.Sections(view, plan);
        model["slides"] = SlidePlanner.Measuring(sections);
        return templates.Render(Layout, model, diagnostics, assets, cancellation) is { } html
            ? new DeckDraft(Finished(html, options.Locale), sections, templates, assets, model, options.Locale)
            : null;
    }

    /// <summary>
    /// The deck unmeasured, each section on one slide with all its items (what a browser would cut),
    /// for what reads the deck's content without printing it; null after reporting why not.
    /// </summary>
    public static string? Render(StrategicPlan plan, CoverageReport coverage, TemplateFolder templates, BookletOptions options, DiagnosticBag diagnostics, CancellationToken cancellation = default) =>
        Draft(plan, coverage, templates, options, diagnostics, cancellation) is { } draft
            ? draft.Finish(DeckLayout.Unmeasured(draft.Sections), diagnostics, cancellation: cancellation).Html
            : null;

    /// <summary>The deck of <paramref name="slides"/>, or null after reporting why not.</summary>
    internal static string? Render(DeckDraft draft, IReadOnlyList<SlideView> slides, DiagnosticBag diagnostics, CancellationToken cancellation)
    {
        draft.Model["slides"] = slides;
        return draft.Templates.Render(Layout, draft.Model, diagnostics, draft.Assets, cancellation) is { } html ? Finished(html, draft.Language) : null;
    }

    // The deck's policy, then the booklet's finish (curly quotes, dashes, the language of untranslated parts
    // on their blocks) without hyphenation: slides are short lines of large text, better unbroken. Measured as shown.
    private static string Finished(string html, string language) =>
        Typesetting.Apply(LanguageOnBlocks.Apply(DeckPolicy.Apply(html)), language, hyphenate: false);

    /// <summary>The theme, what it imports (the fonts, as data URLs) first, then the slides' stylesheet.</summary>
    private static string InlineCss(TemplateAssets assets, DiagnosticBag diagnostics) =>
        (assets.Inline("theme.css", diagnostics) + "\n" + assets.Inline("slides/slides.css", diagnostics))
            .Replace("</style", "<\\/style", StringComparison.OrdinalIgnoreCase);

    private static string ReadText(TemplateFolder templates, string relative) =>
        templates.PathOf(relative) is { } path && File.Exists(path) ? File.ReadAllText(path) : "";
}
