namespace Pstm.Diagnostics;

/// <summary>
/// Writes diagnostics as GitHub Actions workflow commands (<c>::error file=…,line=…,col=…::message</c>),
/// which GitHub shows as annotations on the changed files. A runner reads each line of the output for
/// commands, so a diagnostic is always exactly one line: CR and LF are encoded as GitHub asks
/// (<c>%0D</c>, <c>%0A</c>) and every other control character escaped (<see cref="PrintableText"/>).
/// </summary>
public static class GitHubDiagnosticFormatter
{
    public static string Format(Diagnostic diagnostic)
    {
        var command = diagnostic.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "notice",
        };
        var properties = new List<string> { $"file={Property(diagnostic.Span.File)}" };
        if (diagnostic.Span.HasPosition)
        {
            properties.Add($"line={diagnostic.Span.StartLine}");
            properties.Add($"col={diagnostic.Span.StartColumn}");
            properties.Add($"endLine={diagnostic.Span.EndLine}");
            properties.Add($"endColumn={diagnostic.Span.EndColumn}");
        }

        properties.Add($"title={Property(diagnostic.Code)}");
        var message = diagnostic.Hint is null ? diagnostic.Message : $"{diagnostic.Message}\n{diagnostic.Hint}";
        return $"::{command} {string.Join(',', properties)}::{Data(message)}";
    }

    // The escaping GitHub's runner expects: data escapes %, CR and LF; properties also ':' and ','.
    private static string Data(string text) =>
        PrintableText.Escape(text, keepLineBreaks: true).Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string text) =>
        Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
