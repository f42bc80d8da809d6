using Pstm.Diagnostics;
using Pstm.Plan.Model;
using Pstm.Plan.Yaml;

namespace Pstm.Plan.Loading;

/// <summary>Reads an item of <c>process:</c>, a phase with its period and milestones.</summary>
internal static class PhaseReader
{
    public static Phase? Read(YamlNode node, DiagnosticBag diagnostics)
    {
        if (MappingReader.Open(node, "phase", diagnostics) is not { } fields)
        {
            return null;
        }

        var id = fields.RequiredId();
        fields.Subject = $"phase {id.Value}".TrimEnd();
        var number = fields.RequiredNumber("number");
        var title = fields.RequiredInlineText("title");
        var period = ReadPeriod(fields, diagnostics);
        var milestones = new List<Milestone>();
        foreach (var item in fields.Sequence("milestones")?.Items ?? [])
        {
            if (ReadMilestone(item, diagnostics) is { } milestone)
            {
                milestones.Add(milestone);
            }
        }

        fields.Finish();
        return new Phase(id, number, title, period, milestones, fields.Span);
    }

    private static MonthPeriod ReadPeriod(MappingReader fields, DiagnosticBag diagnostics)
    {
        if (fields.Mapping("period", required: true, "its first and last month, for example { from: 2024-10, to: 2024-11 }") is not { } period)
        {
            return default;
        }

        period.Subject = $"the period of {fields.Subject}";
        var from = period.RequiredMonth("from");
        var to = period.RequiredMonth("to");
        period.Finish();
        if (from is { } start && to is { } end && start > end)
        {
            diagnostics.Add(PlanDiagnostics.InvalidRange.Create(
                period.Span,
                $"the period of {fields.Subject} ends ({end}) before it starts ({start})",
                "swap 'from' and 'to'"));
        }

        return new MonthPeriod(from ?? default, to ?? default);
    }

    private static Milestone? ReadMilestone(YamlNode node, DiagnosticBag diagnostics)
    {
        if (MappingReader.Open(node, "milestone", diagnostics) is not { } fields)
        {
            return null;
        }

        var id = fields.RequiredId();
        fields.Subject = $"milestone {id.Value}".TrimEnd();
        var date = fields.Date("date", required: true);
        var milestone = new Milestone(id, date ?? default, fields.RequiredInlineText("title"), fields.Span);
        fields.Finish();
        return milestone;
    }
}
