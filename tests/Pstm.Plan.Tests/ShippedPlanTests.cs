using System.Text.RegularExpressions;
using Pstm.Diagnostics;
using Pstm.Plan.Model;

namespace Pstm.Plan.Tests;

/// <summary>
/// The plan shipped in plan/ is the PSTTM 2025-2027, faithful to the source text (a copy of the seed
/// is kept in Seed/) and valid with exactly the warnings its gaps call for.
/// </summary>
public partial class ShippedPlanTests
{
    private static readonly Lazy<PlanCheck> Check = new(() =>
        PlanCheck.Run(Path.Combine(Golden.RepositoryRoot, "plan"), Golden.RepositoryRoot));

    private static readonly Lazy<string[]> Seed = new(() =>
        File.ReadAllLines(Path.Combine(Golden.ProjectDirectory, "Seed", "psttm-2025-2027-outline.txt"))
            .Select(l => l.Trim()).ToArray());

    private static StrategicPlan Plan => Check.Value.Plan!;

    [Fact]
    public void Validates_with_exactly_the_expected_warnings_and_no_errors()
    {
        var problems = Check.Value.Diagnostics
            .Where(d => d.Severity != Severity.Info)
            .Select(d => $"{d.Code} {d.Span.File}: {d.Message}")
            .ToList();

        Assert.Equal(
            [
                "PSTM0404 plan/chapters.yaml: chapter C2 'Quadri di riferimento' has no body and places no section: readers will see only its title",
                "PSTM0404 plan/chapters.yaml: chapter C5 'Attuazione e monitoraggio' has no body and places no section: readers will see only its title",
                "PSTM0403 plan/drivers.yaml: driver D8 'Il lavoro al lavoro' has no subtitle yet",
                "PSTM0403 plan/drivers.yaml: driver D8 'Il lavoro al lavoro' has no description yet",

                // The publication: what is not public is left out, and said (plan-facts.md).
                "PSTM0417 plan/plan.yaml: the plan states no publication date: the colophon shows none (the day of the build is shown only as such)",
                "PSTM0417 plan/plan.yaml: the plan states no approving act: the colophon names none",
                "PSTM0417 plan/plan.yaml: the plan states no credits: the colophon names no editors or designers",
                "PSTM0417 plan/plan.yaml: the plan states no licence: the colophon and the back cover do not say how readers may reuse the booklet",
                "PSTM0417 plan/plan.yaml: the plan states no address where the booklet is published: the back cover and the closing slide show none",
            ],
            problems);
    }

    [Fact]
    public void Coverage_lists_the_objectives_no_driver_text_covers()
    {
        var uncited = Check.Value.Coverage!.UncitedObjectives.Select(o => o.Id.Value).ToList();

        // The six the public notes name, plus the three work-related ones that only driver 8, still unwritten, would cover.
        Assert.Equal(["M1.4", "M4.1", "M4.2", "M5.1", "M5.2", "M5.5", "M5.6", "M6.2", "M6.3"], uncited);
        Assert.Equal(6, Check.Value.Coverage.ServedMissionCount);
    }

    [Fact]
    public void Has_the_plans_structure()
    {
        Assert.Equal("Città metropolitana di Milano", Plan.Entity);
        Assert.Equal(new YearPeriod(2025, 2027), Plan.Period);
        Assert.Equal("it", Plan.Language);
        Assert.Equal([1, 2, 3, 4, 5], Plan.Chapters.Select(c => c.Number.Value));
        Assert.Equal([4, 8, 10, 4, 6, 3], Plan.Missions.Select(m => m.Objectives.Count));
        Assert.Equal(35, Plan.Objectives.Count());
        Assert.Equal(Enumerable.Range(1, 10), Plan.Drivers.Select(d => d.Number.Value));
        Assert.Equal(["Sostenibilità", "Connettività", "Prossimità", "Inclusione", "Attrattività"], Plan.Vision.Select(p => p.Name));
    }

    [Fact]
    public void Objectives_are_the_sources_word_for_word_with_their_emphasis()
    {
        var seedObjectives = new List<string>();
        var inObjectives = false;
        var listStarted = false;
        foreach (var line in Seed.Value)
        {
            if (line == "OBIETTIVI STRATEGICI")
            {
                (inObjectives, listStarted) = (true, false);
            }
            else if (inObjectives && line.StartsWith("- ", StringComparison.Ordinal))
            {
                seedObjectives.Add(line[2..]);
                listStarted = true;
            }
            else if (line.Length > 0 || listStarted)
            {
                inObjectives = false;
            }
        }

        Assert.Equal(35, seedObjectives.Count);
        Assert.Equal(seedObjectives, Plan.Objectives.Select(o => o.Text));
    }

    [Fact]
    public void Mission_titles_are_the_sources()
    {
        var titles = new List<string>();
        var lines = Seed.Value;
        for (var i = 0; i < lines.Length; i++)
        {
            var match = MissionHeading().Match(lines[i]);
            if (match.Success)
            {
                titles.Add(match.Groups[1].Value.Length > 0 ? match.Groups[1].Value : NextText(lines, i));
            }
        }

        Assert.Equal(titles, Plan.Missions.Select(m => m.Title));
    }

    [Fact]
    public void Driver_names_subtitles_and_texts_are_the_sources()
    {
        var lines = Seed.Value;
        var found = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var match = DriverHeading().Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            var driver = Plan.Drivers.Single(d => d.Number.Value == int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            var seedName = Regex.Replace(match.Groups[2].Value, @"\s*-\s*", "-");
            Assert.Equal(seedName.ToUpperInvariant(), driver.Name.ToUpperInvariant());
            Assert.Equal(NextText(lines, i), driver.Subtitle);
            var quote = Array.IndexOf(lines, "“", i);
            Assert.Equal(NextText(lines, quote), driver.Description);
            found++;
        }

        Assert.Equal(9, found);
        var eight = Plan.Drivers.Single(d => d.Number.Value == 8);
        Assert.Contains(eight.Name.ToUpperInvariant(), lines);
        Assert.Null(eight.Subtitle);
        Assert.Null(eight.Description);
    }

    [Fact]
    public void Every_driver_name_of_the_cover_is_a_driver()
    {
        var cover = Seed.Value.TakeWhile(l => l != "PROSPETTIVE METROPOLITANE").Where(l => l.Length > 0).ToList();
        var names = Plan.Drivers.Select(d => (d.CoverName ?? d.Name).ToUpperInvariant()).ToList();
        Assert.Equal(cover.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Chapters_and_phases_are_the_sources()
    {
        var chapterTitles = Seed.Value.Select(l => ChapterHeading().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(chapterTitles, Plan.Chapters.Select(c => c.Title.ToUpperInvariant()));

        Assert.Equal(["Orientamenti preliminari", "Costruzione proposta di Piano", "Approvazione"], Plan.Process.Select(p => p.Title));
        Assert.Equal(
            ["2024-10..2024-11", "2024-12..2025-02", "2025-03..2025-06"],
            Plan.Process.Select(p => p.Period.ToString()));

        var impostazione = "Il Piano strategico (PSTTM) di Città metropolitana 2025-2027 "
            + NextText(Seed.Value, Array.IndexOf(Seed.Value, "Il Piano strategico (PSTTM) di Città metropolitana 2025-2027"));
        Assert.Contains(impostazione, Plan.Chapters[0].Body);
    }

    private static string NextText(string[] lines, int index)
    {
        for (var i = index + 1; i < lines.Length; i++)
        {
            if (lines[i].Length > 0)
            {
                return lines[i];
            }
        }

        return "";
    }

    [GeneratedRegex(@"^MISSIONE \d\.\s*(.*)$")]
    private static partial Regex MissionHeading();

    [GeneratedRegex(@"^DRIVER (\d+) \| (.+)$")]
    private static partial Regex DriverHeading();

    [GeneratedRegex(@"^- 0\d\*\* (.+)$")]
    private static partial Regex ChapterHeading();
}
