namespace Pstm.Testing;

/// <summary>A new temporary folder, deleted when the test ends (<c>using var folder = new TemporaryFolder();</c>).</summary>
internal sealed class TemporaryFolder : IDisposable
{
    private readonly DirectoryInfo _folder;

    /// <param name="prefix">How its name starts, to tell which test left it should one survive.</param>
    public TemporaryFolder(string prefix = "pstm-test-")
        : this(Directory.CreateTempSubdirectory(prefix))
    {
    }

    private TemporaryFolder(DirectoryInfo folder) => _folder = folder;

    public string Path => _folder.FullName;

    public static TemporaryFolder CopyOf(string source) => new(TestFolders.CopyOf(source));

    public void Dispose() => _folder.Delete(recursive: true);
}
