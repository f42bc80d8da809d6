namespace Pstm.Testing;

/// <summary>Copies of the repository's folders (the plan, the templates) for tests that change them.</summary>
internal static class TestFolders
{
    /// <summary>A copy of <paramref name="source"/> in a new temporary folder; the caller deletes it.</summary>
    public static DirectoryInfo CopyOf(string source)
    {
        var copy = Directory.CreateTempSubdirectory("pstm-copy-");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy.FullName, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }
}
