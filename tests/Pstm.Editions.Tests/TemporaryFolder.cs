namespace Pstm.Editions.Tests;

/// <summary>A folder deleted when the test ends.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    private readonly DirectoryInfo _folder;

    public TemporaryFolder()
        : this(Directory.CreateTempSubdirectory("pstm-test-"))
    {
    }

    private TemporaryFolder(DirectoryInfo folder) => _folder = folder;

    public string Path => _folder.FullName;

    public static TemporaryFolder CopyOf(string source) => new(TestFolders.CopyOf(source));

    public void Dispose() => _folder.Delete(recursive: true);
}
