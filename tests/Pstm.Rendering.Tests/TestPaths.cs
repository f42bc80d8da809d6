namespace Pstm.Rendering.Tests;

/// <summary>Where the repository and this project's golden files are.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot => Golden.RepositoryRoot;

    public static string ProjectDirectory => Golden.ProjectDirectory;

    public static string Templates => Path.Combine(RepositoryRoot, "templates");

    public static string Plan => Path.Combine(RepositoryRoot, "plan");

    /// <summary>Compares with a golden file of this project's Golden folder.</summary>
    public static void VerifyGolden(string name, string actual) =>
        Golden.Verify(Path.Combine(ProjectDirectory, "Golden", name), actual);

    /// <summary>A copy of the shipped templates in a temporary folder, for tests that break them.</summary>
    public static DirectoryInfo CopyOfTemplates() => TestFolders.CopyOf(Templates);
}
