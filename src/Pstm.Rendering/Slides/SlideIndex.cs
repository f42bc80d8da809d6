using Pstm.Plan.Explain;
using Pstm.Rendering.Booklet;
using Pstm.Rendering.Text;

namespace Pstm.Rendering.Slides;

/// <summary>
/// Which slides of a planned deck show an item of the plan: its own slides (a mission and its
/// objectives, a driver), the overview slides that list it, and the matrix slides where it is a row
/// or a column. The numbers are the planner's, so they match <c>slides.html#slide-N</c>.
/// </summary>
public static class SlideIndex
{
    public static IReadOnlyList<SlideView> Showing(IReadOnlyList<SlideView> slides, PlanItem item)
    {
        // Ids reach the views escaped for HTML; plan ids have nothing to escape, but compare alike.
        var id = HtmlText.Escape(item.Id);
        var parent = item.ParentId is null ? null : HtmlText.Escape(item.ParentId);
        return slides.Where(slide => item.Kind switch
        {
            PlanItemKind.Plan => slide.Kind is "title" or "closing",
            PlanItemKind.Phase => slide.Kind == "process" && slide.Items.OfType<PhaseView>().Any(p => p.Id == id),
            PlanItemKind.Milestone => slide.Kind == "process" && slide.Items.OfType<PhaseView>().Any(p => p.Id == parent),
            PlanItemKind.Pillar => slide.Kind == "vision" && slide.Items.OfType<PillarView>().Any(p => p.Id == id),
            PlanItemKind.Mission => (slide.Kind == "mission" && slide.Mission?.Id == id)
                || (slide.Kind == "missions" && slide.Items.OfType<MissionView>().Any(m => m.Id == id))
                || slide.Kind == "matrix",
            PlanItemKind.Objective => slide.Kind == "mission" && slide.Items.OfType<ObjectiveView>().Any(o => o.Id == id),
            PlanItemKind.Driver => (slide.Kind == "driver" && slide.Driver?.Id == id)
                || (slide.Kind == "drivers" && slide.Items.OfType<DriverView>().Any(d => d.Id == id))
                || (slide.Kind == "matrix" && slide.Items.OfType<MatrixRow>().Any(r => r.Driver.Id == id)),
            _ => false,
        }).ToList();
    }
}
