using Pstm.Plan.Model;
using Pstm.Plan.Yaml;

namespace Pstm.Plan.Loading;

/// <summary>Reads an item of <c>chapters:</c>.</summary>
internal static class ChapterReader
{
    public static Chapter? Read(YamlNode node, Pstm.Diagnostics.DiagnosticBag diagnostics)
    {
        if (MappingReader.Open(node, "chapter", diagnostics) is not { } fields)
        {
            return null;
        }

        var id = fields.RequiredId();
        fields.Subject = $"chapter {id.Value}".TrimEnd();
        var chapter = new Chapter(
            id,
            fields.RequiredNumber("number"),
            fields.RequiredInlineText("title"),
            fields.OptionalMarkdown("body"),
            fields.TextList("sections"),
            fields.Span);
        fields.Finish();
        return chapter;
    }
}
