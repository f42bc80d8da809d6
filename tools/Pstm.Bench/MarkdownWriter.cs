using System.Text;
using Pstm.Plan.Model;

namespace Pstm.Bench;

/// <summary>
/// A plan's content as one Markdown document, for the peers (pandoc with WeasyPrint or pdflatex,
/// Chromium's print) to typeset: the same texts as pstm's booklet, in the same order, without its design.
/// </summary>
internal static class MarkdownWriter
{
    private static readonly string[] SectionsInOrder = ["process", "vision", "missions", "drivers"];

    public static string Write(StrategicPlan plan)
    {
        var md = new StringBuilder();
        md.Append("---\n")
            .Append("title: ").Append(Quote(Plain(plan.Title))).Append('\n')
            .Append("author: ").Append(Quote(plan.Entity)).Append('\n')
            .Append("lang: ").Append(plan.Language).Append('\n')
            .Append("---\n\n");
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var objectives = plan.Objectives.ToDictionary(o => o.Id.Value, StringComparer.Ordinal);
        foreach (var chapter in plan.Chapters)
        {
            md.Append("# ").Append(chapter.Number.Value).Append(". ").Append(chapter.Title).Append("\n\n");
            if (chapter.Body is { } body)
            {
                md.Append(body.Trim()).Append("\n\n");
            }

            foreach (var section in chapter.Sections.Select(s => s.Value).Where(placed.Add))
            {
                Section(md, plan, section, objectives);
            }
        }

        foreach (var section in SectionsInOrder.Where(placed.Add))
        {
            Section(md, plan, section, objectives);
        }

        return md.ToString();
    }

    private static void Section(StringBuilder md, StrategicPlan plan, string section, Dictionary<string, Objective> objectives)
    {
        string Label(string key, string italian, string english) =>
            plan.Labels.GetValueOrDefault(key) ?? (plan.Language == "it" ? italian : english);

        switch (section)
        {
            case "process":
                md.Append("## ").Append(Label("process", "Processo", "Process")).Append("\n\n");
                foreach (var phase in plan.Process)
                {
                    md.Append("### ").Append(Label("phase", "Fase", "Phase")).Append(' ').Append(phase.Number.Value).Append(": ").Append(phase.Title).Append("\n\n");
                    md.Append(phase.Period.From).Append(" – ").Append(phase.Period.To).Append("\n\n");
                    foreach (var milestone in phase.Milestones)
                    {
                        md.Append("- ").Append(milestone.Date.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append(": ").Append(milestone.Title).Append('\n');
                    }

                    md.Append(phase.Milestones.Count > 0 ? "\n" : "");
                }

                break;
            case "vision":
                md.Append("## ").Append(Label("vision", "Visione", "Vision")).Append("\n\n");
                foreach (var pillar in plan.Vision)
                {
                    md.Append("**").Append(pillar.Name).Append("**: ").Append(pillar.Definition).Append("\n\n");
                }

                break;
            case "missions":
                foreach (var mission in plan.Missions)
                {
                    md.Append("## ").Append(Label("mission", "Missione", "Mission")).Append(' ').Append(mission.Number.Value).Append(": ").Append(mission.Title).Append("\n\n");
                    md.Append("### ").Append(Label("objectives", "Obiettivi", "Objectives")).Append("\n\n");
                    foreach (var objective in mission.Objectives)
                    {
                        md.Append("- ").Append(objective.Id.Value).Append(' ').Append(objective.Text).Append('\n');
                    }

                    md.Append('\n');
                }

                break;
            case "drivers":
                foreach (var driver in plan.Drivers)
                {
                    md.Append("## ").Append(Label("driver", "Driver", "Driver")).Append(' ').Append(driver.Number.Value).Append(": ").Append(driver.Name).Append("\n\n");
                    md.Append(string.Join(" · ", driver.Missions.Select(m => m.Value))).Append("\n\n");
                    if (driver.Subtitle is { } subtitle)
                    {
                        md.Append('*').Append(subtitle).Append("*\n\n");
                    }

                    if (driver.Description is { } description)
                    {
                        md.Append("> ").Append(description.ReplaceLineEndings(" ")).Append("\n\n");
                    }

                    foreach (var id in driver.Objectives.Select(o => o.Value))
                    {
                        md.Append("- ").Append(id).Append(' ').Append(objectives.TryGetValue(id, out var objective) ? objective.Text : "").Append('\n');
                    }

                    md.Append('\n');
                }

                break;
        }
    }

    private static string Plain(string text) => text.Replace("**", "", StringComparison.Ordinal);

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
