using Pstm.Pdf;

namespace Pstm.Editions.Tests;

/// <summary>
/// The shipped plan's Italian booklet, built once for the tests of a class with a fixed
/// SOURCE_DATE_EPOCH, and the build request that made it, for building again.
/// </summary>
public sealed class BuiltBooklet : IAsyncLifetime
{
    public const string SourceDateEpoch = "1750000000";

    public static string RepositoryRoot => Golden.RepositoryRoot;

    public DirectoryInfo Output { get; } = Directory.CreateTempSubdirectory("pstm-dist-");

    public BuildResult Result { get; private set; } = null!;

    public byte[] Pdf { get; private set; } = [];

    public string Html { get; private set; } = "";

    public IReadOnlyDictionary<string, int> PagesById { get; private set; } = new Dictionary<string, int>();

    public static BuildRequest Request(string output, string? plan = null, string? templates = null) => new(
        plan ?? Path.Combine(RepositoryRoot, "plan"),
        output,
        ["it"],
        [BuildTarget.Booklet],
        templates ?? Path.Combine(RepositoryRoot, "templates"),
        BrowserPath: null,
        TimeSpan.FromSeconds(120),
        SourceDateEpoch);

    public async Task InitializeAsync()
    {
        Result = await EditionBuilder.BuildAsync(Request(Output.FullName), CancellationToken.None);
        Assert.True(Result.Succeeded, string.Join("\n", Result.Diagnostics.Where(d => d.IsError).Select(d => d.Message)));
        Pdf = await File.ReadAllBytesAsync(Path.Combine(Output.FullName, "it", "booklet.pdf"));
        Html = await File.ReadAllTextAsync(Path.Combine(Output.FullName, "it", "booklet.html"));
        PagesById = PdfDestinations.PagesByName(Pdf);
    }

    public Task DisposeAsync()
    {
        Output.Delete(recursive: true);
        return Task.CompletedTask;
    }
}
