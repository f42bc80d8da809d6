namespace Pstm.Diagnostics;

/// <summary>Collects diagnostics from every stage so that all problems are reported in one run.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public int Count => _items.Count;

    public bool HasErrors => _items.Any(d => d.IsError);

    public int ErrorCount => _items.Count(d => d.Severity == Severity.Error);

    public int WarningCount => _items.Count(d => d.Severity == Severity.Warning);

    public int InfoCount => _items.Count(d => d.Severity == Severity.Info);

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    /// <summary>The diagnostics in a stable order: by file, then position, then code.</summary>
    public IReadOnlyList<Diagnostic> ToSortedList() => Sort(_items);

    /// <summary>Sorts diagnostics by file, position and code, keeping the order of equal ones.</summary>
    public static IReadOnlyList<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .OrderBy(d => d.Span.File, StringComparer.Ordinal)
            .ThenBy(d => d.Span.StartLine)
            .ThenBy(d => d.Span.StartColumn)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
}
