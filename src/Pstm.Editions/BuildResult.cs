using Pstm.Diagnostics;

namespace Pstm.Editions;

/// <summary>What a build did: its diagnostics, the files it wrote, and the sources for quoting lines.</summary>
public sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<string> Outputs, ISourceLines Sources)
{
    public bool Succeeded => !Diagnostics.Any(d => d.IsError);
}
