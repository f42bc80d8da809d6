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

    /// <summary>The short name readers see (such as "Asse 1"), in place of the generated label; null when the plan gives none.</summary>
    public Located<string>? Code { get; init; }

    /// <summary>The mission's own colour, <c>#rrggbb</c>, in place of the theme's palette; null when the plan gives none.</summary>
    public Located<string>? Color { get; init; }
}

/// <summary>
/// A strategic objective: a stable id and a one-line text whose key words may carry <c>**emphasis**</c>;
/// optionally a title above it, a Markdown body of several paragraphs below it, and the actions that carry it out.
/// </summary>
public sealed record Objective(Located<string> Id, string Text, string MissionId, SourceSpan Span)
{
    public string? Title { get; init; }

    /// <summary>Paragraphs that explain the objective, in Markdown; null when there are none.</summary>
    public string? Body { get; init; }

    /// <summary>The short name readers see (such as "DS3.1"); null when the plan gives none.</summary>
    public Located<string>? Code { get; init; }

    /// <summary>The third level of the plan: what is done to reach the objective (the plan's labels name them).</summary>
    public IReadOnlyList<ObjectiveAction> Actions { get; init; } = [];
}

/// <summary>An action of an objective: a stable id and a one-line text.</summary>
public sealed record ObjectiveAction(Located<string> Id, string Text, string ObjectiveId, SourceSpan Span)
{
    /// <summary>The short name readers see; null when the plan gives none.</summary>
    public Located<string>? Code { get; init; }
}
