using Pstm.Diagnostics;
using Pstm.Rendering.Templates;
using Scriban.Runtime;

namespace Pstm.Rendering.Slides;

/// <summary>
/// A deck between rendering and printing: <c>MeasuringHtml</c> is loaded in the tab that prints, pstm's
/// <see cref="DeckMeasure"/> script measures it, and <see cref="Finish"/> renders the deck from the
/// measured layout. The measuring HTML depends on the same inputs as the deck, so it is what the
/// build's fingerprint of the deck is taken from.
/// </summary>
public sealed class DeckDraft
{
    private readonly object _rendering = new();

    internal DeckDraft(string measuringHtml, IReadOnlyList<SlideSection> sections, TemplateFolder templates, TemplateAssets assets, ScriptObject model, string language)
    {
        Assets = assets;
        MeasuringHtml = measuringHtml;
        Language = language;
        Sections = sections;
        Templates = templates;
        Model = model;
    }

    public string MeasuringHtml { get; }

    public IReadOnlyList<SlideSection> Sections { get; }

    internal TemplateFolder Templates { get; }

    /// <summary>The deck's files, inlined: each read and encoded once for all the renders of the deck.</summary>
    internal TemplateAssets Assets { get; }

    internal ScriptObject Model { get; }

    /// <summary>The edition's language, for the typographic finish of the deck's text.</summary>
    internal string Language { get; }

    /// <summary>The deck's slides and HTML as <paramref name="layout"/> cuts them; null HTML after reporting why not.</summary>
    public (IReadOnlyList<SlideView> Slides, string? Html) Finish(DeckLayout layout, DiagnosticBag diagnostics, bool strict = false, CancellationToken cancellation = default)
    {
        var slides = SlidePlanner.Plan(Sections, layout, diagnostics, strict);
        foreach (var element in layout.SmallText)
        {
            diagnostics.Add(RenderingDiagnostics.SlideTextTooSmall.Create(
                Templates.PathOf("slides/slides.css") is { } css ? SourceSpan.ForFile(css) : SourceSpan.ForFile("slides.css"),
                strict ? Severity.Error : Severity.Warning,
                $"text on the deck's slides ({element}) is smaller than its minimum size (--deck-min-text)",
                "give it a larger font-size in the templates' stylesheet, or lower --deck-min-text if a smaller size is meant"));
        }

        // The model is the draft's own; one render at a time.
        lock (_rendering)
        {
            return (slides, SlidesRenderer.Render(this, slides, diagnostics, cancellation));
        }
    }
}
