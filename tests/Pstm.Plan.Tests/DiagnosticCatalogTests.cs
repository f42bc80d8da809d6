using System.Text.RegularExpressions;

namespace Pstm.Plan.Tests;

public partial class DiagnosticCatalogTests
{
    [Fact]
    public void Codes_are_unique_and_well_formed()
    {
        var codes = PlanDiagnostics.All.Select(d => d.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, code => Assert.Matches(CodePattern(), code));
    }

    [Fact]
    public void The_readme_documents_every_code_with_its_severity()
    {
        var readme = File.ReadAllText(Path.Combine(Golden.RepositoryRoot, "README.md"));
        var missing = PlanDiagnostics.All
            .Where(d => !readme.Contains($"| {d.Code} | {d.Severity.ToString().ToLowerInvariant()} |", StringComparison.Ordinal))
            .Select(d => d.Code)
            .ToList();
        Assert.Empty(missing);
    }

    [GeneratedRegex(@"^PSTM\d{4}$")]
    private static partial Regex CodePattern();
}
