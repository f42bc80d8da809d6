using System.Text;
using CsCheck;
using Xunit.Abstractions;

namespace Pstm.Plan.Tests.Fuzzing;

/// <summary>
/// Property-based fuzzing: hostile variants of the shipped plan's files, and random YAML-ish text, must
/// give diagnostics, never an exception, with every error at a real place in a real file. Bounded in
/// time for CI (PSTM_FUZZ_SECONDS, default 10 per property); a failure prints the seed that replays it
/// (CsCheck_Seed=…), and each failure found becomes a file of FuzzCorpus/, replayed by CorpusTests.
/// </summary>
public class PlanFuzzTests(ITestOutputHelper output)
{
    private static readonly int Seconds =
        int.TryParse(Environment.GetEnvironmentVariable("PSTM_FUZZ_SECONDS"), out var seconds) ? seconds : 10;

    private static readonly Gen<Mutation> AMutation =
        Gen.Select(Gen.Enum<MutationKind>(), Gen.Int[0, int.MaxValue], Gen.Int[0, 255], (kind, position, value) => new Mutation(kind, position, value));

    private static readonly Gen<(string File, Mutation[] Mutations)> AHostileVariant =
        Gen.Select(Gen.Int[0, FuzzedPlan.FileNames.Count - 1], AMutation.Array[1, 8], (file, mutations) => (FuzzedPlan.FileNames[file], mutations));

    private static readonly Gen<string> YamlishText =
        Gen.OneOf(Gen.OneOf<string>(Mutation.Tokens), Gen.OneOf<string>("missions", "drivers", "id", "title", "objectives", "number", "x", " ", "  ", "\n  "), Gen.Char.Select(c => c.ToString()))
            .Array[0, 300].Select(string.Concat);

    [Fact]
    public void Hostile_variants_of_the_shipped_plan_give_diagnostics_never_an_exception()
    {
        var executions = 0;
        AHostileVariant.Sample(
            variant =>
            {
                Interlocked.Increment(ref executions);
                FuzzedPlan.Check(variant.File, Mutate(variant));
            },
            writeLine: output.WriteLine,
            time: Seconds,
            print: variant => $"{variant.File}: {string.Join(", ", variant.Mutations.Select(m => m.ToString()))}");
        output.WriteLine($"{executions} executions in {Seconds} s");
    }

    [Fact]
    public void Random_yaml_like_text_in_any_file_gives_diagnostics_never_an_exception()
    {
        var executions = 0;
        Gen.Select(Gen.Int[0, FuzzedPlan.FileNames.Count - 1], YamlishText).Sample(
            (file, text) =>
            {
                Interlocked.Increment(ref executions);
                FuzzedPlan.Check(FuzzedPlan.FileNames[file], Encoding.UTF8.GetBytes(text));
            },
            writeLine: output.WriteLine,
            time: Seconds,
            print: input => $"{FuzzedPlan.FileNames[input.Item1]}: {Convert.ToBase64String(Encoding.UTF8.GetBytes(input.Item2))}");
        output.WriteLine($"{executions} executions in {Seconds} s");
    }

    private static byte[] Mutate((string File, Mutation[] Mutations) variant) =>
        variant.Mutations.Aggregate(FuzzedPlan.Shipped[variant.File], (bytes, mutation) => mutation.ApplyTo(bytes));
}
