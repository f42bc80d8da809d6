namespace Pstm.Diagnostics;

/// <summary>Gives the text of a source line, so that a diagnostic can be shown under the line it is about.</summary>
public interface ISourceLines
{
    /// <summary>The line's text without its line break, or null when the file or line is unknown.</summary>
    public string? GetLine(string file, int line);
}
