using Pstm.Diagnostics;
using Pstm.Plan.Model;
using Pstm.Plan.Yaml;

namespace Pstm.Plan.Loading;

/// <summary>Reads an item of <c>missions:</c> with its strategic objectives.</summary>
internal static class MissionReader
{
    public static Mission? Read(YamlNode node, DiagnosticBag diagnostics)
    {
        if (MappingReader.Open(node, "mission", diagnostics) is not { } fields)
        {
            return null;
        }

        var id = fields.RequiredId();
        fields.Subject = $"mission {id.Value}".TrimEnd();
        var number = fields.RequiredNumber("number");
        var title = fields.RequiredInlineText("title");
        var objectives = new List<Objective>();
        foreach (var item in fields.Sequence("objectives")?.Items ?? [])
        {
            if (ReadObjective(item, id.Value, diagnostics) is { } objective)
            {
                objectives.Add(objective);
            }
        }

        var notes = fields.OptionalMarkdown("notes");
        fields.Finish();
        return new Mission(id, number, title, objectives, fields.Span) { Notes = notes };
    }

    private static Objective? ReadObjective(YamlNode node, string missionId, DiagnosticBag diagnostics)
    {
        if (MappingReader.Open(node, $"an objective of mission {missionId}", diagnostics) is not { } fields)
        {
            return null;
        }

        var id = fields.RequiredId();
        fields.Subject = $"objective {id.Value}".TrimEnd();
        var objective = new Objective(id, fields.RequiredInlineText("text"), missionId, fields.Span);
        fields.Finish();
        return objective;
    }
}
