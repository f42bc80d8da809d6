using Pstm.Diagnostics;
using Pstm.Plan.Model;

namespace Pstm.Plan.Loading;

/// <summary>
/// What loading a plan folder gave: the plan (null when <c>plan.yaml</c> itself could not be read),
/// every problem found while reading, and the files read, for quoting source lines.
/// </summary>
public sealed record PlanLoadResult(StrategicPlan? Plan, IReadOnlyList<Diagnostic> Diagnostics, SourceSet Sources);
