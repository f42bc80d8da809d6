using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace Pstm.Pdf;

/// <summary>
/// Gives every list item its body (PDF/UA 7.6, ISO 32000 14.8.4.3.3: LI holds Lbl and LBody): Chromium's LI
/// holds its paragraphs, links and marked content directly. Whatever an LI holds but its Lbl moves into a
/// new LBody, and the parent tree, which names the structure element of each piece of marked content and of
/// each annotation, names the LBody where it named the LI.
/// </summary>
internal static class ListBodies
{
    public static void Add(PdfDocument document)
    {
        var root = document.Internals.Catalog.Elements.GetDictionary("/StructTreeRoot");
        if (root is null)
        {
            return;
        }

        var moved = new Dictionary<PdfDictionary, PdfDictionary>(ReferenceEqualityComparer.Instance);
        foreach (var item in Elements(root.Elements["/K"]).ToList())
        {
            if (item.Elements.GetName("/S") == "/LI" && item.Reference is not null && Kids(item).All(kid => Role(kid) != "/LBody"))
            {
                moved[item] = Wrap(document, item);
            }
        }

        if (moved.Count > 0 && root.Elements.GetDictionary("/ParentTree") is { } parentTree)
        {
            Retarget(parentTree, moved);
        }
    }

    /// <summary>Moves the LI's kids, but its Lbl, into a new LBody, which becomes the LI's last kid.</summary>
    private static PdfDictionary Wrap(PdfDocument document, PdfDictionary item)
    {
        var kids = Kids(item);
        var body = new PdfDictionary(document);
        document.Internals.AddObject(body);
        body.Elements["/Type"] = new PdfName("/StructElem");
        body.Elements["/S"] = new PdfName("/LBody");
        body.Elements["/P"] = item.Reference!;
        if (item.Elements["/Pg"] is { } page)
        {
            body.Elements["/Pg"] = page; // the page of the MCIDs written as bare numbers
        }

        var inBody = new PdfArray(document);
        var inItem = new PdfArray(document);
        foreach (var kid in kids)
        {
            if (Role(kid) == "/Lbl")
            {
                inItem.Elements.Add(kid);
                continue;
            }

            inBody.Elements.Add(kid);
            if (Resolve(kid) is PdfDictionary element && element.Elements.GetName("/Type") is not ("/MCR" or "/OBJR"))
            {
                element.Elements["/P"] = body.Reference!;
            }
        }

        body.Elements["/K"] = inBody;
        inItem.Elements.Add(body.Reference!);
        item.Elements["/K"] = inItem;
        return body;
    }

    /// <summary>Every structure element under <paramref name="kids"/>, depth first.</summary>
    private static IEnumerable<PdfDictionary> Elements(PdfItem? kids)
    {
        IEnumerable<PdfItem> items = kids is PdfArray array ? array.Elements : kids is null ? [] : [kids];
        foreach (var kid in items)
        {
            if (Resolve(kid) is PdfDictionary element && element.Elements.ContainsKey("/S"))
            {
                yield return element;
                foreach (var below in Elements(element.Elements["/K"]))
                {
                    yield return below;
                }
            }
        }
    }

    private static List<PdfItem> Kids(PdfDictionary element)
        => element.Elements["/K"] switch
        {
            PdfArray array => [.. array.Elements],
            null => [],
            var single => [single],
        };

    private static string? Role(PdfItem kid) => Resolve(kid) is PdfDictionary element ? element.Elements.GetName("/S") : null;

    private static PdfItem? Resolve(PdfItem? item) => item is PdfReference reference ? reference.Value : item;

    /// <summary>Replaces, in the parent tree's number tree, every reference to a moved LI by its LBody.</summary>
    private static void Retarget(PdfDictionary node, Dictionary<PdfDictionary, PdfDictionary> moved)
    {
        if (node.Elements.GetArray("/Nums") is { } nums)
        {
            for (int i = 1; i < nums.Elements.Count; i += 2)
            {
                if (nums.Elements[i] is PdfReference { Value: PdfArray byMcid })
                {
                    Replace(byMcid, moved);
                }
                else if (nums.Elements[i] is PdfArray direct)
                {
                    Replace(direct, moved);
                }
                else if (nums.Elements[i] is PdfReference { Value: PdfDictionary owner } && moved.TryGetValue(owner, out var body))
                {
                    nums.Elements[i] = body.Reference!;
                }
            }
        }

        foreach (var kid in node.Elements.GetArray("/Kids")?.Elements ?? Enumerable.Empty<PdfItem>())
        {
            if (Resolve(kid) is PdfDictionary child)
            {
                Retarget(child, moved);
            }
        }
    }

    private static void Replace(PdfArray owners, Dictionary<PdfDictionary, PdfDictionary> moved)
    {
        for (int i = 0; i < owners.Elements.Count; i++)
        {
            if (owners.Elements[i] is PdfReference { Value: PdfDictionary owner } && moved.TryGetValue(owner, out var body))
            {
                owners.Elements[i] = body.Reference!;
            }
        }
    }
}
