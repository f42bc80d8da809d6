using System.Text;

namespace Pstm.Diagnostics;

/// <summary>
/// Writes diagnostics as <c>file(line,col): severity CODE: message</c>, the form compilers and CI
/// problem matchers understand; optionally followed by the source line with carets under the span.
/// </summary>
public sealed class TextDiagnosticFormatter(ISourceLines? sources = null, bool showSource = false, bool useColor = false)
{
    private const string Reset = "\u001b[0m";
    private const string Bold = "\u001b[1m";
    private const string Red = "\u001b[31m";
    private const string Yellow = "\u001b[33m";
    private const string Cyan = "\u001b[36m";
    private const string Dim = "\u001b[2m";

    public string Format(Diagnostic diagnostic)
    {
        var text = new StringBuilder();
        var severity = diagnostic.Severity.ToName();
        text.Append(diagnostic.Span.ToString()).Append(": ");
        text.Append(Paint($"{severity} {diagnostic.Code}", ColorOf(diagnostic.Severity))).Append(": ");
        text.Append(diagnostic.Message);

        if (showSource && sources is not null && diagnostic.Span.HasPosition)
        {
            AppendSourceExcerpt(text, diagnostic.Span);
        }

        if (!string.IsNullOrEmpty(diagnostic.Hint))
        {
            text.Append('\n').Append(showSource ? "     = " : "  ").Append(Paint("hint:", Cyan)).Append(' ').Append(diagnostic.Hint);
        }

        return text.ToString();
    }

    /// <summary>The closing line: counts of errors, warnings and infos.</summary>
    public static string Summary(int errors, int warnings, int infos)
    {
        var parts = new List<string> { Count(errors, "error"), Count(warnings, "warning") };
        if (infos > 0)
        {
            parts.Add(Count(infos, "info"));
        }

        return string.Join(", ", parts);
    }

    private static string Count(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";

    private void AppendSourceExcerpt(StringBuilder text, SourceSpan span)
    {
        var line = sources!.GetLine(span.File, span.StartLine);
        if (line is null)
        {
            return;
        }

        // Tabs would shift the carets; one space per tab keeps columns aligned with the message.
        line = line.Replace('\t', ' ');
        var number = span.StartLine.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var gutter = new string(' ', number.Length);
        var start = Math.Clamp(span.StartColumn, 1, line.Length + 1);
        var end = span.EndLine == span.StartLine ? span.EndColumn : line.Length + 1;
        var width = Math.Max(1, Math.Min(end, line.Length + 1) - start);

        text.Append('\n').Append(Paint($" {number} | ", Dim)).Append(line);
        text.Append('\n').Append(Paint($" {gutter} | ", Dim))
            .Append(new string(' ', start - 1))
            .Append(Paint(new string('^', width), Bold));
    }

    private static string ColorOf(Severity severity) => severity switch
    {
        Severity.Error => Red,
        Severity.Warning => Yellow,
        _ => Cyan,
    };

    private string Paint(string text, string color) => useColor ? color + text + Reset : text;
}
