using Pstm.Plan.Comparison;
using Pstm.Rendering.Booklet;
using Pstm.Rendering.Templates;
using Pstm.Rendering.Text;

namespace Pstm.Rendering.Changes;

/// <summary>Builds the templates' view of a plan's changes, in the words of one edition.</summary>
public static class ChangesViewBuilder
{
    /// <param name="linked">Whether items link to their headings: in the booklet, not in a page of its own.</param>
    public static ChangesView Build(EditionChanges changes, TemplateStrings strings, bool linked)
    {
        string F(string key, params (string, string)[] values) => HtmlText.Escape(strings.Format(key, values));
        var since = ("since", changes.Since);
        var items = changes.Changes.Select(c => Change(c, strings, linked, changes.Untranslated.Contains(c) ? changes.SourceLanguage : null)).ToList();
        return new ChangesView(
            HtmlText.Escape(changes.Since),
            F("changes_heading", since),
            F(items.Count == 0 ? "changes_none" : "changes_intro", since),
            HtmlText.Escape(Summary(changes.Changes, strings)),
            F("changes_item"),
            F("changes_change"),
            F("changes_detail"),
            items);
    }

    /// <summary>"3 modifiche (1 aggiunta, 2 riformulazioni)" in the edition's words, in the plural form of its count.</summary>
    public static string Summary(IReadOnlyList<PlanChange> changes, TemplateStrings strings)
    {
        if (changes.Count == 0)
        {
            return "";
        }

        var counts = changes.GroupBy(c => c.Kind).OrderBy(g => g.Key)
            .Select(g => strings.Count($"change_{Name(g.Key)}_count", g.Count()));
        return strings.Count("changes_summary", changes.Count, ("kinds", string.Join(", ", counts)));
    }

    /// <param name="sourceLanguage">The language of the change's texts when it is not the edition's.</param>
    private static ChangeView Change(PlanChange change, TemplateStrings strings, bool linked, string? sourceLanguage)
    {
        // Text in the plan's source language inside another edition says so (WCAG 3.1.2).
        string InLanguage(string html) => sourceLanguage is null ? html : $"<span lang=\"{HtmlText.Escape(sourceLanguage)}\">{html}</span>";
        var kind = Name(change.Kind);
        var field = change.Field is null ? "" : strings[$"change_field_{change.Field}"];
        var detail = change.Kind switch
        {
            ChangeKind.Added => InLanguage(HtmlText.Escape(HtmlText.PlainText(change.After))),
            ChangeKind.Removed => InLanguage($"<del>{HtmlText.Escape(HtmlText.PlainText(change.Before))}</del>"),
            ChangeKind.Renamed => HtmlText.Escape(strings.Format("change_renamed_detail", ("old", change.Before ?? ""))),
            ChangeKind.Renumbered => HtmlText.Escape(strings.Format("change_renumbered_detail", ("field", field), ("before", change.Before ?? ""), ("after", change.After ?? ""))),
            ChangeKind.Moved => HtmlText.Escape(strings.Format("change_moved_detail", ("before", change.Before ?? ""), ("after", change.After ?? ""))),
            ChangeKind.Relinked => Relinked(change, field, strings),
            _ => $"{HtmlText.Escape(field)}: {InLanguage(Words(change))}",
        };
        return new ChangeView(
            kind,
            HtmlText.Escape(strings[$"change_{kind}"]),
            HtmlText.Escape(strings[$"change_item_{change.Item}"]),
            HtmlText.Escape(change.Id),
            linked && change.Kind != ChangeKind.Removed ? BookletAnchors.Of(change.Item, change.Id) : null,
            detail);
    }

    /// <summary>A reworded text as readers see it (without its Markdown marks), its words struck out and inserted.</summary>
    private static string Words(PlanChange change) => string.Concat(
        WordDiff.Between(HtmlText.PlainText(change.Before), HtmlText.PlainText(change.After)).Select(run => run.Kind switch
        {
            WordRunKind.Removed => Marked("del", run.Text),
            WordRunKind.Added => Marked("ins", run.Text),
            _ => HtmlText.Escape(run.Text),
        }));

    // The spaces around a run stay outside its mark: an underlined or struck-out space reads as a stray line.
    private static string Marked(string tag, string text)
    {
        var words = text.Trim();
        if (words.Length == 0)
        {
            return HtmlText.Escape(text);
        }

        var start = text.IndexOf(words, StringComparison.Ordinal);
        return $"{HtmlText.Escape(text[..start])}<{tag}>{HtmlText.Escape(words)}</{tag}>{HtmlText.Escape(text[(start + words.Length)..])}";
    }

    private static string Relinked(PlanChange change, string field, TemplateStrings strings)
    {
        var parts = new List<string>();
        if (change.Linked.Count > 0)
        {
            parts.Add(strings.Format("change_links_added", ("ids", string.Join(", ", change.Linked))));
        }

        if (change.Unlinked.Count > 0)
        {
            parts.Add(strings.Format("change_links_removed", ("ids", string.Join(", ", change.Unlinked))));
        }

        return HtmlText.Escape($"{field}: {string.Join("; ", parts)}");
    }

    private static string Name(ChangeKind kind) => kind.ToString().ToLowerInvariant();
}
