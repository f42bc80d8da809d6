using System.Diagnostics;

namespace Pstm.Cli.Tests;

/// <summary>
/// pstm packed as a .NET tool, once for the whole test run: every test that installs it (ToolPackageTests,
/// PlanRepositoryCiTests) takes the same .nupkg, and two packs never race in the same obj folder.
/// </summary>
internal static class PackedTool
{
    /// <summary>The version the package is packed as: no version a registry could serve instead.</summary>
    public const string Version = "0.0.0-test";

    private static readonly Lazy<string> Packed = new(Pack, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The folder holding pstm.0.0.0-test.nupkg, a NuGet source for <c>dotnet tool install --add-source</c>.</summary>
    public static string Packages => Packed.Value;

    /// <summary>Runs a program, its output and error together; ended after <paramref name="timeout"/> (default 4 minutes) with exit code -1.</summary>
    public static (int ExitCode, string Output) Run(
        string file, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(4)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out");
        }

        return (process.ExitCode, output.Result + error.Result);
    }

    private static string Pack()
    {
        var packages = Directory.CreateTempSubdirectory("pstm-packed-tool-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(packages, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        var (exitCode, output) = Run(
            "dotnet", ["pack", "src/Pstm.Cli", "-c", "Release", "-o", packages, $"-p:MinVerVersionOverride={Version}"], CliRunner.RepositoryRoot, timeout: TimeSpan.FromMinutes(8));
        Assert.True(exitCode == 0, output);
        return packages;
    }
}
