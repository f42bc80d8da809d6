using DiffPlex;
using DiffPlex.Chunkers;

namespace Pstm.Plan.Comparison;

/// <summary>A run of words that both texts share, or that only the old or only the new one has.</summary>
public sealed record WordRun(WordRunKind Kind, string Text);

public enum WordRunKind
{
    Same,
    Removed,
    Added,
}

/// <summary>The word-level difference of two texts (DiffPlex's word chunker: words and the separators between them).</summary>
public static class WordDiff
{
    public static IReadOnlyList<WordRun> Between(string before, string after)
    {
        var result = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, WordChunker.Instance);
        var runs = new List<WordRun>();
        var old = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(runs, WordRunKind.Same, result.PiecesOld.Skip(old).Take(block.DeleteStartA - old));
            Add(runs, WordRunKind.Removed, result.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA));
            Add(runs, WordRunKind.Added, result.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB));
            old = block.DeleteStartA + block.DeleteCountA;
        }

        Add(runs, WordRunKind.Same, result.PiecesOld.Skip(old));
        return runs;
    }

    /// <summary>The runs as text: removed words [-like this-], added ones {+like this+}, as git diff --word-diff prints them.</summary>
    public static string Format(IReadOnlyList<WordRun> runs) => string.Concat(runs.Select(r => r.Kind switch
    {
        WordRunKind.Removed => $"[-{r.Text}-]",
        WordRunKind.Added => $"{{+{r.Text}+}}",
        _ => r.Text,
    }));

    private static void Add(List<WordRun> runs, WordRunKind kind, IEnumerable<string> pieces)
    {
        var text = string.Concat(pieces);
        if (text.Length > 0)
        {
            runs.Add(new WordRun(kind, text));
        }
    }
}
