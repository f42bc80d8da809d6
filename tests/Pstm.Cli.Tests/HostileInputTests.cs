using System.Text;
using System.Text.RegularExpressions;

namespace Pstm.Cli.Tests;

/// <summary>
/// `pstm validate` over hostile plans: the committed error cases of Pstm.Plan.Tests and inputs too large
/// to commit, written here at test time. Each must end in exit 1 with every error located as
/// file(line,col), a code and a hint, and never a stack trace. Time is bounded by pstm's limits, not
/// asserted here.
/// </summary>
public partial class HostileInputTests
{
    private static readonly string CasesDirectory = Path.Combine(CliRunner.RepositoryRoot, "tests", "Pstm.Plan.Tests", "Cases");

    private const string Header = "id: t\ntitle: T\nentity: E\nperiod: { from: 2025, to: 2027 }\nlanguage: it\n";

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

    public static TheoryData<string, string> GeneratedCases() => new()
    {
        { "file-of-60-mb", "PSTM0010" },
        { "1001-included-files", "PSTM0011" },
        { "2000-duplicate-keys", "PSTM0013" },
        { "nesting-100k-deep", "PSTM0108" },
        { "alias-bomb", "PSTM0109" },
        { "line-of-10-mb", "PSTM0101" },
        { "symbolic-link-to-folder-outside", "PSTM0007" },
    };

    [Theory]
    [MemberData(nameof(GeneratedCases))]
    public void A_generated_hostile_plan_fails_with_located_errors_and_no_stack_trace(string name, string code)
    {
        var folder = Directory.CreateTempSubdirectory("pstm-hostile-");
        var outside = Directory.CreateTempSubdirectory("pstm-outside-");
        try
        {
            Write(name, folder.FullName, outside.FullName);
            AssertFailsWithLocatedErrors(folder.FullName, code);
        }
        finally
        {
            folder.Delete(recursive: true);
            outside.Delete(recursive: true);
        }
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

    private static void Write(string name, string folder, string outside)
    {
        var content = Path.Combine(folder, "c.yaml");
        File.WriteAllText(Path.Combine(folder, "plan.yaml"), Header + "include: [c.yaml]\n");
        switch (name)
        {
            case "file-of-60-mb":
                using (var writer = new StreamWriter(content))
                {
                    writer.Write("missions:\n");
                    for (var i = 0; i < 6_000_000; i++)
                    {
                        writer.Write("  - id: M1\n");
                    }
                }

                break;
            case "1001-included-files":
                File.WriteAllText(Path.Combine(folder, "plan.yaml"), Header + "include: [\"parts/*.yaml\"]\n");
                Directory.CreateDirectory(Path.Combine(folder, "parts"));
                for (var i = 0; i <= 1000; i++)
                {
                    File.WriteAllText(Path.Combine(folder, "parts", $"{i:D4}.yaml"), "missions: []\n");
                }

                break;
            case "2000-duplicate-keys":
                File.WriteAllText(content, "missions:\n  - id: M1\n    number: 1\n" + string.Concat(Enumerable.Repeat("    title: M\n", 2000)));
                break;
            case "nesting-100k-deep":
                File.WriteAllText(content, "missions: " + new string('[', 100_000) + new string(']', 100_000) + "\n");
                break;
            case "alias-bomb":
                var bomb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
                for (var i = 1; i <= 9; i++)
                {
                    bomb.Append($"a{i}: &a{i} [" + string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10)) + "]\n");
                }

                File.WriteAllText(content, bomb + "missions: *a9\n");
                break;
            case "line-of-10-mb":
                File.WriteAllText(content, "missions:\n  - id: M1\n    number: 1\n    title: \"" + new string('a', 10_000_000) + "\n");
                break;
            case "symbolic-link-to-folder-outside":
                File.WriteAllText(Path.Combine(outside, "secret.yaml"), "missions: []\n");
                Directory.CreateSymbolicLink(Path.Combine(folder, "linked"), outside);
                File.WriteAllText(Path.Combine(folder, "plan.yaml"), Header + "include: [\"linked/*.yaml\"]\n");
                break;
            default:
                throw new ArgumentException($"no hostile plan named {name}", nameof(name));
        }
    }

    [GeneratedRegex(@"^.+\(\d+,\d+\): error PSTM\d{4}: .+$")]
    private static partial Regex LocatedError();

    [GeneratedRegex(@"^\s+at \S+\(.*\)", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
