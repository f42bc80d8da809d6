using System.Globalization;
using Pstm.Diagnostics;
using Pstm.Plan.Explain;
using Pstm.Rendering.Text;

namespace Pstm.Editions.Explain;

/// <summary>
/// The report of <c>pstm explain</c> as text a person reads: one fact per line, positions as
/// <c>file(line,col)</c>. Each line is printed through <see cref="PrintableText"/>: the plan's titles and
/// ids can neither break a line nor drive the terminal.
/// </summary>
public static class ItemReportText
{
    public static string Format(ItemReport report)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var explanation = report.Explanation;
        var item = explanation.Item;
        WriteLine(text, $"{item.KindName} {item.Id}: {HtmlText.PlainText(item.Title)}");
        WriteLine(text, $"  defined at {item.Definition}");

        if (explanation.References.Count > 0)
        {
            WriteLine(text, "references:");
            var width = explanation.References.Max(r => Describe(r).Length);
            foreach (var reference in explanation.References)
            {
                WriteLine(text, $"  {Describe(reference).PadRight(width)}  {reference.At}");
            }
        }

        WriteMatrix(text, report);
        WriteSlides(text, report);
        WriteBooklet(text, report);

        if (explanation.Notes.Count > 0)
        {
            WriteLine(text, "coverage:");
            foreach (var note in explanation.Notes)
            {
                WriteLine(text, $"  {note}");
            }
        }

        if (explanation.Diagnostics.Count > 0)
        {
            WriteLine(text, "diagnostics:");
            var formatter = new TextDiagnosticFormatter();
            foreach (var diagnostic in explanation.Diagnostics)
            {
                // The formatter escapes what the plan wrote; its own line breaks part the message from the hint.
                text.WriteLine($"  {formatter.Format(diagnostic).Replace("\n", "\n  ", StringComparison.Ordinal)}");
            }
        }

        return text.ToString();
    }

    private static void WriteLine(StringWriter text, string line) => text.WriteLine(PrintableText.Escape(line));

    private static string Describe(PlanReference reference) =>
        $"{reference.Relation} {reference.Kind.ToString().ToLowerInvariant()} {reference.Id}";

    private static void WriteMatrix(StringWriter text, ItemReport report)
    {
        var item = report.Explanation.Item;
        if (item.Kind is not (PlanItemKind.Mission or PlanItemKind.Driver or PlanItemKind.Objective) || !report.InAppendix)
        {
            return;
        }

        var cells = report.Explanation.MatrixCells;
        if (cells.Count == 0)
        {
            WriteLine(text, item.Kind switch
            {
                PlanItemKind.Objective => "matrix: counted in no cell; the appendix lists it among the objectives no driver cites",
                PlanItemKind.Mission => "matrix: its column has no marked cell",
                _ => "matrix: its row has no marked cell",
            });
            return;
        }

        WriteLine(text, "matrix (driver × mission, with the objectives each cell counts):");
        foreach (var cell in cells)
        {
            var objectives = cell.Objectives.Count == 0 ? "no objective cited" : string.Join(", ", cell.Objectives);
            WriteLine(text, $"  {cell.Driver} × {cell.Mission}: {objectives}");
        }
    }

    private static void WriteSlides(StringWriter text, ItemReport report)
    {
        if (report.Decks.Count == 0)
        {
            var output = report.OutputDirectory.Replace('\\', '/');
            WriteLine(text, $"slides: no deck built in {output}: build first to see slide numbers (pstm build --out {output})");
            return;
        }

        foreach (var deck in report.Decks)
        {
            var where = $"slides ({string.Join(", ", deck.Locales)}):";
            if (deck.Slides.Count == 0)
            {
                WriteLine(text, $"{where} on no slide");
                continue;
            }

            WriteLine(text, where);
            foreach (var slide in deck.Slides)
            {
                WriteLine(text, $"  {deck.Locales[0]}/slides.html#{slide.Anchor}  {slide.Kind}: {slide.Title}");
            }
        }

        if (report.PlanChangedSinceBuild)
        {
            WriteLine(text, "  the plan changed since that build: the slides may have moved; build again to be sure");
        }
    }

    private static void WriteBooklet(StringWriter text, ItemReport report)
    {
        if (report.BookletHeading is null && !report.InAppendix)
        {
            WriteLine(text, "booklet: on the cover only");
            return;
        }

        var record = Path.Combine(report.OutputDirectory, BuildFingerprints.FileName).Replace('\\', '/');
        if (!report.BuildRecorded)
        {
            WriteLine(text, $"booklet: no build recorded in {report.OutputDirectory.Replace('\\', '/')}: build first to see booklet pages (pstm build --out {report.OutputDirectory.Replace('\\', '/')})");
            return;
        }

        if (report.Booklets.Count == 0)
        {
            WriteLine(text, $"booklet: the last build ({record}) printed no booklet: build the booklet to see its pages");
            return;
        }

        var under = report.BookletHeading is null ? null
            : report.OwnHeading ? "its heading" : $"heading '{report.BookletHeading}'";
        WriteLine(text, $"booklet (pages of the last build, {record}):");
        foreach (var booklet in report.Booklets)
        {
            var parts = new List<string>();
            if (under is not null)
            {
                parts.Add(booklet.Page is { } page ? $"page {page} ({under})" : $"{under} not printed");
            }

            if (booklet.AppendixPage is { } appendix)
            {
                parts.Add($"appendix page {appendix} (matrix)");
            }

            WriteLine(text, $"  {booklet.Locale}/booklet.pdf: {string.Join(", ", parts)}");
        }

        if (report.PlanChangedSinceBuild)
        {
            WriteLine(text, "  the plan changed since that build: the pages may have moved; build again to be sure");
        }
    }
}
