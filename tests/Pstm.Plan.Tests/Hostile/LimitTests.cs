using Pstm.Diagnostics;
using Pstm.Plan.Loading;

namespace Pstm.Plan.Tests.Hostile;

/// <summary>
/// Inputs too large to commit: each must end in located errors with its own code, within the limits
/// (a plan folder of 60 MB is read no further than the limit, a 100,000-deep nesting never overflows
/// the stack, a billion aliased values are never expanded).
/// </summary>
public class LimitTests
{
    [Theory]
    [MemberData(nameof(HostilePlans.All), MemberType = typeof(HostilePlans))]
    public void A_hostile_plan_is_reported_with_its_code_at_a_position(string name, string code)
    {
        // Given
        using var folder = new TemporaryFolder("pstm-hostile-");
        var plan = HostilePlans.Write(name, folder.Path);

        // When
        var check = PlanCheck.Run(plan, displayRoot: plan);

        // Then
        Assert.True(check.HasErrors);
        Assert.Contains(check.Diagnostics, d => d.Code == code);
        Assert.All(check.Diagnostics.Where(d => d.IsError), d => Assert.True(d.Span.HasPosition, $"{d.Code} has no position"));
    }

    [Fact]
    public void A_file_with_more_problems_than_the_limit_reports_the_limit_and_one_more()
    {
        using var folder = new TemporaryFolder("pstm-hostile-");
        var plan = HostilePlans.Write("2000-duplicate-keys", folder.Path);

        var check = PlanCheck.Run(plan, displayRoot: plan);

        var inFile = check.Diagnostics.Where(d => d.Span.File == "c.yaml").ToList();
        Assert.Equal(PlanLimits.MaxDiagnosticsPerFile + 1, inFile.Count);
        Assert.Equal("PSTM0013", inFile[^1].Code);
    }

    [Fact]
    public void A_file_past_the_limit_is_read_no_further_than_the_limit()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, new byte[PlanLimits.MaxFileBytes + 1]);
            var diagnostics = new DiagnosticBag();

            var text = SourceFileReader.Read(path, "plan.yaml", diagnostics);

            Assert.Null(text);
            Assert.Equal("PSTM0010", Assert.Single(diagnostics.ToSortedList()).Code);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_device_that_never_ends_is_not_read_at_all()
    {
        // /dev/zero, the endless file of Linux and macOS (and CI): a device is refused before it is opened.
        var diagnostics = new DiagnosticBag();

        var text = SourceFileReader.Read("/dev/zero", "plan.yaml", diagnostics);

        Assert.Null(text);
        var diagnostic = Assert.Single(diagnostics.ToSortedList());
        Assert.Equal("PSTM0003", diagnostic.Code);
        Assert.Contains("not a regular file", diagnostic.Message, StringComparison.Ordinal);
    }
}
