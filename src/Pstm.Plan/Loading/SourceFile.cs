namespace Pstm.Plan.Loading;

/// <summary>A file of the plan as read from disk: the path shown to users, the full path and its text.</summary>
public sealed class SourceFile(string displayPath, string fullPath, string text)
{
    private string[]? _lines;

    /// <summary>The path printed in diagnostics (relative to the working folder when possible, with '/').</summary>
    public string DisplayPath { get; } = displayPath;

    public string FullPath { get; } = fullPath;

    public string Text { get; } = text;

    public string? GetLine(int line)
    {
        _lines ??= Text.Split('\n');
        return line >= 1 && line <= _lines.Length ? _lines[line - 1].TrimEnd('\r') : null;
    }
}
