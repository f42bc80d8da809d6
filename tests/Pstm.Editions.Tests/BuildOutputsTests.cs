namespace Pstm.Editions.Tests;

public class BuildOutputsTests
{
    [Theory]
    [InlineData(new BuildTarget[0], true, true)]
    [InlineData(new[] { BuildTarget.All }, true, true)]
    [InlineData(new[] { BuildTarget.Booklet }, true, false)]
    [InlineData(new[] { BuildTarget.Slides }, false, true)]
    [InlineData(new[] { BuildTarget.Slides, BuildTarget.Booklet }, true, true)]
    [InlineData(new[] { BuildTarget.Booklet, BuildTarget.All }, true, true)]
    public void The_targets_asked_for_decide_what_is_made(BuildTarget[] targets, bool booklets, bool decks)
    {
        var outputs = BuildOutputs.Of(targets, ["it"]);

        Assert.Equal((booklets, decks), (outputs.Booklets, outputs.Decks));
    }

    [Fact]
    public void Each_locale_makes_the_files_of_each_output_and_prints_one_document_per_output()
    {
        var outputs = BuildOutputs.Of([BuildTarget.Slides], ["it", "en"]);

        Assert.Equal(["it/slides.pdf", "it/slides.html", "en/slides.pdf", "en/slides.html"], outputs.Files);
        Assert.Equal(2, outputs.Documents);
        Assert.Equal(4, BuildOutputs.Of([], ["it", "en"]).Documents);
    }

    [Fact]
    public void A_booklet_only_build_does_not_count_as_a_full_one()
    {
        Assert.NotEqual(BuildOutputs.Of([BuildTarget.Booklet], ["it"]).Fingerprint, BuildOutputs.Of([], ["it"]).Fingerprint);
        Assert.Equal(BuildOutputs.Of([BuildTarget.All], ["it"]).Fingerprint, BuildOutputs.Of([], ["it"]).Fingerprint);
    }
}
