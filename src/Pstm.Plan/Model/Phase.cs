using Pstm.Diagnostics;

namespace Pstm.Plan.Model;

/// <summary>A phase of the process that makes the plan, with its months and any dated milestones.</summary>
public sealed record Phase(
    Located<string> Id,
    Located<int> Number,
    string Title,
    MonthPeriod Period,
    IReadOnlyList<Milestone> Milestones,
    SourceSpan Span);

/// <summary>A dated event within a phase, such as a forum.</summary>
public sealed record Milestone(Located<string> Id, Located<DateOnly> Date, string Title, SourceSpan Span);
