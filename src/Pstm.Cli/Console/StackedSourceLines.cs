using Pstm.Diagnostics;

namespace Pstm.Cli.Console;

/// <summary>The source lines of several sets (two editions of a plan), asked in turn.</summary>
internal sealed class StackedSourceLines(IReadOnlyList<ISourceLines> sets) : ISourceLines
{
    public string? GetLine(string file, int line) =>
        sets.Select(set => set.GetLine(file, line)).FirstOrDefault(text => text is not null);
}
