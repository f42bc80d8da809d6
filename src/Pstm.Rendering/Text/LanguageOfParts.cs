using Pstm.Plan.Images;
using Pstm.Plan.Model;

namespace Pstm.Rendering.Text;

/// <summary>
/// A plan text as HTML, marked with its language when it is not the edition's: a text left in the
/// source language for want of a translation is read by screen readers in that language (WCAG 3.1.2).
/// </summary>
/// <param name="plan">The edition's plan, which knows which of its texts are untranslated and the images they show.</param>
/// <param name="imageSource">
/// The address an image of the plan is shown from: by default its copy among the booklet's assets; the
/// deck, one self-contained file, passes the image's data URL.
/// </param>
public sealed class LanguageOfParts(StrategicPlan plan, Func<PlanImage, string>? imageSource = null)
{
    private readonly Func<PlanImage, string> _imageSource = imageSource ?? (image => "assets/" + image.AssetName);

    /// <summary>Inline Markdown, as <see cref="HtmlText.Inline"/>; <paramref name="key"/> is the text's translation key.</summary>
    public string Inline(string key, string text) => Mark(key, HtmlText.Inline(text), "span");

    /// <summary>Inline Markdown of an optional text; null for none.</summary>
    public string? InlineOrNull(string key, string? text) => text is null ? null : Inline(key, text);

    /// <summary>Block Markdown, as <see cref="HtmlText.Block"/>.</summary>
    public string Block(string key, string? text, int topLevel) =>
        text is null ? "" : Mark(key, HtmlText.Block(text, topLevel, address => plan.Images.Find(address) is { } image ? _imageSource(image) : null), "div");

    private string Mark(string key, string html, string element) =>
        html.Length > 0 && plan.SourceLanguage is { } language && plan.Untranslated.Contains(key)
            ? $"<{element} lang=\"{HtmlText.Escape(language)}\">{html}</{element}>"
            : html;
}
