using System.Globalization;
using Pstm.Diagnostics;
using Pstm.Plan.Explain;
using Pstm.Rendering.Text;

namespace Pstm.Editions.Explain;

/// <summary>The report of <c>pstm explain</c> as text a person reads: one fact per line, positions as <c>file(line,col)</c>.</summary>
public static class ItemReportText
{
    public static string Format(ItemReport report)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var explanation = report.Explanation;
        var item = explanation.Item;
        text.WriteLine($"{item.KindName} {item.Id}: {HtmlText.PlainText(item.Title)}");
        text.WriteLine($"  defined at {item.Definition}");

        if (explanation.References.Count > 0)
        {
            text.WriteLine("references:");
            var width = explanation.References.Max(r => Describe(r).Length);
            foreach (var reference in explanation.References)
            {
                text.WriteLine($"  {Describe(reference).PadRight(width)}  {reference.At}");
            }
        }

        WriteMatrix(text, report);
        WriteSlides(text, report);
        WriteBooklet(text, report);

        if (explanation.Notes.Count > 0)
        {
            text.WriteLine("coverage:");
            foreach (var note in explanation.Notes)
            {
                text.WriteLine($"  {note}");
            }
        }

        if (explanation.Diagnostics.Count > 0)
        {
            text.WriteLine("diagnostics:");
            var formatter = new TextDiagnosticFormatter();
            foreach (var diagnostic in explanation.Diagnostics)
            {
                text.WriteLine($"  {formatter.Format(diagnostic).Replace("\n", "\n  ", StringComparison.Ordinal)}");
            }
        }

        return text.ToString();
    }

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
            text.WriteLine(item.Kind switch
            {
                PlanItemKind.Objective => "matrix: counted in no cell; the appendix lists it among the objectives no driver cites",
                PlanItemKind.Mission => "matrix: its column has no marked cell",
                _ => "matrix: its row has no marked cell",
            });
            return;
        }

        text.WriteLine("matrix (driver × mission, with the objectives each cell counts):");
        foreach (var cell in cells)
        {
            var objectives = cell.Objectives.Count == 0 ? "no objective cited" : string.Join(", ", cell.Objectives);
            text.WriteLine($"  {cell.Driver} × {cell.Mission}: {objectives}");
        }
    }

    private static void WriteSlides(StringWriter text, ItemReport report)
    {
        foreach (var deck in report.Decks)
        {
            var where = $"slides ({string.Join(", ", deck.Locales)}):";
            if (deck.Slides.Count == 0)
            {
                text.WriteLine($"{where} on no slide");
                continue;
            }

            text.WriteLine(where);
            foreach (var slide in deck.Slides)
            {
                text.WriteLine($"  {deck.Locales[0]}/slides.html#{slide.Anchor}  {slide.Kind}: {slide.Title}");
            }
        }
    }

    private static void WriteBooklet(StringWriter text, ItemReport report)
    {
        if (report.BookletHeading is null && !report.InAppendix)
        {
            text.WriteLine("booklet: on the cover only");
            return;
        }

        var record = Path.Combine(report.OutputDirectory, BuildFingerprints.FileName).Replace('\\', '/');
        if (!report.BuildRecorded)
        {
            text.WriteLine($"booklet: no build recorded in {report.OutputDirectory.Replace('\\', '/')}: build first to see booklet pages (pstm build --out {report.OutputDirectory.Replace('\\', '/')})");
            return;
        }

        if (report.Booklets.Count == 0)
        {
            text.WriteLine($"booklet: the last build ({record}) printed no booklet: build the booklet to see its pages");
            return;
        }

        var under = report.BookletHeading is null ? null
            : report.OwnHeading ? "its heading" : $"heading '{report.BookletHeading}'";
        text.WriteLine($"booklet (pages of the last build, {record}):");
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

            text.WriteLine($"  {booklet.Locale}/booklet.pdf: {string.Join(", ", parts)}");
        }

        if (report.PlanChangedSinceBuild)
        {
            text.WriteLine("  the plan changed since that build: the pages may have moved; build again to be sure");
        }
    }
}
