using System.Reflection;

namespace Pstm.Rendering.Tests;

/// <summary>Where the repository and this project's golden files are.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static string ProjectDirectory { get; } = Metadata("ProjectDirectory");

    public static string Templates => Path.Combine(RepositoryRoot, "templates");

    public static string Plan => Path.Combine(RepositoryRoot, "plan");

    /// <summary>Compares with a golden file; PSTM_UPDATE_GOLDEN=1 rewrites it instead.</summary>
    public static void VerifyGolden(string name, string actual)
    {
        var path = Path.Combine(ProjectDirectory, "Golden", name);
        if (Environment.GetEnvironmentVariable("PSTM_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"no golden file {path}; run the tests with PSTM_UPDATE_GOLDEN=1 to write it, then review it");
        Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n"), actual.Replace("\r\n", "\n"));
    }

    /// <summary>A copy of the shipped templates in a temporary folder, for tests that break them.</summary>
    public static DirectoryInfo CopyOfTemplates()
    {
        var copy = Directory.CreateTempSubdirectory("pstm-templates-");
        foreach (var file in Directory.EnumerateFiles(Templates, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy.FullName, Path.GetRelativePath(Templates, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
