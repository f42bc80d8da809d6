using System.Globalization;
using Pstm.Plan.Coverage;
using Pstm.Plan.Model;
using Pstm.Rendering.Templates;
using Pstm.Rendering.Text;

namespace Pstm.Rendering.Booklet;

/// <summary>Builds the templates' view of one edition of the booklet from a validated plan.</summary>
public static class BookletViewBuilder
{
    private const int Palette = 6;

    private static readonly string[] PlanSectionKinds = ["process", "vision", "missions", "drivers"];

    public static BookletView Build(StrategicPlan plan, CoverageReport coverage, TemplateStrings strings, string locale, DateOnly date, string generator)
    {
        string S(string key) => HtmlText.Escape(strings[key]);
        var text = new LanguageOfParts(plan);
        var missions = plan.Missions.Select((m, i) => Mission(m, i, coverage, strings, text)).ToList();
        var missionRefs = missions.ToDictionary(m => m.Id, m => new MissionRef(m.Id, m.Anchor, m.Color, m.Short, m.Title, m.TitlePlain));
        var drivers = plan.Drivers.Select(d => Driver(d, strings, missionRefs, plan)).ToList();
        var chapters = plan.Chapters.OrderBy(c => c.Number.Value).Select(c => Chapter(c, plan, strings)).ToList();

        return new BookletView(
            new PlanView(
                Id: HtmlText.Escape(plan.Id.Value),
                Title: text.Inline("plan.title", plan.Title),
                TitlePlain: HtmlText.Plain(plan.Title),
                Subtitle: text.InlineOrNull("plan.subtitle", plan.Subtitle),
                ShortTitle: text.InlineOrNull("plan.short_title", plan.ShortTitle),
                ShortTitleCss: HtmlText.CssString(plan.ShortTitle ?? plan.Title),
                Entity: HtmlText.Escape(plan.Entity),
                Series: plan.Series is null ? null : HtmlText.Escape(plan.Series),
                PeriodText: $"{plan.Period.From}-{plan.Period.To}",
                TitleHasPeriod: plan.Title.Contains($"{plan.Period.From}-{plan.Period.To}", StringComparison.Ordinal),
                CoverNames: plan.Drivers.Select(d => HtmlText.Plain((d.CoverName ?? d.Name).ToUpperInvariant())).ToList(),
                KeywordsPlain: HtmlText.Escape(string.Join(", ", plan.Keywords))),
            new EditionView(
                HtmlText.Escape(locale), HtmlText.Escape(locale), S("edition_name"), HtmlText.Escape(strings.Date(date)),
                date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), HtmlText.Escape(generator)),
            strings.Texts.ToDictionary(e => e.Key, e => HtmlText.Escape(e.Value)),
            strings.Texts.ToDictionary(e => e.Key, e => HtmlText.CssString(e.Value)),
            Toc(chapters, missions, drivers, strings),
            chapters,
            plan.Process.OrderBy(p => p.Number.Value).Select(p => new PhaseView(
                HtmlText.Escape(p.Id.Value),
                HtmlText.Escape(strings.Format("phase_label", ("phase", strings["phase"]), ("number", Number(p.Number.Value)))),
                text.Inline($"process.{p.Id.Value}.title", p.Title),
                HtmlText.Escape(strings.Period(p.Period)),
                p.Milestones.Select(m => new MilestoneView(
                    m.Date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), HtmlText.Escape(strings.Date(m.Date.Value)), text.Inline($"milestones.{m.Id.Value}.title", m.Title))).ToList())).ToList(),
            plan.Vision.Select(p => new PillarView(
                HtmlText.Escape(p.Id.Value), text.Inline($"vision.{p.Id.Value}.name", p.Name), text.Inline($"vision.{p.Id.Value}.definition", p.Definition))).ToList(),
            missions,
            drivers,
            new MatrixView(
                missionRefs.Values.ToList(),
                drivers.Select(d => new MatrixRow(
                    new DriverRef(d.Id, d.Anchor, d.Number, d.Label), d.Name,
                    missions.Select(m => d.Missions.Any(r => r.Id == m.Id)).ToList(),
                    d.Objectives.Count)).ToList()),
            missions.Select(m => new UncitedGroup(missionRefs[m.Id], m.Objectives.Where(o => o.CitedBy.Count == 0).ToList()))
                .Where(g => g.Objectives.Count > 0).ToList())
        {
            SectionHeadings = PlanSectionKinds.ToDictionary(kind => kind, kind => SectionHeading(plan, kind, strings), StringComparer.Ordinal),
        };
    }

    private static ChapterView Chapter(Chapter chapter, StrategicPlan plan, TemplateStrings strings)
    {
        var text = new LanguageOfParts(plan);
        var sections = chapter.Sections
            .Select(s => s.Value)
            .Where(kind => CountOf(plan, kind) > 0)
            .Select(kind => new SectionView(kind, "section-" + kind, SectionHeading(plan, kind, strings)))
            .ToList();
        return new ChapterView(
            HtmlText.Escape(chapter.Id.Value),
            Anchor("chapter", chapter.Id.Value),
            chapter.Number.Value.ToString("00", CultureInfo.InvariantCulture),
            text.Inline($"chapters.{chapter.Id.Value}.title", chapter.Title),
            HtmlText.Plain(chapter.Title),
            HtmlText.CssString(strings.Format("running_header", ("number", chapter.Number.Value.ToString("00", CultureInfo.InvariantCulture)), ("title", HtmlText.PlainText(chapter.Title)))),
            "chapter-" + chapter.Number.Value.ToString(CultureInfo.InvariantCulture),
            text.Block($"chapters.{chapter.Id.Value}.body", chapter.Body, topLevel: 2),
            chapter.Body is null && sections.Count == 0,
            sections);
    }

    private static MissionView Mission(Mission mission, int index, CoverageReport coverage, TemplateStrings strings, LanguageOfParts text)
    {
        var covered = coverage.Missions.FirstOrDefault(m => m.Mission == mission);
        var label = strings.Format("mission_label", ("mission", strings["mission"]), ("number", Number(mission.Number.Value)));
        return new MissionView(
            HtmlText.Escape(mission.Id.Value),
            Anchor("mission", mission.Id.Value),
            mission.Number.Value,
            index % Palette + 1,
            HtmlText.Escape(label),
            HtmlText.Escape(mission.Id.Value),
            text.Inline($"missions.{mission.Id.Value}.title", mission.Title),
            HtmlText.Plain(mission.Title),
            HtmlText.Escape(label + " " + HtmlText.PlainText(mission.Title)),
            mission.Objectives.Select(o => new ObjectiveView(
                HtmlText.Escape(o.Id.Value),
                text.Inline($"objectives.{o.Id.Value}.text", o.Text),
                covered?.Objectives.First(c => c.Objective == o).CitedBy.Select(d => DriverReference(d, strings)).ToList() ?? [])).ToList(),
            covered?.ServedBy.Select(d => DriverReference(d, strings)).ToList() ?? []);
    }

    private static DriverView Driver(Driver driver, TemplateStrings strings, IReadOnlyDictionary<string, MissionRef> missions, StrategicPlan plan)
    {
        var label = strings.Format("driver_label", ("driver", strings["driver"]), ("number", Number(driver.Number.Value)));
        var name = driver.Name.ToUpperInvariant();
        var objectives = plan.Objectives.ToDictionary(o => o.Id.Value);
        var text = new LanguageOfParts(plan);
        return new DriverView(
            HtmlText.Escape(driver.Id.Value),
            Anchor("driver", driver.Id.Value),
            driver.Number.Value,
            HtmlText.Escape(label),
            text.Inline($"drivers.{driver.Id.Value}.name", name),
            HtmlText.Escape(label + " | " + HtmlText.PlainText(name)),
            text.InlineOrNull($"drivers.{driver.Id.Value}.subtitle", driver.Subtitle),
            text.InlineOrNull($"drivers.{driver.Id.Value}.description", driver.Description),
            driver.Subtitle is null || driver.Description is null,
            driver.Missions.Where(m => missions.ContainsKey(m.Value)).Select(m => missions[m.Value]).ToList(),
            driver.Objectives.Where(o => objectives.ContainsKey(o.Value))
                .Select(o => new ObjectiveView(HtmlText.Escape(o.Value), text.Inline($"objectives.{o.Value}.text", objectives[o.Value].Text), [])).ToList());
    }

    private static IReadOnlyList<TocEntry> Toc(
        IReadOnlyList<ChapterView> chapters, IReadOnlyList<MissionView> missions, IReadOnlyList<DriverView> drivers, TemplateStrings strings)
    {
        var entries = new List<TocEntry>();
        foreach (var chapter in chapters)
        {
            entries.Add(new TocEntry(chapter.Anchor, $"{chapter.NumberText} {chapter.TitlePlain}", 1));
            foreach (var section in chapter.Sections)
            {
                entries.Add(new TocEntry(section.Anchor, section.Heading, 2));
                if (section.Kind == "missions")
                {
                    entries.AddRange(missions.Select(m => new TocEntry(m.Anchor, m.Heading, 3)));
                }
                else if (section.Kind == "drivers")
                {
                    entries.AddRange(drivers.Select(d => new TocEntry(d.Anchor, d.Heading, 3)));
                }
            }
        }

        entries.Add(new TocEntry("appendix", HtmlText.Escape(strings["appendix"]), 1));
        entries.Add(new TocEntry("colophon", HtmlText.Escape(strings["colophon"]), 1));
        return entries;
    }

    private static DriverRef DriverReference(Driver driver, TemplateStrings strings) =>
        new(HtmlText.Escape(driver.Id.Value), Anchor("driver", driver.Id.Value), driver.Number.Value,
            HtmlText.Escape(strings.Format("driver_label", ("driver", strings["driver"]), ("number", Number(driver.Number.Value)))));

    /// <summary>"5 drivers", "1 driver": a section's heading in the form of its count.</summary>
    private static string SectionHeading(StrategicPlan plan, string kind, TemplateStrings strings) =>
        HtmlText.Escape(strings.Count(kind + "_heading", CountOf(plan, kind), ("process", strings["process"])));

    private static int CountOf(StrategicPlan plan, string kind) => kind switch
    {
        "process" => plan.Process.Count,
        "vision" => plan.Vision.Count,
        "missions" => plan.Missions.Count,
        "drivers" => plan.Drivers.Count,
        _ => 0,
    };

    private static string Number(int number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>An HTML id for an entity: its kind and its plan id, which is unique across the plan.</summary>
    private static string Anchor(string kind, string id) => BookletAnchors.Of(kind, id);
}
