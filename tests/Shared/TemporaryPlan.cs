namespace Pstm.Testing;

/// <summary>
/// A plan folder of a test's own, deleted when the test ends: a copy of the shipped plan or of a
/// fixture, or written from texts, then changed file by file (<c>using var plan = TemporaryPlan.Shipped().Edit(...)</c>).
/// </summary>
internal sealed class TemporaryPlan : IDisposable
{
    private readonly TemporaryFolder _folder;

    private TemporaryPlan(TemporaryFolder folder) => _folder = folder;

    /// <summary>The plan folder, which holds plan.yaml.</summary>
    public string Path => _folder.Path;

    /// <summary>A copy of the shipped plan (<c>plan/</c>).</summary>
    public static TemporaryPlan Shipped() => CopyOf(System.IO.Path.Combine(Golden.RepositoryRoot, "plan"));

    /// <summary>A copy of the plan folder <paramref name="source"/>.</summary>
    public static TemporaryPlan CopyOf(string source) => new(TemporaryFolder.CopyOf(source));

    /// <summary>A plan made of these files, relative to its folder ("plan.yaml", "translations/en.yaml").</summary>
    public static TemporaryPlan Of(params (string File, string Text)[] files)
    {
        var plan = new TemporaryPlan(new TemporaryFolder("pstm-plan-"));
        foreach (var (file, text) in files)
        {
            plan.Write(file, text);
        }

        return plan;
    }

    /// <summary>The full path of a file of the plan.</summary>
    public string FileOf(string relative) => System.IO.Path.Combine(Path, relative);

    /// <summary>Writes a file of the plan, its folder made if missing.</summary>
    public TemporaryPlan Write(string relative, string text)
    {
        var path = FileOf(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    /// <summary>Copies every file of the folder <paramref name="source"/> into the plan, at the same relative paths.</summary>
    public TemporaryPlan Add(string source)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = FileOf(System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        return this;
    }

    /// <summary>Replaces <paramref name="old"/> by <paramref name="new"/> in a file; fails the test when the file does not hold it.</summary>
    public TemporaryPlan Edit(string relative, string old, string @new)
    {
        var text = File.ReadAllText(FileOf(relative));
        Assert.Contains(old, text, StringComparison.Ordinal);
        return Write(relative, text.Replace(old, @new, StringComparison.Ordinal));
    }

    public void Dispose() => _folder.Dispose();
}
