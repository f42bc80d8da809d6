using System.Net;
using System.Text.RegularExpressions;
using Pstm.Plan.Explain;
using Pstm.Plan.Translation;

namespace Pstm.Rendering.Slides;

/// <summary>
/// Which slides of a built deck show an item of the plan: those where an element carries the item's
/// <c>data-item</c> key (its own slides, the overview slides and matrix rows or columns that list it).
/// Read from the deck the build wrote, whose cuts the browser measured, so the numbers are the
/// reader's <c>slides.html#slide-N</c>.
/// </summary>
public static partial class SlideIndex
{
    /// <summary>A slide of a built deck: its number, anchor, kind and plain title (with its part).</summary>
    public sealed record BuiltSlide(int Number, string Anchor, string Kind, string Title);

    public static IReadOnlyList<BuiltSlide> Showing(string deckHtml, PlanItem item)
    {
        var key = KeyOf(item);
        var slides = new List<BuiltSlide>();
        foreach (Match slide in Slide().Matches(deckHtml))
        {
            var kind = slide.Groups["kind"].Value;
            var shows = item.Kind == PlanItemKind.Plan
                ? kind is "title" or "closing"
                : key is not null && DataItem().Matches(slide.Groups["body"].Value).Any(m => WebUtility.HtmlDecode(m.Groups["key"].Value) == key);
            if (shows)
            {
                slides.Add(new BuiltSlide(
                    int.Parse(slide.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    slide.Groups["anchor"].Value, kind, WebUtility.HtmlDecode(slide.Groups["title"].Value)));
            }
        }

        return slides;
    }

    /// <summary>The <c>data-item</c> key the deck's templates mark the item with; a milestone is shown with its phase.</summary>
    public static string? KeyOf(PlanItem item) => item.Kind switch
    {
        PlanItemKind.Mission => TextKeys.Mission(item.Id),
        PlanItemKind.Objective => TextKeys.Objective(item.Id),
        PlanItemKind.Driver => TextKeys.Driver(item.Id),
        PlanItemKind.Pillar => TextKeys.Pillar(item.Id),
        PlanItemKind.Phase => TextKeys.Phase(item.Id),
        PlanItemKind.Milestone when item.ParentId is not null => TextKeys.Phase(item.ParentId),
        _ => null,
    };

    // One slide of pstm's layout (its class may add joined-beside or larger): from its opening tag to the next slide's, or to the end of the deck.
    [GeneratedRegex("<section class=\"slide slide-(?<kind>[a-z-]+)(?: [^\"]*)?\" id=\"(?<anchor>slide-(?<n>\\d+))\"[^>]*?data-title=\"(?<title>[^\"]*)\"[^>]*>(?<body>.*?)(?=<section class=\"slide |</main>)", RegexOptions.Singleline)]
    private static partial Regex Slide();

    [GeneratedRegex("data-item=\"(?<key>[^\"]*)\"")]
    private static partial Regex DataItem();
}
