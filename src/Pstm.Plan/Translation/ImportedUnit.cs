using Pstm.Diagnostics;

namespace Pstm.Plan.Translation;

/// <summary>
/// One unit of a file brought back from a translator's tool (an XLIFF unit, a PO entry) as its reader
/// found it, before any check of what it says: the field it translates, where it is, and its source and
/// target read in each way its format allows, the likeliest first (XLIFF: as written, then as they were
/// before a tool reindented them; the reading whose source is the plan's text is the one taken).
/// </summary>
/// <param name="Span">Where the unit is: its XLIFF <c>&lt;unit&gt;</c>, its PO <c>msgctxt</c>.</param>
/// <param name="TargetSpan">Where its target is: the XLIFF unit, the PO <c>msgstr</c>.</param>
internal sealed record ImportedUnit(string Key, SourceSpan Span, SourceSpan TargetSpan, IReadOnlyList<ImportedReading> Readings)
{
    /// <summary>A PO entry marked <c>#, fuzzy</c>: its translation is not of the current source, or not reviewed.</summary>
    public bool Fuzzy { get; init; }

    /// <summary>
    /// What a PO entry says it was translated from (<c>#| msgctxt</c>, <c>#| msgid</c>, as msgmerge writes
    /// them): the key (null when the same) and the source text; null when it says nothing.
    /// </summary>
    public (string? Key, string Source)? Previous { get; init; }
}

/// <summary>A unit's source and target, read one way.</summary>
internal readonly record struct ImportedReading(string Source, string Target);
