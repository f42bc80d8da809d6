using Pstm.Diagnostics;
using Pstm.Plan.Comparison;
using Pstm.Rendering.Changes;
using Pstm.Rendering.Templates;

namespace Pstm.Rendering.Tests;

/// <summary>The "changes since" list: its words in the edition's language, and the plan's texts always escaped.</summary>
public class ChangesViewTests
{
    private static TemplateStrings Strings(string locale)
    {
        var diagnostics = new DiagnosticBag();
        var folder = TemplateFolder.Open(TestPaths.Templates, TestPaths.RepositoryRoot, diagnostics)!;
        return TemplateStrings.Load(folder, locale, new Dictionary<string, string>(), diagnostics)!;
    }

    [Fact]
    public void A_reworded_text_shows_its_words_struck_out_and_inserted_without_its_markdown_marks()
    {
        var change = new PlanChange("objective", "M1.2", ChangeKind.Reworded, "text", "Promuovere lo **sviluppo**", "Promuovere lo **sviluppo sostenibile**");

        var view = ChangesViewBuilder.Build(new EditionChanges("v1", [change]), Strings("it"), linked: true);

        var item = Assert.Single(view.Items);
        Assert.Equal("testo: Promuovere lo sviluppo <ins>sostenibile</ins>", item.Detail);
        Assert.Equal("objective-M1.2", item.Anchor);
        Assert.Equal("Modifiche rispetto a v1", view.Heading);
        Assert.Equal("1 modifica (1 riformulazione)", view.Summary);
    }

    [Fact]
    public void Texts_ids_and_the_edition_name_from_the_plan_are_escaped()
    {
        const string hostile = "<script>alert(1)</script> & <img src=x onerror=alert(2)>";
        var changes = new EditionChanges("<b>v1</b>",
        [
            new PlanChange("objective", "M1.1", ChangeKind.Reworded, "text", "safe", hostile),
            new PlanChange("objective", "M1.2", ChangeKind.Added, null, null, hostile),
            new PlanChange("objective", "M1.3", ChangeKind.Removed, null, hostile, null),
            new PlanChange("driver", "D1", ChangeKind.Relinked, "objectives", "M1.1", "M1.1, <i>M9</i>") { Linked = ["<i>M9</i>"] },
        ]);

        var view = ChangesViewBuilder.Build(changes, Strings("en"), linked: false);

        foreach (var html in view.Items.Select(i => i.Detail).Append(view.Heading).Append(view.Intro))
        {
            Assert.DoesNotContain("<script", html);
            Assert.DoesNotContain("<img", html);
            Assert.DoesNotContain("<b>", html);
            Assert.DoesNotContain("<i>", html);
        }

        Assert.Contains("&lt;script&gt;", view.Items[1].Detail);
        Assert.All(view.Items, i => Assert.Null(i.Anchor));
    }

    [Fact]
    public void Every_kind_of_change_has_its_words_in_each_language()
    {
        var changes = Enum.GetValues<ChangeKind>()
            .Select(kind => new PlanChange("driver", "D1", kind, kind is ChangeKind.Added or ChangeKind.Removed ? null : "missions", "M1", "M2"))
            .Append(new PlanChange("mission", "M1", ChangeKind.Renumbered, "number", "1", "2"))
            .Append(new PlanChange("chapter", "C1", ChangeKind.Reworded, "body", "a", "b"))
            .ToList();

        foreach (var locale in new[] { "it", "en" })
        {
            var view = ChangesViewBuilder.Build(new EditionChanges("v1", changes), Strings(locale), linked: true);

            Assert.Equal(changes.Count, view.Items.Count);
            Assert.All(view.Items, i => Assert.False(string.IsNullOrWhiteSpace(i.KindLabel)));
            Assert.All(view.Items, i => Assert.DoesNotContain("{", i.Detail));
        }
    }
}
