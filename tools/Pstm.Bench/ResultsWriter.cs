using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Pstm.Bench;

/// <summary>The results: a table of every scenario, the targets with their verdicts, and the machine, as text, Markdown and JSON.</summary>
internal sealed class ResultsWriter(
    IReadOnlyList<ScenarioResult> scenarios, IReadOnlyList<(string Name, string Value)> machine, int runs, bool adopts)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly Dictionary<string, ScenarioResult> _byName = scenarios.ToDictionary(s => s.Name, StringComparer.Ordinal);

    private string MemoryNote => adopts
        ? $"peak tree memory: the largest sum of VmRSS over the process and all its descendants (orphans included), sampled every {MemorySampler.Interval.TotalMilliseconds:0} ms from /proc; pages shared between processes count once per process"
        : "peak tree memory: not measured (no /proc on this system)";

    public string ToText()
    {
        var text = new StringBuilder("\n");
        text.Append(Scenarios().ToText()).Append('\n').Append(MemoryNote).Append('\n');
        AppendNotes(text, "  ");
        text.Append('\n').Append(Targets().ToText());
        if (Ratios() is { } ratios)
        {
            text.Append('\n').Append(ratios.ToText());
        }

        text.Append('\n').AppendJoin('\n', machine.Select(m => $"{m.Name}: {m.Value}")).Append('\n');
        return text.ToString();
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder("# pstm benchmark\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Whole processes, one untimed warm-up run then {runs} timed runs each; times are wall-clock seconds.\n\n");
        text.Append(Scenarios().ToMarkdown()).Append('\n').Append(MemoryNote).Append(".\n\n");
        AppendNotes(text, "- ");
        text.Append("\n## Targets (issues 7 and 15)\n\n").Append(Targets().ToMarkdown());
        if (Ratios() is { } ratios)
        {
            text.Append("\n## pstm against each peer (medians of this run)\n\n").Append(ratios.ToMarkdown());
        }

        text.Append("\n## Machine\n\n");
        var table = new TextTable("what", "value");
        foreach (var (name, value) in machine)
        {
            table.Add(name, value);
        }

        text.Append(table.ToMarkdown());
        text.Append("\n## Commands\n\n");
        foreach (var scenario in scenarios.Where(s => s.Command.Length > 0))
        {
            text.Append("- `").Append(scenario.Name).Append("`: `").Append(scenario.Command).Append("`\n");
        }

        return text.ToString();
    }

    public string ToJson()
    {
        var document = new
        {
            runs,
            memory = MemoryNote,
            machine = machine.ToDictionary(m => m.Name, m => m.Value),
            scenarios = scenarios.Select(s => new
            {
                name = s.Name,
                title = s.Title,
                command = s.Command,
                status = Status(s),
                seconds = s.Seconds,
                median = s.Measured ? s.Median : (double?)null,
                min = s.Measured ? s.Min : (double?)null,
                max = s.Measured ? s.Max : (double?)null,
                peakTreeMemoryBytes = s.Measured && adopts ? s.PeakBytes : (long?)null,
                objectives = s.Objectives,
                reason = s.Skipped ?? s.Failed,
                note = s.Note,
                leftBehind = s.LeftBehind,
            }),
            targets = TargetCheck.Evaluate(_byName).Select(t => new { target = t.Target, measured = t.Measured, value = t.Value, limit = t.Limit, status = t.Status }),
            ratios = TargetCheck.PeerRatios(_byName).Select(r => new { pair = r.Pair, ratio = r.Ratio }),
        };
        return JsonSerializer.Serialize(document, Indented);
    }

    private TextTable Scenarios()
    {
        var table = new TextTable("scenario", "median", "min", "max", "peak tree memory", "runs", "what");
        foreach (var s in scenarios)
        {
            if (!s.Measured)
            {
                table.Add(s.Name, "-", "-", "-", "-", "0", $"{s.Title}: {Status(s)}");
                continue;
            }

            table.Add(s.Name, Seconds(s.Median), Seconds(s.Min), Seconds(s.Max), adopts ? Megabytes(s.PeakBytes) : "n/a", s.Seconds.Count.ToString(CultureInfo.InvariantCulture), s.Title);
        }

        return table;
    }

    private TextTable Targets()
    {
        var table = new TextTable("target", "measured", "value", "verdict");
        foreach (var check in TargetCheck.Evaluate(_byName))
        {
            table.Add(check.Target, check.Measured, check.Shown, check.Status);
        }

        return table;
    }

    private TextTable? Ratios()
    {
        var ratios = TargetCheck.PeerRatios(_byName).ToList();
        if (ratios.Count == 0)
        {
            return null;
        }

        var table = new TextTable("pstm / peer", "ratio");
        foreach (var (pair, ratio) in ratios)
        {
            table.Add(pair, $"{ratio:0.00}×");
        }

        return table;
    }

    private void AppendNotes(StringBuilder text, string bullet)
    {
        var validations = scenarios.Where(s => s.Measured && s.Objectives is > 0).ToList();
        if (validations.Count > 0)
        {
            text.Append(bullet).Append("validate, time per 1000 objectives: ")
                .AppendJoin(", ", validations.Select(v => $"{v.Name} {v.Median / (v.Objectives!.Value / 1000.0):0.000} s"))
                .Append(" (start-up weighs on the small plans)\n");
        }

        foreach (var s in scenarios)
        {
            if (s.Note is not null)
            {
                text.Append(bullet).Append(s.Name).Append(": ").Append(s.Note).Append('\n');
            }

            if (s.LeftBehind.Count > 0)
            {
                text.Append(bullet).Append(s.Name).Append(" left behind (removed by the harness): ").AppendJoin(", ", s.LeftBehind).Append('\n');
            }

            if (s.Failed is not null)
            {
                text.Append(bullet).Append(s.Name).Append(" failed: ").Append(s.Failed).Append('\n');
            }
        }
    }

    private static string Status(ScenarioResult s) =>
        s.Failed is not null ? "failed" : s.Skipped is not null ? $"skipped ({s.Skipped})" : "measured";

    private static string Seconds(double value) => value.ToString("0.000 s", CultureInfo.InvariantCulture);

    private static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0 MiB", CultureInfo.InvariantCulture);
}
