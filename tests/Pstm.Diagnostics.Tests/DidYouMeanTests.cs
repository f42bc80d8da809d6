namespace Pstm.Diagnostics.Tests;

public class DidYouMeanTests
{
    [Theory]
    [InlineData("tittle", "title")]
    [InlineData("Title", "title")]
    [InlineData("sbutitle", "subtitle")]
    [InlineData("driver", "drivers")]
    public void Suggests_the_nearest_known_name(string input, string expected) =>
        Assert.Equal(expected, DidYouMean.Suggest(input, ["id", "title", "subtitle", "drivers", "missions"]));

    [Fact]
    public void Suggests_nothing_when_no_name_is_close() =>
        Assert.Null(DidYouMean.Suggest("colour", ["id", "title", "missions"]));

    [Fact]
    public void Counts_an_adjacent_swap_as_one_edit() =>
        Assert.Equal(1, DidYouMean.Distance("mission", "misison"));
}
