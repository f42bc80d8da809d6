namespace Pstm.Editions.Tests;

/// <summary>A folder deleted when the test ends.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pstm-test-");

    public string Path => _folder.FullName;

    public static TemporaryFolder CopyOf(string source)
    {
        var copy = new TemporaryFolder();
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(copy.Path, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
