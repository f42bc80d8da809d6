using System.Xml;

namespace Pstm.Plan.Images;

/// <summary>
/// Reads an SVG file as XML, its DTD ignored (never loaded, its entities never expanded) and with no
/// resolver, so that reading it reaches nothing else, and
/// finds what would make it more than a picture: scripts, event handlers, embedded HTML, and
/// references to other files or to the web. pstm refuses such an SVG rather than cleaning it: a
/// cleaned drawing may not be the one its author meant.
/// </summary>
internal static class SvgDocument
{
    private const string SvgNamespace = "http://www.w3.org/2000/svg";

    private static readonly HashSet<string> ActiveElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "foreignObject", "iframe", "embed", "object", "audio", "video", "handler", "listener",
    };

    /// <summary>True when the bytes are an XML document whose root is an SVG element.</summary>
    public static bool IsSvg(ReadOnlySpan<byte> bytes)
    {
        var start = bytes.Length > 512 ? bytes[..512] : bytes;
        var head = System.Text.Encoding.UTF8.GetString(start).TrimStart('\uFEFF').TrimStart();
        if (!head.StartsWith('<'))
        {
            return false;
        }

        try
        {
            using var reader = Open(bytes.ToArray());
            return reader.MoveToContent() == XmlNodeType.Element && reader.LocalName == "svg" && reader.NamespaceURI == SvgNamespace;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    /// <summary>What makes the SVG unsafe to show, such as "a script element"; null for a plain drawing.</summary>
    public static string? Problem(byte[] bytes)
    {
        try
        {
            using var reader = Open(bytes);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.ProcessingInstruction && reader.Name.Equals("xml-stylesheet", StringComparison.OrdinalIgnoreCase))
                {
                    return "an xml-stylesheet instruction, which loads another file";
                }

                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (ActiveElements.Contains(reader.LocalName))
                {
                    return $"a <{reader.LocalName}> element";
                }

                if (reader.LocalName == "style" && ReadsOtherFiles(reader.ReadInnerXml()))
                {
                    return "a <style> element that loads another file (url() or @import)";
                }

                for (var more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
                {
                    if (AttributeProblem(reader.LocalName, reader.Value) is { } problem)
                    {
                        return problem;
                    }
                }

                reader.MoveToElement();
            }

            return null;
        }
        catch (XmlException exception)
        {
            return $"XML that cannot be read ({exception.Message})";
        }
    }

    private static string? AttributeProblem(string name, string value)
    {
        if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
        {
            return $"an event handler attribute '{name}', which runs a script";
        }

        // Links inside the drawing (href="#gradient") stay in it; any other address leaves it.
        if (name.Equals("href", StringComparison.OrdinalIgnoreCase) && !value.TrimStart().StartsWith('#'))
        {
            return $"a reference to '{value}' outside the drawing";
        }

        return ReadsOtherFiles(value) ? $"an attribute '{name}' that loads another file" : null;
    }

    // url(#id) points inside the drawing; any other url() or an @import loads something.
    private static bool ReadsOtherFiles(string css) =>
        css.Contains("@import", StringComparison.OrdinalIgnoreCase)
        || System.Text.RegularExpressions.Regex.IsMatch(css, @"url\(\s*(?!['""]?\s*#)", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    private static XmlReader Open(byte[] bytes) => XmlReader.Create(
        new MemoryStream(bytes),
        new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, MaxCharactersFromEntities = 0, IgnoreComments = true });
}
