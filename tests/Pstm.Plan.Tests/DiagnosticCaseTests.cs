using Pstm.Diagnostics;

namespace Pstm.Plan.Tests;

/// <summary>
/// One folder per case under Cases/: a small plan in plan/ (with its translations, read for every
/// locale it declares, as a build reads them) and the diagnostics expected of it in expected.txt. A folder named after a code (PSTM0203-…) must report that code; a valid-… folder
/// must report no error and no warning.
/// </summary>
public class DiagnosticCaseTests
{
    private static readonly string CasesDirectory = Path.Combine(Golden.ProjectDirectory, "Cases");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var directory in Directory.GetDirectories(CasesDirectory).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(directory));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_reports_exactly_the_expected_diagnostics(string name)
    {
        // Given
        var caseDirectory = Path.Combine(CasesDirectory, name);

        // When
        var check = PlanCheck.WithEditions(Path.Combine(caseDirectory, "plan"), locales: null, strict: false, displayRoot: caseDirectory);

        // Then
        var formatter = new TextDiagnosticFormatter();
        var actual = string.Concat(check.Diagnostics.Select(d => formatter.Format(d) + "\n"));
        Golden.Verify(Path.Combine(caseDirectory, "expected.txt"), actual);

        if (name.StartsWith("PSTM", StringComparison.Ordinal))
        {
            var code = name[..8];
            Assert.Contains(check.Diagnostics, d => d.Code == code);
        }
        else if (name.StartsWith("valid-", StringComparison.Ordinal))
        {
            Assert.DoesNotContain(check.Diagnostics, d => d.Severity is Severity.Error or Severity.Warning);
        }
    }

    [Fact]
    public void Every_code_that_a_plan_can_cause_has_a_case()
    {
        // PSTM0003 (an unreadable file) cannot be committed as a case: SourceFileReaderTests covers it.
        // XLIFF codes (0805-0807, 0813-0817) come from importing a file, not from a plan: XliffTests cover them.
        // So do the codes of importing XLIFF or PO (0830-0832): XliffImportTests and PoTests cover them.
        // Limits on size (0010-0013) need inputs too large to commit: LimitTests generate them.
        // PSTM0210 (an unknown id asked of 'pstm explain') comes from the request, not the plan: ExplainCommandTests cover it.
        // PSTM0014 and PSTM0015 come from writing files into a plan, not from reading one: PlanFileWriterTests cover them.
        // PSTM0019 (an image past the size limit) needs an image too large to commit: ImageTests generate it.
        // PSTM0325 (a templates folder's label keys declared wrong) comes from the templates, not the plan: LabelKeysTests cover it.
        // PSTM0418 (a plan without 'publication:') is told by validate and build, not by the plan's own check: PublicationTests cover it.
        // PSTM0420-0423 (a font file that cannot be used) need fonts built byte by byte: FontFileTests build them.
        string[] elsewhere = ["PSTM0003", "PSTM0010", "PSTM0011", "PSTM0012", "PSTM0013", "PSTM0014", "PSTM0015", "PSTM0019", "PSTM0210", "PSTM0325", "PSTM0418", "PSTM0420", "PSTM0421", "PSTM0422", "PSTM0423", "PSTM0830", "PSTM0831", "PSTM0832"];
        var xliff = PlanDiagnostics.All.Where(d => d.Title.Contains("XLIFF", StringComparison.Ordinal)).Select(d => d.Code).ToHashSet();
        var covered = Directory.GetDirectories(CasesDirectory).Select(Path.GetFileName).Select(n => n![..Math.Min(8, n!.Length)]).ToHashSet();
        var missing = PlanDiagnostics.All.Select(d => d.Code)
            .Where(c => !elsewhere.Contains(c) && !xliff.Contains(c) && !covered.Contains(c))
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void There_are_at_least_thirty_invalid_cases()
    {
        var invalid = Directory.GetDirectories(CasesDirectory).Count(d => Path.GetFileName(d).StartsWith("PSTM", StringComparison.Ordinal));
        Assert.True(invalid >= 30, $"only {invalid} invalid cases");
    }
}
