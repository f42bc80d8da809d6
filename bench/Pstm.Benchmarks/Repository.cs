namespace Pstm.Benchmarks;

/// <summary>The repository the benchmarks read the shipped plan and templates from.</summary>
public static class Repository
{
    public const string Variable = "PSTM_BENCH_REPOSITORY";

    public static string Root => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } root
        ? root
        : Find(Directory.GetCurrentDirectory()) ?? Find(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException($"no pstm-cli.sln above {Directory.GetCurrentDirectory()}: run from the repository, or set {Variable}");

    private static string? Find(string from)
    {
        for (var folder = new DirectoryInfo(from); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "pstm-cli.sln")))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
