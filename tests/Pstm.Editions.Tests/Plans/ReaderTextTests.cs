namespace Pstm.Editions.Tests.Plans;

/// <summary>The comparisons of <see cref="PlanEditionTests"/> find what is there and miss what is not.</summary>
public class ReaderTextTests
{
    [Fact]
    public void Text_broken_over_lines_hyphenated_or_set_with_ligatures_matches_its_source()
    {
        var source = ReaderText.Normalize("Sostenere la **transizione digitale** del territorio urbano-rurale-montano, ﬁno all'efficienza");

        Assert.Equal(source, ReaderText.Normalize("SOSTENERE LA TRANSI-\nZIONE DIGI\u00ADTALE del\nterritorio urbano-\nrurale montano, fino all'eﬃcienza"));
        Assert.NotEqual(source, ReaderText.Normalize("Sostenere la transizione del territorio urbano-rurale-montano, fino all'efficienza"));
    }

    [Fact]
    public void A_label_left_unfilled_is_found_and_ordinary_braces_are_not()
    {
        Assert.Equal(["{numero}"], ReaderText.Placeholders("Asse {numero} Innovazione, {numero} e { } {1}"));
        Assert.Empty(ReaderText.Placeholders("Asse 1 Innovazione {} { numero }"));
    }
}
