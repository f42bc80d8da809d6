using Pstm.Diagnostics;
using Pstm.Plan.Labels;

namespace Pstm.Plan.Tests;

/// <summary>The declaration of a templates folder's label keys, and the CLDR plural rules that choose a counted label's form.</summary>
public class LabelKeysTests
{
    [Fact]
    public void The_shipped_declaration_has_every_key_of_the_shipped_strings_files_with_their_placeholders()
    {
        var keys = LabelKeys.Shipped;

        Assert.Equal(["mission", "number"], keys.Find("mission_label")!.Placeholders);
        Assert.True(keys.Find("drivers_heading")!.Plural);
        Assert.Equal(12, keys.Find("months")!.ListLength);
        Assert.Null(keys.Find("mision"));
    }

    [Theory]
    [InlineData("Mission: []\n", 1, 1, "lower case")]
    [InlineData("drivers_heading: { placeholders: [total], plural: true }\n", 1, 18, "{count}")]
    [InlineData("mission_label: [mission, \"{number}\"]\n", 1, 26, "without braces")]
    [InlineData("mission_label: { placeholder: [mission] }\n", 1, 18, "'placeholder'")]
    [InlineData("mission_label: Asse\n", 1, 16, "expected a list of placeholders or a mapping")]
    public void A_declaration_written_wrong_is_an_error_at_its_line_and_column(string yaml, int line, int column, string said)
    {
        var diagnostics = new DiagnosticBag();

        var keys = LabelKeys.Read("templates/strings/keys.yaml", yaml, diagnostics);

        Assert.Null(keys);
        var error = Assert.Single(diagnostics.ToSortedList());
        Assert.Equal(("PSTM0325", line, column), (error.Code, error.Span.StartLine, error.Span.StartColumn));
        Assert.Contains(said, error.Message);
    }

    [Theory]
    [InlineData("en", 0, "other")]
    [InlineData("en", 1, "one")]
    [InlineData("en", 2, "other")]
    [InlineData("it", 1, "one")]
    [InlineData("it", 0, "other")]
    [InlineData("it", 1_000_000, "many")]
    [InlineData("it-CH", 1, "one")]
    [InlineData("fr", 0, "one")]
    [InlineData("fr", 2, "other")]
    [InlineData("pt", 0, "one")]
    [InlineData("de", 1_000_000, "other")]
    [InlineData("xx", 1, "one")]
    public void A_count_takes_the_CLDR_form_of_its_language(string language, long count, string form)
    {
        Assert.Equal(form, PluralRules.For(language).FormOf(count));
    }

    [Fact]
    public void Italian_has_one_many_and_other_and_must_give_one_and_other()
    {
        var italian = PluralRules.For("it");

        Assert.Equal(["one", "many", "other"], italian.Forms);
        Assert.Equal(["one", "other"], italian.Required);
        Assert.Equal(["one", "other"], PluralRules.For("en").Forms);
    }
}
