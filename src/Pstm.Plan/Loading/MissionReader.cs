using Pstm.Diagnostics;
using Pstm.Plan.Model;
using Pstm.Plan.Yaml;

namespace Pstm.Plan.Loading;

/// <summary>Reads an item of <c>missions:</c> with its strategic objectives and their actions.</summary>
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
        var code = fields.OptionalCode("code");
        var color = fields.OptionalColor("color");
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
        return new Mission(id, number, title, objectives, fields.Span) { Notes = notes, Code = code, Color = color };
    }

    private static Objective? ReadObjective(YamlNode node, string missionId, DiagnosticBag diagnostics)
    {
        if (MappingReader.Open(node, $"an objective of mission {missionId}", diagnostics) is not { } fields)
        {
            return null;
        }

        var id = fields.RequiredId();
        fields.Subject = $"objective {id.Value}".TrimEnd();
        var code = fields.OptionalCode("code");
        var title = fields.OptionalInlineText("title");
        var text = fields.RequiredInlineText("text");
        var body = fields.OptionalMarkdown("body");
        var actions = new List<ObjectiveAction>();
        foreach (var item in fields.Sequence("actions")?.Items ?? [])
        {
            if (ReadAction(item, id.Value, diagnostics) is { } action)
            {
                actions.Add(action);
            }
        }

        fields.Finish();
        return new Objective(id, text, missionId, fields.Span) { Code = code, Title = title, Body = body, Actions = actions };
    }

    private static ObjectiveAction? ReadAction(YamlNode node, string objectiveId, DiagnosticBag diagnostics)
    {
        if (MappingReader.Open(node, $"an action of objective {objectiveId}", diagnostics) is not { } fields)
        {
            return null;
        }

        var id = fields.RequiredId();
        fields.Subject = $"action {id.Value}".TrimEnd();
        var action = new ObjectiveAction(id, fields.RequiredInlineText("text"), objectiveId, fields.Span) { Code = fields.OptionalCode("code") };
        fields.Finish();
        return action;
    }
}
