using System.Net;
using Pstm.Diagnostics;
using Pstm.Plan.Model;
using Pstm.Plan.Translation;
using Pstm.Rendering.Booklet;
using Pstm.Rendering.Text;

namespace Pstm.Rendering.Slides;

/// <summary>
/// Decides the deck's slides from the booklet's view, in two steps: <see cref="Sections"/> gives each
/// idea with all its items (what the measuring deck shows, one slide each), and <see cref="Plan"/>
/// cuts them where the browser measured that the next item no longer fits (<see cref="DeckLayout"/>),
/// into continuation slides ("2/2"), so that nothing is clipped or shrunk.
/// </summary>
public static class SlidePlanner
{
    public static IReadOnlyList<SlideSection> Sections(BookletView view, StrategicPlan plan)
    {
        var sections = new List<SlideSection>();
        var language = new LanguageOfParts(plan, image => image.DataUrl);
        var locations = ItemLocations.Of(plan);
        SlideUnit Unit(string key, string? splitHtml = null) => new(key, locations.Locate(key), splitHtml);

        // Titles made of the templates' words: already escaped, with no markup, so title and plain agree.
        void AddList(string kind, string title, IReadOnlyList<object> items, IReadOnlyList<SlideUnit> units, bool columns = false) =>
            sections.Add(new SlideSection(kind, title, title, items, units, columns, null, null, null, null));

        // The parts are the booklet's (EditionParts): a part the booklet leaves out is not in the deck either.
        sections.Add(new SlideSection("title", view.Plan.Title, view.Plan.TitlePlain, [], [], false, null, null, null, null));
        if (view.Parts.Has("process"))
        {
            AddList("process", view.SectionHeadings["process"], view.Process, view.Process.Select(p => Unit(TextKeys.Phase(Raw(p.Id)))).ToList());
        }

        if (view.Parts.Has("vision"))
        {
            AddList("vision", view.SectionHeadings["vision"], view.Vision, view.Vision.Select(p => Unit(TextKeys.Pillar(Raw(p.Id)))).ToList());
        }

        if (view.Parts.Has("missions"))
        {
            AddList("missions", view.SectionHeadings["missions"], view.Missions, view.Missions.Select(m => Unit(TextKeys.Mission(Raw(m.Id)))).ToList());
            foreach (var (mission, source) in view.Missions.Zip(plan.Missions))
            {
                sections.Add(new SlideSection(
                    "mission", mission.Heading, mission.Heading, mission.Objectives,
                    mission.Objectives.Select(o => Unit(TextKeys.Objective(Raw(o.Id)), o.Text)).ToList(), true, mission, null, null,
                    source.Notes is null ? null : language.Block(TextKeys.Mission(source.Id.Value).Notes, source.Notes, topLevel: 3)));
            }
        }

        if (view.Parts.Has("drivers"))
        {
            AddList("drivers", view.SectionHeadings["drivers"], view.Drivers, view.Drivers.Select(d => Unit(TextKeys.Driver(Raw(d.Id)))).ToList());
            foreach (var (driver, source) in view.Drivers.Zip(plan.Drivers))
            {
                var text = string.IsNullOrWhiteSpace(source.Description) ? null : language.Inline(TextKeys.Driver(source.Id.Value).Description, source.Description);
                sections.Add(new SlideSection(
                    "driver", driver.Heading, driver.Heading, [], text is null ? [] : [Unit(TextKeys.Driver(source.Id.Value), text)], false, null, driver, text,
                    source.Notes is null ? null : language.Block(TextKeys.Driver(source.Id.Value).Notes, source.Notes, topLevel: 3)));
            }
        }

        if (view.Parts.Matrix)
        {
            AddList("matrix", view.Strings["matrix"], view.Matrix.Rows, view.Matrix.Rows.Select(r => Unit(TextKeys.Driver(Raw(r.Driver.Id)))).ToList());
        }

        sections.Add(new SlideSection(
            "closing", view.Plan.ShortTitle ?? view.Plan.Title,
            view.Plan.ShortTitle is null ? view.Plan.TitlePlain : HtmlText.Escape(plan.ShortTitle is null ? "" : HtmlText.PlainText(plan.ShortTitle)),
            [], [], false, null, null, null, null));
        return sections;
    }

    /// <summary>The measuring deck's slides: each section on one slide, with all its items and a part mark as wide as a continuation's.</summary>
    public static IReadOnlyList<SlideView> Measuring(IReadOnlyList<SlideSection> sections) =>
        sections.Select((s, i) => View(i + 1, s, s.Items, s.Text, 1, s.Units.Count > 0 ? 2 : 1, 1)).ToList();

    /// <summary>
    /// The deck's slides: each section cut as <paramref name="layout"/> says. A layout that does not
    /// account for every item and word of a section (a template that hides an item from the measure)
    /// leaves that section on one slide, for the output check to report, rather than lose anything.
    /// </summary>
    public static IReadOnlyList<SlideView> Plan(IReadOnlyList<SlideSection> sections, DeckLayout layout, DiagnosticBag diagnostics, bool strict = false)
    {
        var slides = new List<SlideView>();
        var joinable = false;
        for (var s = 0; s < sections.Count; s++)
        {
            var section = sections[s];
            var first = slides.Count;
            var words = section.Units.Select(u => u.SplitHtml is null ? null : new HtmlWords(u.SplitHtml)).ToList();
            var measured = s < layout.Sections.Count ? layout.Sections[s] : null;
            var fills = measured is not null && Accounts(measured.Slides, section, words) ? measured.Slides : DeckLayout.Unmeasured([section]).Sections[0].Slides;
            foreach (var key in measured?.Unfit.Distinct(StringComparer.Ordinal) ?? [])
            {
                if (section.Units.FirstOrDefault(u => u.Key == key) is not { } unit)
                {
                    continue;
                }

                diagnostics.Add(RenderingDiagnostics.SlideItemTooTall.Create(
                    unit.Span,
                    strict ? Severity.Error : Severity.Warning,
                    $"'{key}' does not fit on a slide of the deck even on its own{(unit.SplitHtml is null ? "" : " and cut between its words")}; it overflows its slide",
                    "shorten the text, or divide the item into two"));
            }

            if (fills.Count == 0)
            {
                slides.Add(View(slides.Count + 1, section, section.Items, section.Text, 1, 1, 1));
            }

            for (var k = 0; k < fills.Count; k++)
            {
                var parts = fills[k].Units;
                string? text = null;
                var items = new List<object>();
                foreach (var part in parts)
                {
                    var html = part.To < 0 ? section.Units[part.Unit].SplitHtml : words[part.Unit]!.Part(part.From, part.To);
                    if (section.Kind == "driver")
                    {
                        text = html;
                    }
                    else
                    {
                        var item = section.Items[part.Unit];
                        items.Add(part.To >= 0 && item is ObjectiveView objective ? objective with { Text = html! } : item);
                    }
                }

                slides.Add(View(slides.Count + 1, section, items, text, k + 1, fills.Count, fills[k].Columns));
            }

            // A section on one slide joins the previous one's slide where the browser measured that both
            // fit (JoinsPrevious); the slide keeps the first one's number and kind.
            var alone = slides.Count == first + 1 && section.Kind is not ("title" or "closing");
            if (alone && joinable && measured is { JoinsPrevious: true } && ReferenceEquals(fills, measured.Slides))
            {
                var host = slides[first - 1];
                var block = slides[first] with { Number = host.Number, Anchor = $"{host.Anchor}-{host.Joined.Count + 2}" };
                slides[first - 1] = host with { Joined = [.. host.Joined, block], Beside = measured.Beside && host.Joined.Count == 0, Larger = false };
                slides.RemoveAt(first);
                continue;
            }

            // A section alone on a slide it fills less than half is set larger where the browser measured it fits so.
            if (alone && measured is { Larger: true } && ReferenceEquals(fills, measured.Slides))
            {
                slides[first] = slides[first] with { Larger = true };
            }

            joinable = alone;
        }

        return slides;
    }

    private static SlideView View(int number, SlideSection section, IReadOnlyList<object> items, string? text, int part, int parts, int columns) =>
        new(number, $"slide-{number}", section.Kind, section.Title, parts > 1 ? $"{section.TitlePlain} {part}/{parts}" : section.TitlePlain,
            part, parts, section.Mission, section.Driver, items, text, section.NotesHtml)
        { Columns = columns, ItemAnchor = part == 1 ? section.Mission?.Anchor ?? section.Driver?.Anchor : null };

    /// <summary>Whether the slides show every unit of the section once, in order, and every word of a cut one.</summary>
    private static bool Accounts(IReadOnlyList<SlideFill> fills, SlideSection section, List<HtmlWords?> words)
    {
        var next = (Unit: 0, Word: 0);
        foreach (var part in fills.SelectMany(f => f.Units))
        {
            if (part.Unit != next.Unit || part.Unit >= section.Units.Count)
            {
                return false;
            }

            if (part.To < 0)
            {
                if (part.From != 0 || next.Word != 0)
                {
                    return false;
                }

                next = (part.Unit + 1, 0);
                continue;
            }

            if (words[part.Unit] is not { } text || part.From != next.Word || part.To <= part.From || part.To > text.Count)
            {
                return false;
            }

            next = part.To == text.Count ? (part.Unit + 1, 0) : (part.Unit, part.To);
        }

        return next == (section.Units.Count, 0) && fills.All(f => f.Units.Count > 0 && f.Columns is 1 or 2);
    }

    // Ids reach the views escaped for HTML; the keys are the plan's own.
    private static string Raw(string escapedId) => WebUtility.HtmlDecode(escapedId);
}
