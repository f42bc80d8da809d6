using System.Globalization;
using Pstm.Plan.Coverage;
using Pstm.Plan.Model;
using Pstm.Plan.Translation;
using Pstm.Plan.Validation;
using Pstm.Rendering.Templates;
using Pstm.Rendering.Text;

namespace Pstm.Rendering.Booklet;

/// <summary>Builds the templates' view of one edition of the booklet from a validated plan.</summary>
public static class BookletViewBuilder
{
    private static readonly string[] PlanSectionKinds = ["process", "vision", "missions", "drivers"];

    /// <param name="withChanges">Whether the booklet lists changes since an earlier edition (in its appendix).</param>
    public static BookletView Build(
        StrategicPlan plan, CoverageReport coverage, TemplateStrings strings, string locale, DateOnly date, string generator, bool withChanges = false)
    {
        string S(string key) => HtmlText.Escape(strings[key]);
        var text = new LanguageOfParts(plan);
        var parts = EditionParts.Of(plan);
        var expected = ExpectedTexts.Of(plan);
        var palette = MissionPalette.Positions(plan.Missions, MissionPalette.SizeOf(plan));
        var missions = plan.Missions.Select((m, i) => Mission(m, i, palette[i], coverage, strings, text, plan.Display)).ToList();
        var missionRefs = missions.ToDictionary(m => m.Id, m => new MissionRef(m.Id, m.Anchor, m.Color, m.Short, m.Title, m.TitlePlain));
        var drivers = plan.Drivers.Select(d => Driver(d, strings, missionRefs, plan, expected)).ToList();
        var actionsOf = plan.Objectives.ToDictionary(o => o.Id.Value, o => o.Actions.Count);
        var chapters = plan.Chapters.OrderBy(c => c.Number.Value).Select(c => Chapter(c, plan, strings, parts)).ToList();
        var sections = parts.InChapters ? [] : parts.Sections.Select(kind => Section(kind, plan, strings, level: 1)).ToList();
        var appendix = parts.Appendix(withChanges);

        return new BookletView(
            new PlanView(
                Id: HtmlText.Escape(plan.Id.Value),
                Title: text.Inline(TextKeys.Plan.Title, plan.Title),
                TitlePlain: HtmlText.Plain(plan.Title),
                Subtitle: text.InlineOrNull(TextKeys.Plan.Subtitle, plan.Subtitle),
                ShortTitle: text.InlineOrNull(TextKeys.Plan.ShortTitle, plan.ShortTitle),
                ShortTitleCss: HtmlText.CssString(Typography.Finish(plan.ShortTitle ?? plan.Title)),
                Entity: HtmlText.Escape(plan.Entity),
                Series: plan.Series is null ? null : HtmlText.Escape(plan.Series),
                PeriodText: $"{plan.Period.From}-{plan.Period.To}",
                TitleHasPeriod: plan.Title.Contains($"{plan.Period.From}-{plan.Period.To}", StringComparison.Ordinal),
                CoverNames: plan.Drivers.Select(d => HtmlText.Plain(d.CoverName ?? d.Name)).ToList(),
                KeywordsPlain: HtmlText.Escape(string.Join(", ", plan.Keywords)))
            {
                DriverObjectives = plan.Display.DriverObjectives,
            },
            new EditionView(
                HtmlText.Escape(locale), HtmlText.Escape(locale), S("edition_name"), HtmlText.Escape(strings.Date(date)),
                date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), HtmlText.Escape(generator))
            {
                GeneratedText = HtmlText.Escape(strings.Format("generated_with", ("generator", generator), ("date", strings.Date(date)))),
                FontsText = HtmlText.Escape(strings.Format("fonts_note", ("fonts", ThemeCss.FontsCredit(plan)))),
            },
            strings.Texts.ToDictionary(e => e.Key, e => HtmlText.Escape(e.Value)),
            strings.Texts.ToDictionary(e => e.Key, e => HtmlText.CssString(Typography.Finish(e.Value))),
            Toc(chapters, sections, missions, drivers, strings, appendix),
            chapters,
            sections,
            plan.Process.OrderBy(p => p.Number.Value).Select(p => new PhaseView(
                HtmlText.Escape(p.Id.Value),
                HtmlText.Escape(strings.Format("phase_label", ("phase", strings["phase"]), ("number", Numbering.Format(p.Number.Value, plan.Display.PhaseNumbering)))),
                text.Inline(TextKeys.Phase(p.Id.Value).Title, p.Title),
                HtmlText.Escape(strings.Period(p.Period)),
                p.Milestones.Select(m => new MilestoneView(
                    m.Date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), HtmlText.Escape(strings.Date(m.Date.Value)), text.Inline(TextKeys.Milestone(m.Id.Value).Title, m.Title))).ToList())).ToList(),
            plan.Vision.Select(p => new PillarView(
                HtmlText.Escape(p.Id.Value), text.Inline(TextKeys.Pillar(p.Id.Value).Name, p.Name), text.Inline(TextKeys.Pillar(p.Id.Value).Definition, p.Definition))).ToList(),
            missions,
            drivers,
            new MatrixView(
                parts.Matrix ? missionRefs.Values.ToList() : [],
                parts.Matrix
                    ? drivers.Zip(plan.Drivers).Select(pair => new MatrixRow(
                        new DriverRef(pair.First.Id, pair.First.Anchor, pair.First.Number, pair.First.Label) { NumberText = pair.First.NumberText, Code = pair.First.Code }, pair.First.Name,
                        missions.Select(m => pair.First.Missions.Any(r => r.Id == m.Id)).ToList(),
                        pair.First.Objectives.Count)
                    {
                        ActionCount = pair.Second.Objectives.Select(o => o.Value).Distinct().Sum(o => actionsOf.GetValueOrDefault(o)),
                    }).ToList()
                    : [])
            {
                HasActions = plan.Actions.Any(),
            },
            parts.Matrix
                ? missions.Select(m => new UncitedGroup(missionRefs[m.Id], m.Objectives.Where(o => o.CitedBy.Count == 0).ToList()))
                    .Where(g => g.Objectives.Count > 0).ToList()
                : [],
            parts,
            appendix)
        {
            MissionColorCss = ColorRules(plan.Missions),
            PlanThemeCss = ThemeCss.ForBooklet(plan),
            SectionHeadings = PlanSectionKinds.ToDictionary(kind => kind, kind => SectionHeading(plan, kind, strings), StringComparer.Ordinal),
        };
    }

    private static ChapterView Chapter(Chapter chapter, StrategicPlan plan, TemplateStrings strings, EditionParts parts)
    {
        var text = new LanguageOfParts(plan);
        var sections = chapter.Sections
            .Select(s => s.Value)
            .Where(parts.Has)
            .Select(kind => Section(kind, plan, strings, level: 2))
            .ToList();
        return new ChapterView(
            HtmlText.Escape(chapter.Id.Value),
            Anchor("chapter", chapter.Id.Value),
            chapter.Number.Value.ToString("00", CultureInfo.InvariantCulture),
            text.Inline(TextKeys.Chapter(chapter.Id.Value).Title, chapter.Title),
            HtmlText.Plain(chapter.Title),
            HtmlText.CssString(Typography.Finish(strings.Format("running_header", ("number", chapter.Number.Value.ToString("00", CultureInfo.InvariantCulture)), ("title", HtmlText.PlainText(chapter.Title))))),
            "chapter-" + chapter.Number.Value.ToString(CultureInfo.InvariantCulture),
            text.Block(TextKeys.Chapter(chapter.Id.Value).Body, chapter.Body, topLevel: 2),
            chapter.Body is null && sections.Count == 0,
            sections);
    }

    private static SectionView Section(string kind, StrategicPlan plan, TemplateStrings strings, int level) =>
        new(kind, "section-" + kind, SectionHeading(plan, kind, strings), level);

    private static MissionView Mission(
        Mission mission, int index, int palette, CoverageReport coverage, TemplateStrings strings, LanguageOfParts text, DisplaySettings display)
    {
        var covered = coverage.Missions.FirstOrDefault(m => m.Mission == mission);
        var number = Numbering.Format(mission.Number.Value, display.MissionNumbering);
        var label = mission.Code?.Value ?? strings.Format("mission_label", ("mission", strings["mission"]), ("number", number));
        var code = mission.Code?.Value ?? (display.Ids ? mission.Id.Value : strings.Format("mission_code", ("mission", strings["mission"]), ("number", number)));
        return new MissionView(
            HtmlText.Escape(mission.Id.Value),
            Anchor("mission", mission.Id.Value),
            mission.Number.Value,
            palette > 0 ? palette.ToString(CultureInfo.InvariantCulture) : OwnColor(index),
            HtmlText.Escape(label),
            HtmlText.Escape(code),
            text.Inline(TextKeys.Mission(mission.Id.Value).Title, mission.Title),
            HtmlText.Plain(mission.Title),
            HtmlText.Escape(label + " " + HtmlText.PlainText(mission.Title)),
            mission.Objectives.Select(o => Objective(o, text, display,
                covered?.Objectives.First(c => c.Objective == o).CitedBy.Select(d => DriverReference(d, strings, display)).ToList() ?? [])).ToList(),
            covered?.ServedBy.Select(d => DriverReference(d, strings, display)).ToList() ?? []);
    }

    /// <summary>An objective with what the plan gives of it: code (or id, when the plan shows ids), title, body and actions.</summary>
    private static ObjectiveView Objective(Objective objective, LanguageOfParts text, DisplaySettings display, IReadOnlyList<DriverRef> citedBy)
    {
        var id = objective.Id.Value;
        return new ObjectiveView(HtmlText.Escape(id), text.Inline(TextKeys.Objective(id).Text, objective.Text), citedBy)
        {
            Code = ShownCode(objective.Code, id, display),
            Title = text.InlineOrNull(TextKeys.Objective(id).Title, objective.Title),
            BodyHtml = objective.Body is null ? null : text.Block(TextKeys.Objective(id).Body, objective.Body, topLevel: 4),
            Actions = objective.Actions.Select(a => new ActionView(
                HtmlText.Escape(a.Id.Value), ShownCode(a.Code, a.Id.Value, display), text.Inline(TextKeys.Action(a.Id.Value).Text, a.Text))).ToList(),
        };
    }

    /// <summary>The code readers see for an item that has no generated one: its own, or its id when the plan shows ids.</summary>
    private static string? ShownCode(Located<string>? code, string id, DisplaySettings display) =>
        code is { } own ? HtmlText.Escape(own.Value) : display.Ids ? HtmlText.Escape(id) : null;

    /// <summary>The class suffix of a mission drawn in its own colour.</summary>
    private static string OwnColor(int index) => "own-" + (index + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>One rule per mission with a colour of its own; the colour was checked to be #rrggbb when the plan was read.</summary>
    private static string ColorRules(IReadOnlyList<Mission> missions) => string.Concat(missions
        .Select((m, i) => m.Color is { } color && HexColor.TryParse(color.Value, out var hex)
            ? $".mission-color-{OwnColor(i)} {{ --mission: {hex}; }}\n"
            : ""));

    private static DriverView Driver(
        Driver driver, TemplateStrings strings, Dictionary<string, MissionRef> missions, StrategicPlan plan, ExpectedTexts expected)
    {
        var label = DriverLabel(driver, strings, plan.Display);
        var objectives = plan.Objectives.ToDictionary(o => o.Id.Value);
        var text = new LanguageOfParts(plan);
        var name = text.Inline(TextKeys.Driver(driver.Id.Value).Name, driver.Name);

        // The name as the plan writes it: capitals, if any, are the theme's (--driver-name-transform).
        var heading = HtmlText.Escape(strings.Format("driver_heading", ("label", label)));
        return new DriverView(
            HtmlText.Escape(driver.Id.Value),
            Anchor("driver", driver.Id.Value),
            driver.Number.Value,
            HtmlText.Escape(label),
            name,
            HtmlText.Escape(strings.Format("driver_heading", ("label", label), ("name", HtmlText.PlainText(driver.Name)))),
            heading.Replace("{name}", $"<span class=\"driver-name\">{name}</span>", StringComparison.Ordinal),
            text.InlineOrNull(TextKeys.Driver(driver.Id.Value).Subtitle, driver.Subtitle),
            text.InlineOrNull(TextKeys.Driver(driver.Id.Value).Description, driver.Description),
            expected.InPreparation(driver),
            driver.Missions.Where(m => missions.ContainsKey(m.Value)).Select(m => missions[m.Value]).ToList(),
            driver.Objectives.Where(o => objectives.ContainsKey(o.Value))
                .Select(o => new ObjectiveView(HtmlText.Escape(o.Value), text.Inline(TextKeys.Objective(o.Value).Text, objectives[o.Value].Text), [])
                {
                    Code = ShownCode(objectives[o.Value].Code, o.Value, plan.Display),
                }).ToList())
        {
            NumberText = Numbering.Format(driver.Number.Value, plan.Display.DriverNumbering),
            Code = driver.Code is { } code ? HtmlText.Escape(code.Value) : null,
        };
    }

    /// <summary>The table of contents: the same parts, at the same levels, as the headings the PDF outline is made from.</summary>
    private static List<TocEntry> Toc(
        IReadOnlyList<ChapterView> chapters, IReadOnlyList<SectionView> sections, IReadOnlyList<MissionView> missions, IReadOnlyList<DriverView> drivers,
        TemplateStrings strings, bool appendix)
    {
        var entries = new List<TocEntry>();
        void AddSection(SectionView section)
        {
            entries.Add(new TocEntry(section.Anchor, section.Heading, section.Level));
            if (section.Kind == "missions")
            {
                entries.AddRange(missions.Select(m => new TocEntry(m.Anchor, $"{m.Label} {m.Title}", section.ItemLevel)));
            }
            else if (section.Kind == "drivers")
            {
                entries.AddRange(drivers.Select(d => new TocEntry(d.Anchor, d.HeadingHtml, section.ItemLevel)));
            }
        }

        foreach (var chapter in chapters)
        {
            entries.Add(new TocEntry(chapter.Anchor, $"{chapter.NumberText} {chapter.Title}", 1));
            chapter.Sections.ToList().ForEach(AddSection);
        }

        sections.ToList().ForEach(AddSection);
        if (appendix)
        {
            entries.Add(new TocEntry(BookletAnchors.Appendix, HtmlText.Escape(strings["appendix"]), 1));
        }

        entries.Add(new TocEntry("colophon", HtmlText.Escape(strings["colophon"]), 1));
        return entries;
    }

    private static DriverRef DriverReference(Driver driver, TemplateStrings strings, DisplaySettings display) =>
        new(HtmlText.Escape(driver.Id.Value), Anchor("driver", driver.Id.Value), driver.Number.Value, HtmlText.Escape(DriverLabel(driver, strings, display)))
        {
            NumberText = Numbering.Format(driver.Number.Value, display.DriverNumbering),
            Code = driver.Code is { } code ? HtmlText.Escape(code.Value) : null,
        };

    /// <summary>How readers know a driver: its code ("DS3"), or the generated label ("Driver 3").</summary>
    private static string DriverLabel(Driver driver, TemplateStrings strings, DisplaySettings display) =>
        driver.Code?.Value ?? strings.Format("driver_label", ("driver", strings["driver"]), ("number", Numbering.Format(driver.Number.Value, display.DriverNumbering)));

    /// <summary>"5 drivers", "1 driver": a section's heading in the form of its count.</summary>
    private static string SectionHeading(StrategicPlan plan, string kind, TemplateStrings strings) =>
        HtmlText.Escape(strings.Count(kind + "_heading", SectionEntries.CountOf(plan, kind) ?? 0, ("process", strings["process"])));


    /// <summary>An HTML id for an entity: its kind and its plan id, which is unique across the plan.</summary>
    private static string Anchor(string kind, string id) => BookletAnchors.Of(kind, id);
}
