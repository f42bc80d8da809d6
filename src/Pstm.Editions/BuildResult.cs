using Pstm.Diagnostics;

namespace Pstm.Editions;

/// <summary>What a build did: its diagnostics, the files it wrote, and the sources for quoting lines.</summary>
public sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<string> Outputs, ISourceLines Sources)
{
    /// <summary>Outputs left as they were because nothing they are made from changed.</summary>
    public IReadOnlyList<string> Unchanged { get; init; } = [];

    public bool Succeeded => !Diagnostics.Any(d => d.IsError);
}
