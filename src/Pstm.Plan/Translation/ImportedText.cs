using System.Text;
using System.Text.RegularExpressions;

namespace Pstm.Plan.Translation;

/// <summary>
/// The white space that a translator's tool may add to a text, or change in it, without changing what it
/// says: taken out alike from a unit's source, its target and the plan's own text, so that the three
/// compare and the translation file gets the text as a plan file would hold it.
/// <list type="bullet">
/// <item>Every text loses the white space at its ends, as the plan's reader trims every value.</item>
/// <item>A one-line text (a title, an objective) has each run of white space as one space: a line feed
/// there is the layout of the file (an XLIFF tool that reindented the text), never the author's. In XLIFF
/// a carriage return is kept, written <c>&amp;#xD;</c> on purpose (and refused, as a line break, in a
/// one-line text); in PO every <c>\n</c> is written on purpose, so only spaces and tabs are runs.</item>
/// <item>A Markdown text (a chapter's body, notes) keeps its lines and its indentation, which are its
/// paragraphs, lists and line breaks: inside it nothing is changed here. What a tool that reindented an
/// XLIFF file added there is taken out by the reader, where it can tell (<see cref="XliffInline"/>).</item>
/// </list>
/// A line ends with a line feed in all: <c>\r\n</c> and <c>\r</c> are one.
/// </summary>
public static partial class ImportedText
{
    /// <param name="lineFeedsAreLayout">True for XLIFF, whose line feeds in a one-line text are the file's layout; false for PO.</param>
    public static string Normalise(string text, bool isMarkdown, bool lineFeedsAreLayout)
    {
        if (!isMarkdown)
        {
            text = (lineFeedsAreLayout ? XmlSpaceRun() : SpaceRun()).Replace(text, " ");
        }

        return text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
    }

    /// <summary>Whether two normalised texts are the same, compared as the source hash compares them (Unicode's composed form).</summary>
    public static bool Same(string first, string second) =>
        string.Equals(first.Normalize(NormalizationForm.FormC), second.Normalize(NormalizationForm.FormC), StringComparison.Ordinal);

    /// <summary>Spaces, tabs and line feeds: XML's white space but the carriage return, which XML writes only as a reference.</summary>
    [GeneratedRegex("[ \t\n]+")]
    private static partial Regex XmlSpaceRun();

    [GeneratedRegex("[ \t]+")]
    private static partial Regex SpaceRun();
}
