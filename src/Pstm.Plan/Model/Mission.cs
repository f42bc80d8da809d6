using Pstm.Diagnostics;

namespace Pstm.Plan.Model;

/// <summary>A mission (or axis) of the plan and the strategic objectives it groups.</summary>
public sealed record Mission(
    Located<string> Id,
    Located<int> Number,
    string Title,
    IReadOnlyList<Objective> Objectives,
    SourceSpan Span)
{
    /// <summary>Speaker notes for the slides, in Markdown; null when there are none.</summary>
    public string? Notes { get; init; }
}

/// <summary>A strategic objective: a stable id and a text whose key words may carry <c>**emphasis**</c>.</summary>
public sealed record Objective(Located<string> Id, string Text, string MissionId, SourceSpan Span);
