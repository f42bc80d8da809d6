using Pstm.Diagnostics;

namespace Pstm.Plan.Model;

/// <summary>A chapter of the plan: its number and title, an optional Markdown body, and the sections placed in it.</summary>
public sealed record Chapter(
    Located<string> Id,
    Located<int> Number,
    string Title,
    string? Body,
    IReadOnlyList<Located<string>> Sections,
    SourceSpan Span);
