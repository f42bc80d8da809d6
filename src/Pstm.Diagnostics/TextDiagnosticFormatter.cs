using System.Text;

namespace Pstm.Diagnostics;

/// <summary>
/// Writes diagnostics as <c>file(line,col): severity CODE: message</c>, the form compilers and CI
/// problem matchers understand; optionally followed by the source line with carets under the span.
/// Every text from the input (file name, message, hint, source line) is printed through
/// <see cref="PrintableText"/>, so that a diagnostic is always the lines pstm writes, nothing a terminal obeys.
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
        text.Append(PrintableText.Escape(diagnostic.Span.ToString())).Append(": ");
        text.Append(Paint($"{severity} {diagnostic.Code}", ColorOf(diagnostic.Severity))).Append(": ");
        text.Append(PrintableText.Escape(diagnostic.Message));

        if (showSource && sources is not null && diagnostic.Span.HasPosition)
        {
            AppendSourceExcerpt(text, diagnostic.Span);
        }

        if (!string.IsNullOrEmpty(diagnostic.Hint))
        {
            text.Append('\n').Append(showSource ? "     = " : "  ").Append(Paint("hint:", Cyan)).Append(' ').Append(PrintableText.Escape(diagnostic.Hint));
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
        end = Math.Max(start + 1, Math.Min(end, line.Length + 1));

        // The line is printed escaped: the carets stand under the escaped text, an escape counting its width.
        var before = PrintableText.Escape(line[..(start - 1)]);
        var under = PrintableText.Escape(line[(start - 1)..Math.Min(end - 1, line.Length)]);
        var after = PrintableText.Escape(line[Math.Min(end - 1, line.Length)..]);

        text.Append('\n').Append(Paint($" {number} | ", Dim)).Append(before).Append(under).Append(after);
        text.Append('\n').Append(Paint($" {gutter} | ", Dim))
            .Append(new string(' ', before.Length))
            .Append(Paint(new string('^', Math.Max(1, under.Length)), Bold));
    }

    private static string ColorOf(Severity severity) => severity switch
    {
        Severity.Error => Red,
        Severity.Warning => Yellow,
        _ => Cyan,
    };

    private string Paint(string text, string color) => useColor ? color + text + Reset : text;
}
