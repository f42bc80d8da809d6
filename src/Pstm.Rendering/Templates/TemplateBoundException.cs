using Scriban.Syntax;

namespace Pstm.Rendering.Templates;

/// <summary>A template stopped by one of <see cref="BoundedTemplateContext"/>'s bounds.</summary>
internal sealed class TemplateBoundException(Scriban.Parsing.SourceSpan span, string message) : ScriptRuntimeException(span, message);
