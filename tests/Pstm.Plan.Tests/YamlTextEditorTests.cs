using Pstm.Plan.Yaml;
using YamlDotNet.Core;

namespace Pstm.Plan.Tests;

public class YamlTextEditorTests
{
    [Fact]
    public void A_one_line_list_is_replaced_and_every_comment_and_blank_line_stays()
    {
        const string text = "# The plan\nid: p   # stable\nlanguage: it\n\nlocales: [it, en]   # both editions\ntitle: \"Piano: 2025\"\n";

        var edited = YamlTextEditor.SetTopLevelList(text, "locales", ["it", "en", "fr"], after: "language");

        Assert.Equal("# The plan\nid: p   # stable\nlanguage: it\n\nlocales: [it, en, fr]   # both editions\ntitle: \"Piano: 2025\"\n", edited);
    }

    [Fact]
    public void A_block_list_becomes_one_line_and_what_follows_it_stays()
    {
        const string text = "language: it\nlocales:\n  - it\n  - en\n\n# Texts\ntitle: T\n";

        var edited = YamlTextEditor.SetTopLevelList(text, "locales", ["it", "en", "de-CH"], after: "language");

        Assert.Equal("language: it\nlocales: [it, en, de-CH]\n\n# Texts\ntitle: T\n", edited);
    }

    [Fact]
    public void A_missing_key_goes_on_the_line_after_the_key_it_follows_with_the_files_line_breaks()
    {
        const string text = "id: p\r\nlanguage: it # source\r\ntitle: T\r\n";

        var edited = YamlTextEditor.SetTopLevelList(text, "locales", ["it", "fr"], after: "language");

        Assert.Equal("id: p\r\nlanguage: it # source\r\nlocales: [it, fr]\r\ntitle: T\r\n", edited);
    }

    [Fact]
    public void A_key_of_the_same_name_below_the_top_level_or_in_a_comment_is_not_touched()
    {
        const string text = "# locales: [xx]\nmeta:\n  locales: [yy]\nlanguage: it\n";

        var edited = YamlTextEditor.SetTopLevelList(text, "locales", ["it", "en"], after: "language");

        Assert.Equal("# locales: [xx]\nmeta:\n  locales: [yy]\nlanguage: it\nlocales: [it, en]\n", edited);
    }

    [Fact]
    public void Without_the_key_it_follows_the_list_is_added_at_the_end_and_a_value_that_needs_quotes_has_them()
    {
        var edited = YamlTextEditor.SetTopLevelList("id: p", "tags", ["a b", "c"], after: "language");

        Assert.Equal("id: p\ntags: [\"a b\", c]\n", edited);
    }

    [Fact]
    public void The_edited_text_reads_back_as_the_same_document_with_the_new_list()
    {
        var text = File.ReadAllText(Path.Combine(Golden.RepositoryRoot, "plan", "plan.yaml"));

        var edited = YamlTextEditor.SetTopLevelList(text, "locales", ["it", "en", "fr"], after: "language");

        // Only the list changed: every line but the locales' is as it was.
        var before = text.Split('\n').Where(l => !l.StartsWith("locales:", StringComparison.Ordinal)).ToList();
        var after = edited.Split('\n').Where(l => !l.StartsWith("locales:", StringComparison.Ordinal)).ToList();
        Assert.Equal(before, after);
        Assert.Contains("locales: [it, en, fr]", edited, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_that_is_not_a_mapping_is_refused()
    {
        Assert.ThrowsAny<YamlException>(() => YamlTextEditor.SetTopLevelList("- a\n- b\n", "locales", ["it"], after: "language"));
    }
}
