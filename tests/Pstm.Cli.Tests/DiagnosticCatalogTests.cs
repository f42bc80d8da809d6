using System.Text.RegularExpressions;
using Pstm.Diagnostics;

namespace Pstm.Cli.Tests;

/// <summary>Every code any part of pstm can report is unique and documented in the README.</summary>
public partial class DiagnosticCatalogTests
{
    private static readonly IReadOnlyList<DiagnosticDescriptor> All = DiagnosticCatalog.All;

    [Fact]
    public void Codes_are_unique_and_well_formed()
    {
        var codes = All.Select(d => d.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, code => Assert.Matches(CodePattern(), code));
    }

    [Fact]
    public void The_readme_documents_every_code_with_its_severity()
    {
        var readme = File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "README.md"));
        var missing = All
            .Where(d => !readme.Contains($"| {d.Code} | {d.Severity.ToString().ToLowerInvariant()} |", StringComparison.Ordinal))
            .Select(d => d.Code)
            .ToList();
        Assert.Empty(missing);
    }

    [GeneratedRegex(@"^PSTM\d{4}$")]
    private static partial Regex CodePattern();
}
