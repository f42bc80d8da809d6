using System.Reflection;

namespace Pstm.Testing;

/// <summary>
/// Golden files: approved outputs committed beside the tests. Set PSTM_UPDATE_GOLDEN=1 to rewrite
/// them from the actual output (then review the diff and commit); without it, any difference fails,
/// and so does a missing golden file.
/// </summary>
internal static class Golden
{
    public static string ProjectDirectory { get; } = Metadata("ProjectDirectory");

    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static bool Updating => Environment.GetEnvironmentVariable("PSTM_UPDATE_GOLDEN") == "1";

    public static void Verify(string expectedPath, string actual)
    {
        actual = actual.Replace("\r\n", "\n");
        if (Updating)
        {
            File.WriteAllText(expectedPath, actual);
            return;
        }

        Assert.True(File.Exists(expectedPath), $"no golden file {expectedPath}; run the tests with PSTM_UPDATE_GOLDEN=1 to write it, then review it");
        var expected = File.ReadAllText(expectedPath).Replace("\r\n", "\n");
        Assert.Equal(expected, actual);
    }

    private static string Metadata(string key) =>
        typeof(Golden).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
