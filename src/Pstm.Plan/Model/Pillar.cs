using Pstm.Diagnostics;

namespace Pstm.Plan.Model;

/// <summary>A pillar of the plan's vision: a name and its definition.</summary>
public sealed record Pillar(Located<string> Id, string Name, string Definition, SourceSpan Span);
