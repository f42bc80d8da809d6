using Pstm.Diagnostics;
using Pstm.Plan.Model;
using Pstm.Plan.Yaml;

namespace Pstm.Plan.Loading;

/// <summary>Reads an item of <c>vision:</c>, a pillar of the plan's vision.</summary>
internal static class PillarReader
{
    public static Pillar? Read(YamlNode node, DiagnosticBag diagnostics)
    {
        if (MappingReader.Open(node, "vision pillar", diagnostics) is not { } fields)
        {
            return null;
        }

        var id = fields.RequiredId();
        fields.Subject = $"vision pillar {id.Value}".TrimEnd();
        var pillar = new Pillar(id, fields.RequiredInlineText("name"), fields.RequiredInlineText("definition"), fields.Span);
        fields.Finish();
        return pillar;
    }
}
