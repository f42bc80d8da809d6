using Pstm.Diagnostics;

namespace Pstm.Plan.Loading;

/// <summary>The files a plan was loaded from, by display path; lets diagnostics quote their lines.</summary>
public sealed class SourceSet : ISourceLines
{
    private readonly Dictionary<string, SourceFile> _files = new(StringComparer.Ordinal);

    public IReadOnlyCollection<SourceFile> Files => _files.Values;

    public void Add(SourceFile file) => _files[file.DisplayPath] = file;

    /// <summary>The file shown as <paramref name="displayPath"/>, when it is one of the plan's.</summary>
    public SourceFile? Find(string displayPath) => _files.GetValueOrDefault(displayPath);

    public string? GetLine(string file, int line) =>
        _files.TryGetValue(file, out var source) ? source.GetLine(line) : null;
}
