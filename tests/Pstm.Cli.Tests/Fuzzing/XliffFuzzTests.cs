using System.Text;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Pstm.Cli.Tests.Fuzzing;

/// <summary>
/// Fuzzing of <c>pstm i18n import</c>: seeded hostile variants of the XLIFF that extract wrote of the
/// shipped plan must import, or be refused with diagnostics each at a real line and column of the
/// file; never an exception (exit 3). Reproducible: the same seed gives the same cases. Bounded for
/// CI (200 cases, or 60 s on a slow machine, whichever ends first); longer by hand with
/// PSTM_XLIFF_FUZZ_CASES, PSTM_XLIFF_FUZZ_SECONDS and PSTM_XLIFF_FUZZ_SEED. A failing input
/// is kept in artifacts/xliff-fuzz-failures/, to be copied into Xliff/Hostile/ once the bug is fixed.
/// </summary>
public partial class XliffFuzzTests(ITestOutputHelper output)
{
    private static readonly int Cases = Setting("PSTM_XLIFF_FUZZ_CASES", 200);

    private static readonly int Seconds = Setting("PSTM_XLIFF_FUZZ_SECONDS", 60);

    private static readonly int Seed = Setting("PSTM_XLIFF_FUZZ_SEED", 14);

    private static string FailuresDirectory => Path.Combine(CliRunner.RepositoryRoot, "artifacts", "xliff-fuzz-failures");

    [Fact]
    public void Hostile_variants_of_an_extracted_xliff_import_or_give_located_diagnostics_never_an_exception()
    {
        using var xliff = new ExtractedXliff();
        var extracted = File.ReadAllBytes(xliff.Path);
        var translations = File.ReadAllBytes(xliff.TranslationPath);
        var random = new Random(Seed);
        var (imported, refused) = (0, 0);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var run = 0;
        for (; run < Cases && clock.Elapsed.TotalSeconds < Seconds; run++)
        {
            var mutations = Enumerable.Range(0, random.Next(1, 9))
                .Select(_ => new XliffMutation((MutationKind)random.Next(Enum.GetValues<MutationKind>().Length), random.Next(), random.Next(256)))
                .ToList();
            var bytes = mutations.Aggregate(extracted, (current, mutation) => mutation.ApplyTo(current));
            File.WriteAllBytes(xliff.Path, bytes);

            var (exitCode, text, error) = xliff.Import();

            var problem = exitCode switch
            {
                ExitCodes.Success => null,
                ExitCodes.InputErrors => Unlocated(text, bytes),
                _ => $"exit {exitCode}: {error}{text}",
            };
            if (problem is not null)
            {
                Directory.CreateDirectory(FailuresDirectory);
                var kept = Path.Combine(FailuresDirectory, $"seed{Seed}-case{run}.xlf");
                File.WriteAllBytes(kept, bytes);
                Assert.Fail($"case {run} of seed {Seed} ({string.Join(", ", mutations)}), kept as {kept}: {problem}");
            }

            if (exitCode == ExitCodes.Success)
            {
                imported++;
                File.WriteAllBytes(xliff.TranslationPath, translations);
            }
            else
            {
                refused++;
            }
        }

        output.WriteLine($"seed {Seed}: {run} executions in {clock.Elapsed.TotalSeconds:0} s, {imported} imported, {refused} refused with located diagnostics");
    }

    /// <summary>What is wrong with the errors of <paramref name="text"/>: one without a position, or a position not in the file; null when each is at a real place.</summary>
    private static string? Unlocated(string text, byte[] bytes)
    {
        var errors = text.Split('\n').Where(l => l.Contains(": error PSTM", StringComparison.Ordinal)).ToList();
        if (errors.Count == 0)
        {
            return $"exit 1 without an error: {text}";
        }

        // Lines as an editor counts them: \r\n, \r and \n each end one.
        var lines = Encoding.UTF8.GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        foreach (var error in errors)
        {
            if (Located().Match(error) is not { Success: true } at)
            {
                return $"an error without line and column: {error}";
            }

            var (line, column) = (int.Parse(at.Groups["line"].Value), int.Parse(at.Groups["column"].Value));
            if (line > lines.Length || column > lines[line - 1].Length + 1)
            {
                return $"an error at ({line},{column}), outside the file ({lines.Length} lines): {error}";
            }
        }

        return null;
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;

    [GeneratedRegex(@"\((?<line>[1-9]\d*),(?<column>[1-9]\d*)\): error PSTM\d{4}: ")]
    private static partial Regex Located();
}
