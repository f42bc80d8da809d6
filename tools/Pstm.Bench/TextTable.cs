using System.Text;

namespace Pstm.Bench;

/// <summary>Rows with a header, written as aligned text for the terminal or as a Markdown table for results.md.</summary>
internal sealed class TextTable(params string[] header)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] row) => _rows.Add(row);

    public string ToText()
    {
        var widths = header.Select((h, i) => _rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        foreach (var row in _rows.Prepend(header))
        {
            text.AppendJoin("  ", row.Select((cell, i) => IsNumber(cell) ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]))).Append('\n');
        }

        return text.ToString();
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", header).Append(" |\n");
        text.Append('|').AppendJoin('|', header.Select((_, i) => _rows.Count > 0 && _rows.All(r => IsNumber(r[i]) || r[i] is "-" or "n/a") ? "---:" : "---")).Append("|\n");
        foreach (var row in _rows)
        {
            text.Append("| ").AppendJoin(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))).Append(" |\n");
        }

        return text.ToString();
    }

    private static bool IsNumber(string cell) => cell.Length > 0 && char.IsAsciiDigit(cell[0]);
}
