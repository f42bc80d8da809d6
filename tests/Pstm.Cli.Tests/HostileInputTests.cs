using System.Text.RegularExpressions;

namespace Pstm.Cli.Tests;

/// <summary>
/// `pstm validate` over hostile plans: the committed error cases of Pstm.Plan.Tests and inputs too large
/// to commit, written at test time (tests/Shared/HostilePlans.cs). Each must end in exit 1 with every error located as
/// file(line,col), a code and a hint, and never a stack trace. Time is bounded by pstm's limits, not
/// asserted here.
/// </summary>
public partial class HostileInputTests
{
    private static readonly string CasesDirectory = Path.Combine(CliRunner.RepositoryRoot, "tests", "Pstm.Plan.Tests", "Cases");

    /// <summary>Every committed case with an error, but those of a missing folder or plan.yaml, which have no line to point at.</summary>
    public static TheoryData<string> CommittedCases()
    {
        var data = new TheoryData<string>();
        foreach (var directory in Directory.GetDirectories(CasesDirectory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(directory);
            if (name.StartsWith("PSTM", StringComparison.Ordinal) && name[..8] is not ("PSTM0001" or "PSTM0002")
                && File.ReadAllText(Path.Combine(directory, "expected.txt")).Contains(": error PSTM", StringComparison.Ordinal))
            {
                data.Add(name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CommittedCases))]
    public void A_committed_hostile_case_fails_with_located_errors_and_no_stack_trace(string name)
    {
        AssertFailsWithLocatedErrors(CliRunner.PlanCase(name), name[..8]);
    }

    [Theory]
    [MemberData(nameof(HostilePlans.All), MemberType = typeof(HostilePlans))]
    public void A_generated_hostile_plan_fails_with_located_errors_and_no_stack_trace(string name, string code)
    {
        using var root = new TemporaryFolder("pstm-hostile-");
        AssertFailsWithLocatedErrors(HostilePlans.Write(name, root.Path), code);
    }

    private static void AssertFailsWithLocatedErrors(string plan, string code)
    {
        // When
        var (exitCode, output, error) = CliRunner.Run($"validate {plan}");

        // Then
        var all = output + error;
        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.DoesNotMatch(StackFrame(), all);
        var lines = output.Split('\n');
        var errors = lines.Select((line, index) => (line, index)).Where(l => l.line.Contains(": error PSTM", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(errors);
        Assert.Contains(errors, e => e.line.Contains($"error {code}:", StringComparison.Ordinal));
        foreach (var (line, index) in errors)
        {
            Assert.Matches(LocatedError(), line);
            Assert.StartsWith("  hint: ", lines[index + 1]);
        }
    }

    [GeneratedRegex(@"^.+\(\d+,\d+\): error PSTM\d{4}: .+$")]
    private static partial Regex LocatedError();

    [GeneratedRegex(@"^\s+at \S+\(.*\)", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
