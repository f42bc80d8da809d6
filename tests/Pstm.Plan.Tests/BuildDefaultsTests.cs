using Pstm.Diagnostics;
using Pstm.Plan.Loading;

namespace Pstm.Plan.Tests;

/// <summary><c>build:</c> of plan.yaml: the defaults of a bare <c>pstm build</c>, checked where they are written.</summary>
public class BuildDefaultsTests
{
    private const string Head = "id: p\ntitle: Piano\nentity: Ente\nperiod: { from: 2025, to: 2027 }\nlanguage: it\nlocales: [it, en]\n";

    [Fact]
    public void The_defaults_are_read_with_the_output_folder_relative_to_the_plan_folder()
    {
        using var folder = new TemporaryFolder("pstm-build-defaults-");
        File.WriteAllText(Path.Combine(folder.Path, "plan.yaml"), Head + "build:\n  out: ../editions\n  locales: [en]\n  targets: [booklet]\n");

        var check = PlanCheck.Run(folder.Path, folder.Path);
        var defaults = BuildDefaultsReader.Peek(folder.Path);

        Assert.DoesNotContain(check.Diagnostics, d => d.Code == "PSTM0305" || d.Code == "PSTM0301");
        Assert.Equal(["en"], check.Plan!.Build.Locales.Select(l => l.Value));
        Assert.Equal(["booklet"], defaults.Targets.Select(t => t.Value));
        Assert.Equal(Path.GetFullPath(Path.Combine(folder.Path, "..", "editions")), defaults.OutputDirectory(folder.Path));
    }

    [Theory]
    [InlineData("  locales: [fr]\n", 8, 13, "locale 'fr', which the plan does not declare")]
    [InlineData("  targets: [booklet, pdf]\n", 8, 22, "'pdf' is not something pstm builds")]
    [InlineData("  out: .\n", 8, 8, "is the plan folder itself")]
    [InlineData("  out: ..\n", 8, 8, "a folder that holds the plan folder")]
    public void A_wrong_default_is_an_error_at_its_place_and_left_out_of_the_defaults(string entry, int line, int column, string message)
    {
        using var folder = new TemporaryFolder("pstm-build-defaults-");
        File.WriteAllText(Path.Combine(folder.Path, "plan.yaml"), Head + "build:\n" + entry);

        var check = PlanCheck.Run(folder.Path, folder.Path);
        var defaults = BuildDefaultsReader.Peek(folder.Path);

        var error = Assert.Single(check.Diagnostics, d => d.Code == "PSTM0305");
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal((line, column), (error.Span.StartLine, error.Span.StartColumn));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Null(defaults.Out);
        Assert.Empty(defaults.Locales);
        Assert.Equal(entry.Contains("booklet", StringComparison.Ordinal) ? ["booklet"] : [], defaults.Targets.Select(t => t.Value));
    }

    [Fact]
    public void An_unknown_key_of_the_defaults_is_named_with_the_keys_it_may_have()
    {
        using var folder = new TemporaryFolder("pstm-build-defaults-");
        File.WriteAllText(Path.Combine(folder.Path, "plan.yaml"), Head + "build:\n  output: dist\n");

        var check = PlanCheck.Run(folder.Path, folder.Path);

        var unknown = Assert.Single(check.Diagnostics, d => d.Code == "PSTM0301");
        Assert.Contains("'output'", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("out, locales, targets", unknown.Hint, StringComparison.Ordinal);
    }
}
