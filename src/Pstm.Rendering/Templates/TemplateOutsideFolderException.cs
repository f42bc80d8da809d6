using Scriban.Syntax;

namespace Pstm.Rendering.Templates;

/// <summary>An include that names no file of the templates folder; reported as PSTM0505.</summary>
internal sealed class TemplateOutsideFolderException(Scriban.Parsing.SourceSpan span, string message) : ScriptRuntimeException(span, message);
