using System.Text.RegularExpressions;
using Pstm.Diagnostics;

namespace Pstm.Cli.Tests;

/// <summary>
/// Replays Xliff/Hostile/: XLIFF files a translation tool, a bad merge or an attacker could hand to
/// <c>pstm i18n import</c>, each named after the code it must report (<c>PSTM0813-external-entity.xlf</c>),
/// at a line and column. An error refuses the import and leaves the plan byte-identical.
/// </summary>
public partial class XliffCorpusTests
{
    private static readonly string CorpusDirectory = Path.Combine(CliRunner.RepositoryRoot, "tests", "Pstm.Cli.Tests", "Xliff", "Hostile");

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(CorpusDirectory, "*.xlf").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void A_hostile_xliff_file_reports_its_code_at_a_line_and_column(string name)
    {
        var code = CodeOf().Match(name).Value;
        var descriptor = DiagnosticCatalog.All.Single(d => d.Code == code);
        using var plan = TemporaryPlan.Shipped();
        var before = Snapshot(plan);

        var (exitCode, output, _) = CliRunner.Run($"i18n import {plan.Path} {Path.Combine(CorpusDirectory, name)}");

        Assert.Matches($@"{Regex.Escape(name)}\(\d+,\d+\): {descriptor.Severity.ToName()} {code}: ", output);
        if (descriptor.Severity == Severity.Error)
        {
            Assert.Equal(ExitCodes.InputErrors, exitCode);
            Assert.Equal(before, Snapshot(plan));
        }
        else
        {
            Assert.Equal(ExitCodes.Success, exitCode);
        }

        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), "pstm-outside.yaml")));
    }

    private static Dictionary<string, byte[]> Snapshot(TemporaryPlan folder) =>
        Directory.EnumerateFiles(folder.Path, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder.Path, f), File.ReadAllBytes);

    [GeneratedRegex(@"^PSTM\d{4}")]
    private static partial Regex CodeOf();
}
