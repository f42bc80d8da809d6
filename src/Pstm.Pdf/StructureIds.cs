using System.Globalization;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;

namespace Pstm.Pdf;

/// <summary>
/// Chromium names the structure elements that others refer to (a table's header cells) after DOM node
/// numbers, "node00000448": numbers that count every node the renderer process has numbered before, in
/// any document. The same booklet printed in a tab that held another document first would get other
/// names, so other bytes. Renumbering the names from 1, in their order, makes the PDF depend on the
/// document alone; the order, and so the sorted name tree, is kept.
/// </summary>
internal static partial class StructureIds
{
    public static void Renumber(PdfDocument document)
    {
        var numbers = new SortedSet<long>();
        Visit(document, value =>
        {
            numbers.Add(long.Parse(NodeName().Match(value).Groups[1].ValueSpan, CultureInfo.InvariantCulture));
            return null;
        });
        if (numbers.Count == 0)
        {
            return;
        }

        var renamed = numbers.Select((number, index) => (number, index))
            .ToDictionary(p => p.number, p => $"node{p.index + 1:D8}");
        Visit(document, value => renamed[long.Parse(NodeName().Match(value).Groups[1].ValueSpan, CultureInfo.InvariantCulture)]);
    }

    /// <summary>Calls <paramref name="rename"/> with every node name in the document's objects, replacing it when it returns one.</summary>
    private static void Visit(PdfDocument document, Func<string, string?> rename)
    {
        foreach (var item in document.Internals.GetAllObjects())
        {
            VisitItem(item, rename);
        }
    }

    private static void VisitItem(PdfItem item, Func<string, string?> rename)
    {
        switch (item)
        {
            case PdfDictionary dictionary:
                foreach (var key in dictionary.Elements.Keys.ToList())
                {
                    if (Replacement(dictionary.Elements[key], rename) is { } replacement)
                    {
                        dictionary.Elements[key] = replacement;
                    }
                }

                break;
            case PdfArray array:
                for (var i = 0; i < array.Elements.Count; i++)
                {
                    if (Replacement(array.Elements[i], rename) is { } replacement)
                    {
                        array.Elements[i] = replacement;
                    }
                }

                break;
        }
    }

    private static PdfString? Replacement(PdfItem? item, Func<string, string?> rename)
    {
        if (item is PdfString text && NodeName().IsMatch(text.Value))
        {
            return rename(text.Value) is { } name ? new PdfString(name) : null;
        }

        // Direct dictionaries and arrays nest in objects; indirect ones are visited on their own.
        if (item is PdfDictionary or PdfArray && !(item is PdfObject { IsIndirect: true }))
        {
            VisitItem(item, rename);
        }

        return null;
    }

    [GeneratedRegex(@"^node(\d{1,18})$")]
    private static partial Regex NodeName();
}
