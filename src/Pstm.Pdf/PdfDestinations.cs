using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace Pstm.Pdf;

/// <summary>
/// Reads where a PDF printed by Chromium puts each HTML id: Chromium writes every id that a link
/// targets as a named destination (<c>/Dests</c> in the catalog) pointing at a page.
/// </summary>
public static class PdfDestinations
{
    /// <summary>Named destination → 1-based page number.</summary>
    public static IReadOnlyDictionary<string, int> PagesByName(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pageNumbers = PageReferences(document)
            .Select((reference, index) => (reference, index))
            .ToDictionary(p => p.reference, p => p.index + 1);

        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        if (Resolve(document, document.Structure.Catalog.CatalogDictionary.Data.GetValueOrDefault("Dests")) is not DictionaryToken dests)
        {
            return result;
        }

        foreach (var (name, value) in dests.Data)
        {
            var destination = Resolve(document, value);
            if (destination is DictionaryToken withD)
            {
                destination = Resolve(document, withD.Data.GetValueOrDefault("D"));
            }

            if (destination is ArrayToken { Data.Count: > 0 } array
                && array.Data[0] is IndirectReferenceToken page
                && pageNumbers.TryGetValue(page.Data, out var number))
            {
                // Chromium names a destination after the URL-encoded fragment of its id.
                result[Uri.UnescapeDataString(name)] = number;
            }
        }

        return result;
    }

    /// <summary>How many pages the PDF has.</summary>
    public static int PageCount(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.NumberOfPages;
    }

    /// <summary>The indirect references of the pages, in page order, from the page tree.</summary>
    private static List<IndirectReference> PageReferences(PdfDocument document)
    {
        var pages = new List<IndirectReference>();
        void Walk(IToken? token)
        {
            if (token is not IndirectReferenceToken reference || Resolve(document, token) is not DictionaryToken node)
            {
                return;
            }

            if (node.Data.GetValueOrDefault("Kids") is { } kids && Resolve(document, kids) is ArrayToken children)
            {
                foreach (var child in children.Data)
                {
                    Walk(child);
                }
            }
            else
            {
                pages.Add(reference.Data);
            }
        }

        Walk(document.Structure.Catalog.CatalogDictionary.Data.GetValueOrDefault("Pages"));
        return pages;
    }

    private static IToken? Resolve(PdfDocument document, IToken? token)
    {
        while (token is IndirectReferenceToken reference)
        {
            token = document.Structure.GetObject(reference.Data).Data;
        }

        return token;
    }
}
