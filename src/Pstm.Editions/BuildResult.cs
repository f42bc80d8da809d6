using Pstm.Diagnostics;

namespace Pstm.Editions;

/// <summary>What a build did: its diagnostics, the files it wrote, and the sources for quoting lines.</summary>
public sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<string> Outputs, ISourceLines Sources)
{
    /// <summary>Outputs left as they were because nothing they are made from changed.</summary>
    public IReadOnlyList<string> Unchanged { get; init; } = [];

    /// <summary>
    /// The files the build read, as full paths: the plan's files, the images and fonts they name, the
    /// translation files of the locales built. What a watch rebuilds for (with the templates' folders).
    /// </summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    public bool Succeeded => !Diagnostics.Any(d => d.IsError);
}
