namespace Pstm.Diagnostics;

/// <summary>
/// A range in a source file: 1-based lines and columns, the end column just past the last character.
/// A span with line 0 names the file only.
/// </summary>
public readonly record struct SourceSpan(string File, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    /// <summary>A span for a whole file, when no position inside it applies.</summary>
    public static SourceSpan ForFile(string file) => new(file, 0, 0, 0, 0);

    /// <summary>A span of <paramref name="length"/> characters on one line.</summary>
    public static SourceSpan At(string file, int line, int column, int length = 1) =>
        new(file, line, column, line, column + Math.Max(length, 1));

    public bool HasPosition => StartLine > 0;

    public override string ToString() => HasPosition ? $"{File}({StartLine},{StartColumn})" : File;
}
