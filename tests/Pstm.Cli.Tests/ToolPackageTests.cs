namespace Pstm.Cli.Tests;

/// <summary>pstm as users install it: packed as a .NET tool, installed from the .nupkg, run from its own folder.</summary>
public class ToolPackageTests
{
    [Fact]
    public void The_packed_tool_installs_and_builds_the_shipped_plan_with_its_own_templates()
    {
        using var root = new TemporaryFolder("pstm-tool-");
        var tools = Path.Combine(root.Path, "tools");
        // A private package folder: the tool comes from this .nupkg, not from a cache of an earlier one.
        var isolated = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(root.Path, "nuget") };

        var install = PackedTool.Run("dotnet", ["tool", "install", "pstm", "--tool-path", tools, "--add-source", PackedTool.Packages, "--version", PackedTool.Version], root.Path, isolated);
        Assert.True(install.ExitCode == 0, install.Output);

        var pstm = Path.Combine(tools, OperatingSystem.IsWindows() ? "pstm.exe" : "pstm");
        var version = PackedTool.Run(pstm, ["--version"], root.Path);
        var build = PackedTool.Run(pstm, ["build", CliRunner.ShippedPlan, "--target", "booklet", "--locale", "it", "--out", Path.Combine(root.Path, "dist")], root.Path);

        Assert.Equal(0, version.ExitCode);
        Assert.Equal(PackedTool.Version, version.Output.Trim());
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.True(File.Exists(Path.Combine(root.Path, "dist", "it", "booklet.pdf")));
    }
}
