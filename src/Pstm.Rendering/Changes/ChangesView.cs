namespace Pstm.Rendering.Changes;

// What the "changes since" templates see. Every string is HTML-safe, as in the booklet's view.

/// <summary>The changes between an earlier edition and this one, in the edition's words.</summary>
/// <param name="Heading">"Changes since v2025.1".</param>
/// <param name="Intro">A sentence on what the list is, or that nothing changed.</param>
/// <param name="Summary">"5 changes: 1 added, …" in the edition's words.</param>
public sealed record ChangesView(
    string Since, string Heading, string Intro, string Summary, string ItemHeader, string ChangeHeader, string DetailHeader,
    IReadOnlyList<ChangeView> Items);

/// <summary>One change: which item, what happened to it, and how.</summary>
/// <param name="Kind">added, removed, renamed, renumbered, reworded, moved or relinked: for stylesheets.</param>
/// <param name="Anchor">The item's heading in the booklet, or null when it is not there (removed, or a page of its own).</param>
/// <param name="Detail">HTML: the text added or removed, a reworded text with its words in del and ins, the old id.</param>
public sealed record ChangeView(string Kind, string KindLabel, string Item, string Id, string? Anchor, string Detail);
