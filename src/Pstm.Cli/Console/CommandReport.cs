using System.Text.Json;
using Pstm.Diagnostics;

namespace Pstm.Cli.Console;

/// <summary>
/// What a command has to report when it ends: its diagnostics, whether it did its job, and what it
/// adds to each format (lines after the diagnostics in text, members of the JSON document).
/// </summary>
/// <param name="Subject">What the command worked on (a plan folder, or two editions), as the JSON document's "plan".</param>
internal sealed record CommandReport(string Subject, IReadOnlyCollection<Diagnostic> Diagnostics, ISourceLines Sources)
{
    /// <summary>False when the command could not do its job for another reason than its diagnostics' errors.</summary>
    public bool Succeeded { get; init; } = true;

    /// <summary>Lines after the diagnostics, in text and under the GitHub annotations.</summary>
    public Action<TextWriter>? Text { get; init; }

    /// <summary>The last text line, given whether the command failed ("plan valid: 0 errors, …").</summary>
    public Func<bool, string>? Verdict { get; init; }

    /// <summary>Members the JSON document adds after the diagnostics.</summary>
    public Action<Utf8JsonWriter>? Json { get; init; }

    /// <summary>The exit code when the command fails.</summary>
    public int FailureExitCode { get; init; } = ExitCodes.InputErrors;
}
