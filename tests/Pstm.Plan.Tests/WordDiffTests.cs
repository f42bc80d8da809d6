using Pstm.Plan.Comparison;

namespace Pstm.Plan.Tests;

/// <summary>The word-level difference of two texts, as <c>pstm diff</c> shows a reworded text.</summary>
public sealed class WordDiffTests
{
    [Theory]
    [InlineData("Potenziare i servizi", "Potenziare i servizi", "Potenziare i servizi")]
    [InlineData("Potenziare i servizi", "Potenziare i nuovi servizi", "Potenziare i {+nuovi +}servizi")]
    [InlineData("Potenziare i servizi digitali", "Potenziare i servizi", "Potenziare i servizi[- digitali-]")]
    [InlineData("Sostenere la ricerca", "Sostenere l'innovazione", "Sostenere [-la ricerca-]{+l'innovazione+}")]
    [InlineData("", "Nuovo testo", "{+Nuovo testo+}")]
    [InlineData("Vecchio testo", "", "[-Vecchio testo-]")]
    public void Words_removed_and_added_are_marked_as_git_marks_them(string before, string after, string expected) =>
        Assert.Equal(expected, WordDiff.Format(WordDiff.Between(before, after)));

    [Theory]
    [InlineData("Favorire la **mobilità** sostenibile nell'area metropolitana", "Favorire la mobilità dolce e sostenibile in tutta l'area")]
    [InlineData("a b c d e f", "f e d c b a")]
    [InlineData("uno  due\ntre", "uno due\n\ntre quattro")]
    public void The_runs_give_back_both_texts(string before, string after)
    {
        var runs = WordDiff.Between(before, after);

        Assert.Equal(before, string.Concat(runs.Where(r => r.Kind != WordRunKind.Added).Select(r => r.Text)));
        Assert.Equal(after, string.Concat(runs.Where(r => r.Kind != WordRunKind.Removed).Select(r => r.Text)));
        Assert.DoesNotContain(runs, r => r.Text.Length == 0);
    }
}
