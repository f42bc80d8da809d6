using Pstm.Diagnostics;

namespace Pstm.Plan.Model;

/// <summary>
/// A thematic driver: a priority line of work that selects and combines objectives of one or more missions.
/// Subtitle and description may be missing while the text is being written.
/// </summary>
public sealed record Driver(
    Located<string> Id,
    Located<int> Number,
    string Name,
    string? CoverName,
    string? Subtitle,
    string? Description,
    IReadOnlyList<Located<string>> Missions,
    IReadOnlyList<Located<string>> Objectives,
    SourceSpan Span)
{
    /// <summary>Speaker notes for the slides, in Markdown; null when there are none.</summary>
    public string? Notes { get; init; }

    /// <summary>The short name readers see (such as "DS3"), in place of the generated label; null when the plan gives none.</summary>
    public Located<string>? Code { get; init; }
}
