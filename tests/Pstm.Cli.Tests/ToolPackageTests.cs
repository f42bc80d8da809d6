using System.Diagnostics;

namespace Pstm.Cli.Tests;

/// <summary>pstm as users install it: packed as a .NET tool, installed from the .nupkg, run from its own folder.</summary>
public class ToolPackageTests
{
    private static (int ExitCode, string Output) Run(string file, string arguments, string workingDirectory, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(4)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out");
        }

        return (process.ExitCode, output.Result + error.Result);
    }

    [Fact]
    public void The_packed_tool_installs_and_builds_the_shipped_plan_with_its_own_templates()
    {
        using var root = new TemporaryFolder("pstm-tool-");
        var packages = Path.Combine(root.Path, "packages");
        var tools = Path.Combine(root.Path, "tools");
        // A private package folder: the tool comes from this .nupkg, not from a cache of an earlier one.
        var isolated = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(root.Path, "nuget") };

        var pack = Run("dotnet", $"pack src/Pstm.Cli -c Release -o {packages} -p:MinVerVersionOverride=0.0.0-test", CliRunner.RepositoryRoot);
        Assert.True(pack.ExitCode == 0, pack.Output);
        var install = Run("dotnet", $"tool install pstm --tool-path {tools} --add-source {packages} --version 0.0.0-test", root.Path, isolated);
        Assert.True(install.ExitCode == 0, install.Output);

        var pstm = Path.Combine(tools, OperatingSystem.IsWindows() ? "pstm.exe" : "pstm");
        var version = Run(pstm, "--version", root.Path);
        var build = Run(pstm, $"build {CliRunner.ShippedPlan} --target booklet --locale it --out {Path.Combine(root.Path, "dist")}", root.Path);

        Assert.Equal(0, version.ExitCode);
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.True(File.Exists(Path.Combine(root.Path, "dist", "it", "booklet.pdf")));
    }
}
