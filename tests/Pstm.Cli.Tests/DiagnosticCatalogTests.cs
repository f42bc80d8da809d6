using System.Text.RegularExpressions;
using Pstm.Diagnostics;

namespace Pstm.Cli.Tests;

/// <summary>
/// Every code any part of pstm can report is unique and documented in docs/diagnostics.md, each in a
/// row that starts with its anchor (SARIF's helpUri points there: docs/diagnostics.md#pstm0101).
/// </summary>
public partial class DiagnosticCatalogTests
{
    private static readonly IReadOnlyList<DiagnosticDescriptor> All = DiagnosticCatalog.All;

    private static string Documentation => File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "docs", "diagnostics.md")).Replace("\r\n", "\n");

    [Fact]
    public void Codes_are_unique_and_well_formed()
    {
        var codes = All.Select(d => d.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, code => Assert.Matches(CodePattern(), code));
    }

    [Fact]
    public void The_documentation_lists_every_code_with_its_severity()
    {
        var documentation = Documentation;
        var missing = All
            .Where(d => !documentation.Contains($"{d.Code} | {d.Severity.ToString().ToLowerInvariant()} |", StringComparison.Ordinal))
            .Select(d => d.Code)
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Each_code_has_its_anchor_at_the_start_of_its_row()
    {
        var documentation = Documentation;
        var missing = All
            .Where(d => !documentation.Contains($"\n| {Anchor(d.Code)}{d.Code} | {d.Severity.ToString().ToLowerInvariant()} |", StringComparison.Ordinal))
            .Select(d => d.Code)
            .ToList();
        Assert.Empty(missing);

        var twice = All.Where(d => Count(documentation, Anchor(d.Code)) != 1).Select(d => d.Code).ToList();
        Assert.Empty(twice);
    }

    [Fact]
    public void The_documentation_lists_no_code_that_pstm_does_not_have()
    {
        var codes = All.Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        var documented = DocumentedRow().Matches(Documentation).Select(m => m.Groups["code"].Value).ToList();
        Assert.Equal(documented.Count, documented.Distinct().Count());
        var unknown = documented.Where(c => !codes.Contains(c)).ToList();
        Assert.Empty(unknown);
    }

    /// <summary>The anchor a URL names a code's entry by: its code in lower case.</summary>
    private static string Anchor(string code) => $"<a id=\"{code.ToLowerInvariant()}\"></a>";

    private static int Count(string text, string part) => Regex.Count(text, Regex.Escape(part));

    [GeneratedRegex(@"^PSTM\d{4}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^\| (?:<a id=""pstm\d{4}""></a>)?(?<code>PSTM\d{4}) \|", RegexOptions.Multiline)]
    private static partial Regex DocumentedRow();
}
