using Scriban.Syntax;

namespace Pstm.Rendering.Templates;

/// <summary>A template named a file that is none of the templates' (<c>asset</c>, <c>stylesheet</c>): stops the template, its diagnostic already reported.</summary>
internal sealed class TemplateAssetException(Scriban.Parsing.SourceSpan span) : ScriptRuntimeException(span, "a file the template names is no file of the templates");
