using Pstm.Diagnostics;
using Pstm.Plan.Loading;

namespace Pstm.Plan.Validation;

/// <summary>
/// Finds where a part of a plan text is written in its YAML file: the first line of the part, looked
/// for among the lines of the item that holds the text. A part the file does not hold as written (a
/// quoted text with escapes, a folded one) is located at the item.
/// </summary>
internal sealed class TextLocator(SourceSet sources)
{
    public SourceSpan Locate(SourceSpan item, string part)
    {
        var snippet = part.Split('\n')[0].TrimEnd('\r').Trim();
        if (snippet.Length == 0 || sources.Find(item.File) is not { } file || !item.HasPosition)
        {
            return item;
        }

        var last = item.EndLine >= item.StartLine ? item.EndLine : int.MaxValue;
        for (var number = item.StartLine; number <= last && file.GetLine(number) is { } line; number++)
        {
            var column = line.IndexOf(snippet, StringComparison.Ordinal);
            if (column >= 0)
            {
                return SourceSpan.At(item.File, number, column + 1, snippet.Length);
            }
        }

        return item;
    }
}
