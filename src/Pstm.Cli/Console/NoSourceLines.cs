using Pstm.Diagnostics;

namespace Pstm.Cli.Console;

/// <summary>For diagnostics about files that are not the plan's (templates' strings, translations): no source line is quoted.</summary>
internal sealed class NoSourceLines : ISourceLines
{
    public string? GetLine(string file, int line) => null;
}
