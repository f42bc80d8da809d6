namespace Pstm.Plan.Tests.Fuzzing;

/// <summary>
/// Replays FuzzCorpus/: inputs the fuzzer found or that are worth keeping, one folder per shipped file
/// they replace (FuzzCorpus/drivers.yaml/…). Each must keep the invariant of <see cref="FuzzedPlan"/>.
/// </summary>
public class CorpusTests
{
    private static readonly string CorpusDirectory = Path.Combine(Golden.ProjectDirectory, "FuzzCorpus");

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(CorpusDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(CorpusDirectory, file).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void A_corpus_input_gives_diagnostics_never_an_exception(string input)
    {
        var replaced = input.Split('/')[0];
        Assert.Contains(replaced, FuzzedPlan.FileNames);

        FuzzedPlan.Check(replaced, File.ReadAllBytes(Path.Combine(CorpusDirectory, input)));
    }

    [Fact]
    public void The_corpus_holds_an_input_for_every_shipped_file()
    {
        var covered = Directory.GetDirectories(CorpusDirectory).Select(Path.GetFileName).ToHashSet();
        Assert.All(FuzzedPlan.FileNames, name => Assert.Contains(name, covered));
    }
}
