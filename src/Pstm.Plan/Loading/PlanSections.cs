using Pstm.Diagnostics;
using Pstm.Plan.Model;
using Pstm.Plan.Yaml;

namespace Pstm.Plan.Loading;

/// <summary>
/// The sections a plan's files may hold, gathered across files in include order, so that editors can
/// split a large section over several files.
/// </summary>
internal sealed class PlanSections
{
    /// <summary>The section keys, in the order a booklet presents them.</summary>
    public static readonly IReadOnlyList<string> Names = ["chapters", "process", "vision", "missions", "drivers"];

    public List<Chapter> Chapters { get; } = [];
    public List<Phase> Process { get; } = [];
    public List<Pillar> Vision { get; } = [];
    public List<Mission> Missions { get; } = [];
    public List<Driver> Drivers { get; } = [];

    /// <summary>The entity's identity: in plan.yaml or in one file it includes, never in two.</summary>
    public Theme? Theme { get; private set; }

    /// <summary>Reads every section key present in <paramref name="fields"/>.</summary>
    public void ReadFrom(MappingReader fields, DiagnosticBag diagnostics)
    {
        Collect(fields.Sequence("chapters"), ChapterReader.Read, Chapters, diagnostics);
        Collect(fields.Sequence("process"), PhaseReader.Read, Process, diagnostics);
        Collect(fields.Sequence("vision"), PillarReader.Read, Vision, diagnostics);
        Collect(fields.Sequence("missions"), MissionReader.Read, Missions, diagnostics);
        Collect(fields.Sequence("drivers"), DriverReader.Read, Drivers, diagnostics);
        Theme = ThemeReader.Read(fields);
    }

    /// <summary>Adds the entries of a file read after the ones already here.</summary>
    public void Append(PlanSections other, DiagnosticBag diagnostics)
    {
        if (other.Theme is { } theme)
        {
            if (Theme is { } first)
            {
                diagnostics.Add(PlanDiagnostics.ThemeDeclaredTwice.Create(
                    theme.Span, $"the plan's theme is declared again here, after {first.Span}", "keep one 'theme:' for the whole plan, in plan.yaml or in one file it includes"));
            }
            else
            {
                Theme = theme;
            }
        }

        Chapters.AddRange(other.Chapters);
        Process.AddRange(other.Process);
        Vision.AddRange(other.Vision);
        Missions.AddRange(other.Missions);
        Drivers.AddRange(other.Drivers);
    }

    private static void Collect<T>(YamlSequence? items, Func<YamlNode, DiagnosticBag, T?> read, List<T> into, DiagnosticBag diagnostics)
        where T : class
    {
        foreach (var item in items?.Items ?? [])
        {
            if (read(item, diagnostics) is { } entity)
            {
                into.Add(entity);
            }
        }
    }
}
