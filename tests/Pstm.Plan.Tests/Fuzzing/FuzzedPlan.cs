using System.Text;
using Pstm.Diagnostics;

namespace Pstm.Plan.Tests.Fuzzing;

/// <summary>
/// The shipped plan with one file replaced, checked in a folder of its own; and the invariant every
/// input must keep: diagnostics, never an exception, and every error at a real place in a real file.
/// </summary>
internal static class FuzzedPlan
{
    /// <summary>The shipped plan's YAML files, by name.</summary>
    public static IReadOnlyDictionary<string, byte[]> Shipped { get; } =
        Directory.GetFiles(Path.Combine(Golden.RepositoryRoot, "plan"), "*.yaml")
            .Order(StringComparer.Ordinal)
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

    public static IReadOnlyList<string> FileNames { get; } = [.. Shipped.Keys];

    /// <summary>Checks the shipped plan with <paramref name="file"/> holding <paramref name="bytes"/>; throws if the invariant breaks.</summary>
    public static void Check(string file, byte[] bytes)
    {
        var folder = Directory.CreateTempSubdirectory("pstm-fuzz-");
        try
        {
            foreach (var (name, content) in Shipped)
            {
                File.WriteAllBytes(Path.Combine(folder.FullName, name), name == file ? bytes : content);
            }

            PlanCheck check;
            try
            {
                check = PlanCheck.Run(folder.FullName, displayRoot: folder.FullName);
            }
            catch (Exception exception)
            {
                // The whole trace, which CsCheck's report would cut to the test's frames.
                throw new Xunit.Sdk.XunitException($"PlanCheck threw on {file}:\n{exception}");
            }

            foreach (var error in check.Diagnostics.Where(d => d.IsError))
            {
                AssertLocated(folder.FullName, error);
            }
        }
        catch (Exception)
        {
            KeepFailure(file, bytes);
            throw;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Where failing inputs are written, to be copied into FuzzCorpus/ once the bug is fixed.</summary>
    public static string FailuresDirectory { get; } = Path.Combine(Golden.RepositoryRoot, "artifacts", "fuzz-failures");

    private static void KeepFailure(string file, byte[] bytes)
    {
        var folder = Directory.CreateDirectory(Path.Combine(FailuresDirectory, file));
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes))[..12];
        File.WriteAllBytes(Path.Combine(folder.FullName, $"{bytes.Length:D6}-{hash}.yaml"), bytes);
    }

    private static void AssertLocated(string folder, Diagnostic error)
    {
        var path = Path.Combine(folder, error.Span.File);
        Assert.True(File.Exists(path), $"{error.Code} names a file that does not exist: {error.Span.File}");
        Assert.True(error.Span.HasPosition, $"{error.Code} has no line and column: {error.Message}");

        // Lines as an editor counts them: \r\n, \r and \n each end one.
        var lines = Encoding.UTF8.GetString(File.ReadAllBytes(path)).Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var (line, column) = (error.Span.StartLine, error.Span.StartColumn);
        Assert.True(line <= lines.Length, $"{error.Code} at line {line}, but {error.Span.File} has {lines.Length} lines: {error.Message}");
        Assert.True(column >= 1 && column <= lines[line - 1].Length + 1,
            $"{error.Code} at column {column}, but line {line} of {error.Span.File} has {lines[line - 1].Length} characters: {error.Message}");
    }
}
