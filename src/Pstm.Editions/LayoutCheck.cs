using Pstm.Diagnostics;
using Pstm.Pdf;
using Pstm.Pdf.Layout;
using Pstm.Rendering;

namespace Pstm.Editions;

/// <summary>
/// A build's check of its own output: what the overflow probe and the page-foot check found, as
/// diagnostics located at the plan item that caused each (PSTM0625, PSTM0626); warnings, or errors
/// with <c>--strict</c>.
/// </summary>
public static class LayoutCheck
{
    /// <summary>Content that does not fit its box in <paramref name="output"/> (as "it/slides.pdf"), one diagnostic per item and kind.</summary>
    public static IEnumerable<Diagnostic> Overflows(IEnumerable<LayoutFinding> findings, ItemLocations locations, string output, bool strict) =>
        findings
            .GroupBy(f => (f.Key, f.Kind))
            .Select(g => g.MaxBy(f => f.Amount)!)
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .ThenBy(f => f.Kind, StringComparer.Ordinal)
            .Select(f => PdfDiagnostics.ContentOverflows.Create(
                locations.Locate(f.Key),
                strict ? Severity.Error : Severity.Warning,
                $"in {output}, {Item(f.Key, locations)}{What(f)}",
                f.Kind == LayoutFinding.Overflows
                    ? "break the long word or URL (a shorter link text, a space or a hyphen), or shorten it"
                    : "shorten the text or split the item; if a template or its stylesheet changed, check the sizes it sets (width, height, overflow)"));

    /// <summary>The headings printed alone at the foot of a page of <paramref name="output"/>.</summary>
    public static IEnumerable<Diagnostic> HeadingsAtPageFoot(IEnumerable<(PageHeading Heading, int Page)> headings, ItemLocations locations, string output, bool strict) =>
        headings.Select(h => PdfDiagnostics.HeadingAtPageFoot.Create(
            locations.Locate(h.Heading.Key),
            strict ? Severity.Error : Severity.Warning,
            $"in {output}, the heading \"{Shorten(h.Heading.Text)}\" is alone at the foot of page {h.Page}: what follows it starts on the next page",
            "the booklet's stylesheet keeps a heading with what follows it (break-after: avoid); if a template or its stylesheet changed, check that rule, or shorten the block after the heading"));

    /// <summary>
    /// What the last build's check found in <paramref name="output"/>, kept unchanged by this build and
    /// so not measured again, with this build's severity.
    /// </summary>
    public static IEnumerable<Diagnostic> Again(IEnumerable<Diagnostic> previous, string output, bool strict) =>
        previous
            .Where(d => (d.Code == PdfDiagnostics.ContentOverflows.Code || d.Code == PdfDiagnostics.HeadingAtPageFoot.Code)
                && d.Message.StartsWith($"in {output}, ", StringComparison.Ordinal))
            .Select(d => d with { Severity = strict ? Severity.Error : Severity.Warning });

    private static string Item(string? key, ItemLocations locations) =>
        locations.Contains(key) ? $"{key}: " : "";

    private static string What(LayoutFinding finding)
    {
        var where = finding.Where.Length == 0 ? "" : " " + finding.Where;
        if (finding.Kind == LayoutFinding.Overflows)
        {
            return $"the text \"{Shorten(finding.Text)}\" runs {finding.Amount} px past the side of its box ({finding.Element}){where}: a word too long to break";
        }

        var frame = finding.Frame == LayoutFinding.Page ? "the page's text area" : $"the box that clips it ({finding.Frame})";
        return $"{finding.Element} (\"{Shorten(finding.Text)}\") reaches {finding.Amount} px past {frame}{where}: it is cut off";
    }

    private static string Shorten(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 40 ? line : line[..39] + "…";
    }
}
