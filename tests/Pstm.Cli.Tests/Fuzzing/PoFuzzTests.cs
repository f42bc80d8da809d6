using System.Text;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Pstm.Cli.Tests.Fuzzing;

/// <summary>
/// Fuzzing of <c>pstm i18n import</c> with PO files: seeded hostile variants of the PO that extract wrote
/// of the shipped plan must import, or be refused with diagnostics each at a real line and column of the
/// file; never an exception (exit 3). Reproducible: the same seed gives the same cases. Bounded for CI
/// (150 cases, or 45 s on a slow machine, whichever ends first); longer by hand with PSTM_PO_FUZZ_CASES,
/// PSTM_PO_FUZZ_SECONDS and PSTM_PO_FUZZ_SEED. A failing input is kept in artifacts/po-fuzz-failures/.
/// </summary>
public partial class PoFuzzTests(ITestOutputHelper output)
{
    /// <summary>What translators' tools, bad merges and attackers put into PO files.</summary>
    private static readonly string[] Tokens =
    [
        "\"", "\\", "\\\"", "\\n", "\\t", "\\r", "\\0", "\\033", "\\x7f", "\\377", "\\u00e9", "\\q", "#", "#, fuzzy\n", "#, fuzzy, c-format\n",
        "#| msgid \"Sostenere\"\n", "#| msgctxt \"plan.title\"\n", "#~ msgid \"old\"\n#~ msgstr \"vecchio\"\n", "#: file.yaml:1\n", "#. note\n",
        "msgctxt \"plan.title\"\n", "msgctxt \"labels.mission\"\n", "msgctxt \"missions.M9.title\"\n", "msgid \"\"\n", "msgid \"x\"\n", "msgstr \"\"\n",
        "msgstr \"{nummer}\"\n", "msgid_plural \"x\"\n", "msgstr[0] \"x\"\n", "\"Language: ja\\n\"\n", "\"Content-Type: text/plain; charset=CHARSET\\n\"\n",
        "\"X-Source-Language: en\\n\"\n", "**", "\\*\\*", "\r", "\r\n", "\n", "\t", "\0", "\uFEFF", "\u202E", "\u0085", "\u2028", "\u001B[2J", "é", "😀", " ",
    ];

    private static readonly int Cases = Setting("PSTM_PO_FUZZ_CASES", 150);

    private static readonly int Seconds = Setting("PSTM_PO_FUZZ_SECONDS", 45);

    private static readonly int Seed = Setting("PSTM_PO_FUZZ_SEED", 19);

    private static string FailuresDirectory => Path.Combine(CliRunner.RepositoryRoot, "artifacts", "po-fuzz-failures");

    [Fact]
    public void Hostile_variants_of_an_extracted_po_import_or_give_located_diagnostics_never_an_exception()
    {
        using var plan = TemporaryPlan.Shipped();
        using var beside = new TemporaryFolder();
        var po = Path.Combine(beside.Path, "en.po");
        Assert.Equal(ExitCodes.Success, CliRunner.Run($"i18n extract {plan.Path} --locale en -o {po}").ExitCode);
        var extracted = File.ReadAllBytes(po);
        var translationPath = plan.FileOf("translations/en.yaml");
        var translations = File.ReadAllBytes(translationPath);
        var random = new Random(Seed);
        var (imported, refused) = (0, 0);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var run = 0;
        for (; run < Cases && clock.Elapsed.TotalSeconds < Seconds; run++)
        {
            var mutations = Enumerable.Range(0, random.Next(1, 9))
                .Select(_ => (Kind: (MutationKind)random.Next(Enum.GetValues<MutationKind>().Length), Position: random.Next(), Value: random.Next(256)))
                .ToList();
            var bytes = mutations.Aggregate(extracted, (current, m) => ByteMutations.Apply(current, m.Kind, m.Position, m.Value, Tokens, depth => string.Concat(Enumerable.Repeat("\"x\"\n", depth))));
            File.WriteAllBytes(po, bytes);

            var (exitCode, text, error) = CliRunner.Run($"i18n import {plan.Path} {po}");

            var problem = exitCode switch
            {
                ExitCodes.Success => null,
                ExitCodes.InputErrors => Unlocated(text, bytes),
                _ => $"exit {exitCode}: {error}{text}",
            };
            if (problem is not null)
            {
                Directory.CreateDirectory(FailuresDirectory);
                var kept = Path.Combine(FailuresDirectory, $"seed{Seed}-case{run}.po");
                File.WriteAllBytes(kept, bytes);
                Assert.Fail($"case {run} of seed {Seed} ({string.Join(", ", mutations)}), kept as {kept}: {problem}");
            }

            if (exitCode == ExitCodes.Success)
            {
                imported++;
                File.WriteAllBytes(translationPath, translations);
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
