using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace Pstm.Testing;

/// <summary>
/// An element of a tagged PDF's structure tree as an assistive technology reads it: its role, its own /Lang and
/// /Alt, the language it is in (its own /Lang, else that of the nearest element above it that has one, else the
/// document's), the text of the marked content it holds, and the elements below it.
/// </summary>
internal sealed record TaggedElement(
    string Role, string? Lang, string? Alt, string Language, string Text, IReadOnlyList<TaggedElement> Kids, DictionaryToken Dictionary)
{
    /// <summary>This element and every element below it, in document order.</summary>
    public IEnumerable<TaggedElement> Descendants() => Kids.SelectMany(kid => kid.Descendants()).Prepend(this);

    /// <summary>The languages <paramref name="words"/> are in, wherever they are: those of the innermost elements whose text holds them.</summary>
    public IReadOnlyList<string> LanguagesOf(string words)
    {
        var wanted = TaggedPdf.Letters(words);
        bool Holds(TaggedElement element) => TaggedPdf.Letters(element.Text).Contains(wanted, StringComparison.Ordinal);
        var languages = Descendants().Where(e => Holds(e) && !e.Kids.Any(Holds)).Select(e => e.Language).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(languages.Count > 0, $"no element of the structure tree holds \"{words}\"");
        return languages;
    }
}

/// <summary>Reads the structure tree of a tagged PDF with PdfPig, with the text of each element's marked content.</summary>
internal static partial class TaggedPdf
{
    /// <summary>The structure tree's root (role "StructTreeRoot", in the catalog's /Lang), with everything below it.</summary>
    public static TaggedElement Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var catalog = document.Structure.Catalog.CatalogDictionary;
        var pages = new List<IndirectReference>();
        CollectPages(document, catalog.Data["Pages"], pages);
        var texts = new Dictionary<(IndirectReference, int), string>();
        foreach (var (reference, index) in pages.Select((p, i) => (p, i)))
        {
            CollectTexts(document.GetPage(index + 1).GetMarkedContents(), reference, texts);
        }

        var root = (DictionaryToken)Resolve(document, catalog.Data["StructTreeRoot"])!;
        return new Reader(document, texts).Element(root, TextOf(document, catalog.Data.GetValueOrDefault("Lang")) ?? "", null);
    }

    /// <summary>The letters of a text, as extracted text is compared: no spaces, soft hyphens or hyphens, quotes as typed.</summary>
    public static string Letters(string text) => NotLetters().Replace(Typewritten.Of(text), "");

    private static void CollectPages(PdfDocument document, IToken node, List<IndirectReference> pages)
    {
        var dictionary = (DictionaryToken)Resolve(document, node)!;
        if (dictionary.Data.TryGetValue("Kids", out var kids))
        {
            foreach (var kid in ((ArrayToken)Resolve(document, kids)!).Data)
            {
                CollectPages(document, kid, pages);
            }
        }
        else
        {
            pages.Add(((IndirectReferenceToken)node).Data);
        }
    }

    private static void CollectTexts(IEnumerable<MarkedContentElement> contents, IndirectReference page, Dictionary<(IndirectReference, int), string> texts)
    {
        foreach (var content in contents)
        {
            if (content.MarkedContentIdentifier >= 0)
            {
                texts[(page, content.MarkedContentIdentifier)] = texts.GetValueOrDefault((page, content.MarkedContentIdentifier), "")
                    + string.Concat(content.Letters.Select(letter => letter.Value));
            }

            CollectTexts(content.Children, page, texts);
        }
    }

    private static IToken? Resolve(PdfDocument document, IToken? token) =>
        token is IndirectReferenceToken reference ? document.Structure.GetObject(reference.Data).Data : token;

    private static string? TextOf(PdfDocument document, IToken? token) => Resolve(document, token) switch
    {
        StringToken text => text.Data,
        HexToken hex => hex.Data,
        _ => null,
    };

    [GeneratedRegex(@"[\s\u00AD\u2010-]+")]
    private static partial Regex NotLetters();

    private sealed class Reader(PdfDocument document, Dictionary<(IndirectReference, int), string> texts)
    {
        public TaggedElement Element(DictionaryToken element, string inherited, IndirectReference? page)
        {
            var lang = TextOf(document, element.Data.GetValueOrDefault("Lang"));
            var language = lang ?? inherited;
            page = element.Data.GetValueOrDefault("Pg") is IndirectReferenceToken own ? own.Data : page;
            var kids = new List<TaggedElement>();
            var text = "";
            var held = Resolve(document, element.Data.GetValueOrDefault("K"));
            foreach (var item in held is ArrayToken array ? array.Data : held is null ? [] : [held])
            {
                switch (Resolve(document, item))
                {
                    case NumericToken mcid when page is { } onPage:
                        text += texts.GetValueOrDefault((onPage, mcid.Int), "");
                        break;
                    case DictionaryToken { Data: var data } reference when data.GetValueOrDefault("Type") is NameToken { Data: "MCR" }:
                        var mcrPage = data.GetValueOrDefault("Pg") is IndirectReferenceToken pg ? pg.Data : page;
                        text += mcrPage is { } at ? texts.GetValueOrDefault((at, ((NumericToken)reference.Data["MCID"]).Int), "") : "";
                        break;
                    case DictionaryToken kid when kid.Data.ContainsKey("S"):
                        var below = Element(kid, language, page);
                        kids.Add(below);
                        text += below.Text;
                        break;
                }
            }

            var role = element.Data.GetValueOrDefault("S") is NameToken name ? name.Data : "StructTreeRoot";
            return new TaggedElement(role, lang, TextOf(document, element.Data.GetValueOrDefault("Alt")), language, text, kids, element);
        }
    }
}
