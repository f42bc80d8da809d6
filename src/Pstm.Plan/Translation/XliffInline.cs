using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Pstm.Diagnostics;

namespace Pstm.Plan.Translation;

/// <summary>
/// The mapping between a plan text (Markdown) and the content of an XLIFF <c>&lt;source&gt;</c> or
/// <c>&lt;target&gt;</c>: bold <c>**…**</c> is <c>&lt;pc type="fmt" subType="xlf:b"&gt;</c>, and every other
/// character is written as it is. In XLIFF text a <c>**</c> is therefore literal: it is the Markdown
/// <c>\*\*</c>, both ways, so that extract, import and extract again give the same file.
/// </summary>
public static partial class XliffInline
{
    private const string LiteralStars = @"\*\*";

    /// <summary>The element <paramref name="name"/> holding <paramref name="markdown"/> as XLIFF content.</summary>
    public static XElement ToXliff(XName name, string markdown)
    {
        var element = new XElement(name);
        if (markdown.Contains('\n', StringComparison.Ordinal))
        {
            element.Add(new XAttribute(XNamespace.Xml + "space", "preserve"));
        }

        var id = 1;
        var position = 0;
        foreach (Match match in BoldOrLiteral().Matches(markdown))
        {
            element.Add(Unescaped(markdown[position..match.Index]));
            element.Add(match.Groups["bold"].Success
                ? new XElement(Xliff.Ns + "pc", new XAttribute("id", id++), new XAttribute("type", "fmt"), new XAttribute("subType", "xlf:b"), Unescaped(match.Groups["bold"].Value))
                : "**");
            position = match.Index + match.Length;
        }

        element.Add(Unescaped(markdown[position..]));
        return element;
    }

    /// <summary>
    /// The element's content as Markdown, or null after reporting inline markup that Markdown cannot
    /// hold (a <c>&lt;ph&gt;</c>, a link or a bold inside a bold): it is refused rather than flattened.
    /// Annotations (<c>&lt;mrk&gt;</c>) carry no formatting: their text is kept.
    /// </summary>
    /// <param name="reindented">
    /// Whether to read the content as a tool that reindented it wrote it. Such a tool puts a line break and
    /// the indentation of the child's depth before each child of an element and before its end tag
    /// (<c>&lt;target&gt;\n    Foster the \n    &lt;pc&gt;…&lt;/pc&gt;\n    , now\n  &lt;/target&gt;</c>); this reading takes
    /// away, at each edge of a text next to an element or to its parent's ends, that line break and that
    /// indentation (the least found in the element: a space the text had is kept), nothing inside a text.
    /// </param>
    public static string? ToMarkdown(XElement element, string display, DiagnosticBag diagnostics, bool reindented = false)
    {
        var text = new StringBuilder();
        return Append(text, element, inBold: false, depth: 1, display, diagnostics, reindented) ? text.ToString() : null;
    }

    private static bool Append(StringBuilder text, XElement element, bool inBold, int depth, string display, DiagnosticBag diagnostics, bool reindented)
    {
        if (depth > XliffReader.MaxDepth)
        {
            diagnostics.Add(XliffReader.TooDeep(display, element));
            return false;
        }

        var fine = true;
        var indentation = reindented ? Indentation(element) : 0;
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText plain:
                    text.Append((reindented ? Unindented(plain, indentation) : plain.Value).Replace("**", LiteralStars, StringComparison.Ordinal));
                    break;
                case XElement { Name.LocalName: "pc" } pc when pc.Name.Namespace == Xliff.Ns && (string?)pc.Attribute("subType") == "xlf:b" && !inBold:
                    var bold = new StringBuilder();
                    fine &= Append(bold, pc, inBold: true, depth + 1, display, diagnostics, reindented);
                    AppendBold(text, bold.ToString());
                    break;
                case XElement { Name.LocalName: "mrk" } mrk when mrk.Name.Namespace == Xliff.Ns:
                    fine &= Append(text, mrk, inBold, depth + 1, display, diagnostics, reindented);
                    break;
                case XElement { Name.LocalName: "sm" or "em" } marker when marker.Name.Namespace == Xliff.Ns:
                    break;
                case XElement other:
                    diagnostics.Add(PlanDiagnostics.XliffInlineMarkup.Create(
                        XliffReader.Span(display, other),
                        $"<{other.Name.LocalName}>{(other.Name.Namespace == Xliff.Ns ? "" : $" (namespace {other.Name.NamespaceName})")} is {Described(other, inBold)}: pstm cannot write it back into the plan's Markdown, and would lose it",
                        "keep only the bold markup (<pc type=\"fmt\" subType=\"xlf:b\">) that pstm i18n extract wrote, not nested"));
                    fine = false;
                    break;
            }
        }

        return fine;
    }

    /// <summary>
    /// The indentation a tool that reindented the element put before its children: the least of the line
    /// breaks' indentations at the edges of its texts (a text's own spaces come after the tool's), or 0.
    /// The break before the end tag, indented a level less, is not counted.
    /// </summary>
    private static int Indentation(XElement element)
    {
        var least = int.MaxValue;
        foreach (var plain in element.Nodes().OfType<XText>())
        {
            if (plain.PreviousNode is not XText && LeadingBreak().Match(plain.Value) is { Success: true } leading)
            {
                least = Math.Min(least, leading.Length - 1);
            }

            if (plain.NextNode is XElement && TrailingBreak().Match(plain.Value) is { Success: true } trailing)
            {
                least = Math.Min(least, trailing.Length - 1);
            }
        }

        return least == int.MaxValue ? 0 : least;
    }

    /// <summary>
    /// The text less, where it meets an element or its parent's start, a line break and up to
    /// <paramref name="indentation"/> spaces or tabs after it; and, where it meets an element or its
    /// parent's end, a last line break and what follows it.
    /// </summary>
    private static string Unindented(XText plain, int indentation)
    {
        var value = plain.Value;
        if (plain.PreviousNode is not XText && LeadingBreak().Match(value) is { Success: true } leading)
        {
            value = value[(1 + Math.Min(indentation, leading.Length - 1))..];
        }

        if (plain.NextNode is not XText && TrailingBreak().Match(value) is { Success: true } trailing)
        {
            value = value[..trailing.Index];
        }

        return value;
    }

    private static string Described(XElement element, bool inBold) =>
        element.Name.LocalName == "pc" && inBold && (string?)element.Attribute("subType") == "xlf:b" ? "a bold inside a bold"
        : element.Name.LocalName == "pc" ? $"inline formatting of type '{(string?)element.Attribute("subType") ?? (string?)element.Attribute("type") ?? "none"}'"
        : "inline markup";

    /// <summary>Bold around the text, the spaces at its ends outside: <c>** x**</c> would be no bold in Markdown.</summary>
    private static void AppendBold(StringBuilder text, string bold)
    {
        var inner = bold.Trim();
        if (inner.Length == 0)
        {
            text.Append(bold);
            return;
        }

        var start = bold.IndexOf(inner, StringComparison.Ordinal);
        text.Append(bold[..start]).Append("**").Append(inner).Append("**").Append(bold[(start + inner.Length)..]);
    }

    private static string Unescaped(string markdown) => markdown.Replace(LiteralStars, "**", StringComparison.Ordinal);

    [GeneratedRegex(@"\A\n[ \t]*")]
    private static partial Regex LeadingBreak();

    [GeneratedRegex(@"\n[ \t]*\z")]
    private static partial Regex TrailingBreak();

    // A literal \*\* first, so that it never opens or closes a bold.
    [GeneratedRegex(@"\\\*\\\*|\*\*(?<bold>(?:\\\*\\\*|.)+?)\*\*")]
    private static partial Regex BoldOrLiteral();
}
