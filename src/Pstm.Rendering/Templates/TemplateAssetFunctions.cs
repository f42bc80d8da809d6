using Pstm.Diagnostics;
using Scriban;
using Scriban.Runtime;

namespace Pstm.Rendering.Templates;

/// <summary>
/// The templates' functions for files of the templates, by their path from the templates' root:
/// <c>{{ asset 'images/band.svg' }}</c> is the address the document names the file by (<c>assets/…</c>,
/// the file copied beside a booklet, or a data: URL in a deck), and <c>{{ stylesheet 'slides/identity.css' }}</c>
/// a stylesheet's text for a <c>style</c> element, with what it imports and refers to. A path that is
/// no file of the templates stops the template with a diagnostic at the call (PSTM0520, PSTM0521).
/// </summary>
internal static class TemplateAssetFunctions
{
    public static ScriptObject Create(TemplateAssets assets, DiagnosticBag diagnostics, string fallbackFile, Func<Scriban.Parsing.SourceSpan, SourceSpan> locate)
    {
        var functions = new ScriptObject();
        functions.Import("asset", new Func<TemplateContext, Scriban.Parsing.SourceSpan, string?, string>((_, span, path) =>
            Checked(assets.AddressOf(path ?? "", span.FileName ?? fallbackFile, locate(span), diagnostics, out var problem), problem, span, diagnostics)));
        functions.Import("stylesheet", new Func<TemplateContext, Scriban.Parsing.SourceSpan, string?, string>((_, span, path) =>
            Checked(assets.InlineOf(path ?? "", span.FileName ?? fallbackFile, locate(span), diagnostics, out var problem), problem, span, diagnostics)
                .Replace("</style", "<\\/style", StringComparison.OrdinalIgnoreCase)));
        return functions;
    }

    private static string Checked(string? result, Diagnostic? problem, Scriban.Parsing.SourceSpan span, DiagnosticBag diagnostics)
    {
        if (result is not null)
        {
            return result;
        }

        diagnostics.Add(problem!);
        throw new TemplateAssetException(span);
    }
}
