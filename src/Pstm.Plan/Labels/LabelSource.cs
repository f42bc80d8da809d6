using Pstm.Diagnostics;

namespace Pstm.Plan.Labels;

/// <summary>Where a label of the plan is written: its key, for an unknown key, and its text, for a wrong placeholder.</summary>
public sealed record LabelSource(SourceSpan Key, SourceSpan Value);
