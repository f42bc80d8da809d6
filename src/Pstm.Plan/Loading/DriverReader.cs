using Pstm.Diagnostics;
using Pstm.Plan.Model;
using Pstm.Plan.Yaml;

namespace Pstm.Plan.Loading;

/// <summary>Reads an item of <c>drivers:</c>; references are checked later, once every file is read.</summary>
internal static class DriverReader
{
    public static Driver? Read(YamlNode node, DiagnosticBag diagnostics)
    {
        if (MappingReader.Open(node, "driver", diagnostics) is not { } fields)
        {
            return null;
        }

        var id = fields.RequiredId();
        fields.Subject = $"driver {id.Value}".TrimEnd();
        var code = fields.OptionalCode("code");
        var driver = new Driver(
            id,
            fields.RequiredNumber("number"),
            fields.RequiredInlineText("name"),
            fields.OptionalInlineText("cover_name"),
            fields.OptionalInlineText("subtitle"),
            fields.OptionalInlineText("description"),
            fields.TextList("missions"),
            fields.TextList("objectives"),
            fields.Span)
        {
            Notes = fields.OptionalMarkdown("notes"),
            Code = code,
        };
        fields.Finish();
        return driver;
    }
}
