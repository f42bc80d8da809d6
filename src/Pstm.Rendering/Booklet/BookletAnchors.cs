using Pstm.Plan.Explain;
using Pstm.Rendering.Text;

namespace Pstm.Rendering.Booklet;

/// <summary>
/// The booklet's heading ids (the anchors its table of contents links to and whose pages a build
/// records), and which heading an item of the plan is printed under.
/// </summary>
public static class BookletAnchors
{
    public const string Appendix = "appendix";

    /// <summary>An HTML id for an entity: its kind and its plan id, which is unique across the plan.</summary>
    public static string Of(string kind, string id) => HtmlText.Escape($"{kind}-{id}");

    /// <summary>
    /// The heading an item is printed under, and whether that heading is the item's own: an objective
    /// is under its mission's heading, a phase or milestone under the process section's, a pillar under
    /// the vision's. Null for the plan itself (its cover has no heading).
    /// </summary>
    public static (string Anchor, bool Own)? HeadingOf(PlanItem item) => item.Kind switch
    {
        PlanItemKind.Chapter => (Of("chapter", item.Id), true),
        PlanItemKind.Mission => (Of("mission", item.Id), true),
        PlanItemKind.Driver => (Of("driver", item.Id), true),
        PlanItemKind.Objective when item.ParentId is not null => (Of("mission", item.ParentId), false),
        PlanItemKind.Phase or PlanItemKind.Milestone => ("section-process", false),
        PlanItemKind.Pillar => ("section-vision", false),
        _ => null,
    };
}
