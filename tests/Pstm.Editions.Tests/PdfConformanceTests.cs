using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf.IO;
using Pstm.Diagnostics;
using Pstm.Plan;
using Pstm.Rendering.Templates;
using UglyToad.PdfPig.Tokens;
using Sharp = PdfSharp.Pdf;

namespace Pstm.Editions.Tests;

/// <summary>
/// What PDF/UA-1 and PDF/A-2b ask of the booklet and the deck (issue 17), checked on those of the shipped plan
/// and of Torino's plan: nothing drawn outside marked content, annotations described and printable, the XMP's
/// claims and the Info dictionary in agreement, an sRGB output intent, and lists, figures, table headers and
/// headings tagged as a screen reader needs them.
/// </summary>
public partial class PdfConformanceTests(PdfConformanceTests.Built built) : IClassFixture<PdfConformanceTests.Built>
{
    public static TheoryData<string> Pdfs => new(Built.Names);

    [Theory]
    [MemberData(nameof(Pdfs))]
    public void Nothing_is_drawn_outside_marked_content(string name)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(built[name]);

        var untagged = document.GetPages().Select(page => (page.Number, Count: UnmarkedDrawing.Count(page))).Where(p => p.Count > 0);

        Assert.Empty(untagged.Select(p => $"page {p.Number}: {p.Count} drawing operators outside marked content"));
    }

    [Theory]
    [MemberData(nameof(Pdfs))]
    public void Every_annotation_has_contents_and_the_print_flag_only(string name)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(built[name]);
        var annotations = document.GetPages().SelectMany(page => page.GetAnnotations()).ToList();

        Assert.All(annotations, annotation =>
        {
            Assert.False(string.IsNullOrWhiteSpace(annotation.Content), $"an annotation on {annotation.Rectangle} has no /Contents");
            var flags = annotation.AnnotationDictionary.TryGet(NameToken.F, out NumericToken f) ? f.Int : 0;
            Assert.Equal(4, flags & (1 | 2 | 4 | 32)); // Print set; Invisible, Hidden, NoView clear
        });
    }

    [Theory]
    [MemberData(nameof(Pdfs))]
    public void The_xmp_claims_pdf_a_2b_and_pdf_ua_1_and_describes_the_pdfuaid_schema(string name)
    {
        var xmp = Xmp(built[name]);

        Assert.Matches(@"<pdfaid:part>2</pdfaid:part>", xmp);
        Assert.Matches(@"<pdfaid:conformance>B</pdfaid:conformance>", xmp);
        Assert.Matches(@"<pdfuaid:part>1</pdfuaid:part>", xmp);
        Assert.Matches(@"xmlns:pdfuaid=""http://www.aiim.org/pdfua/ns/id/""", xmp);
        Assert.Matches(@"<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\s*<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>", xmp);
    }

    [Theory]
    [MemberData(nameof(Pdfs))]
    public void The_info_dictionary_and_the_xmp_say_the_same(string name)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(built[name]);
        var info = document.Information;
        var xmp = Xmp(built[name]);

        Assert.False(string.IsNullOrEmpty(info.Title));
        Assert.Equal(info.Title, XmpValue(xmp, @"<dc:title><rdf:Alt><rdf:li xml:lang=""x-default"">(.*?)</rdf:li>"));
        Assert.Equal(info.Author, XmpValue(xmp, @"<dc:creator><rdf:Seq><rdf:li>(.*?)</rdf:li>"));
        Assert.Equal(info.Subject, XmpValue(xmp, @"<dc:description><rdf:Alt><rdf:li xml:lang=""x-default"">(.*?)</rdf:li>"));
        Assert.Equal(info.Keywords, XmpValue(xmp, "<pdf:Keywords>(.*?)</pdf:Keywords>"));
        Assert.Equal(info.Producer, XmpValue(xmp, "<pdf:Producer>(.*?)</pdf:Producer>"));
        Assert.Equal(info.Creator, XmpValue(xmp, "<xmp:CreatorTool>(.*?)</xmp:CreatorTool>"));
        Assert.Equal("it", XmpValue(xmp, "<dc:language><rdf:Bag><rdf:li>(.*?)</rdf:li>"));
        var created = info.GetCreatedDateTimeOffset()!.Value;
        Assert.Equal(created, DateTimeOffset.Parse(XmpValue(xmp, "<xmp:CreateDate>(.*?)</xmp:CreateDate>"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(info.GetModifiedDateTimeOffset(), DateTimeOffset.Parse(XmpValue(xmp, "<xmp:ModifyDate>(.*?)</xmp:ModifyDate>"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(Pdfs))]
    public void The_catalog_has_one_srgb_output_intent_shows_the_title_and_is_marked(string name)
    {
        using var document = Open(built[name]);
        var catalog = document.Internals.Catalog;

        var intents = catalog.Elements.GetArray("/OutputIntents")!;
        var intent = Assert.Single(intents.Elements.Select((_, i) => intents.Elements.GetDictionary(i)!));
        Assert.Equal("/GTS_PDFA1", intent.Elements.GetName("/S"));
        Assert.Equal("sRGB IEC61966-2.1", intent.Elements.GetString("/OutputConditionIdentifier"));
        var profile = intent.Elements.GetDictionary("/DestOutputProfile")!;
        Assert.Equal(3, profile.Elements.GetInteger("/N"));
        var icc = profile.Stream.UnfilteredValue;
        Assert.Equal("mntrRGB XYZ ", Encoding.ASCII.GetString(icc, 12, 12)); // a display profile, RGB, in XYZ
        Assert.Equal("acsp", Encoding.ASCII.GetString(icc, 36, 4));
        Assert.True(catalog.Elements.GetDictionary("/ViewerPreferences")!.Elements.GetBoolean("/DisplayDocTitle"));
        Assert.True(catalog.Elements.GetDictionary("/MarkInfo")!.Elements.GetBoolean("/Marked"));
        Assert.Equal("it", catalog.Elements.GetString("/Lang"));
    }

    [Theory]
    [MemberData(nameof(Pdfs))]
    public void Every_list_item_has_a_body_and_holds_nothing_but_its_label_and_its_body(string name)
    {
        using var document = Open(built[name]);
        var items = StructureElements(document).Where(e => Role(e) == "/LI").ToList();

        Assert.NotEmpty(items);
        Assert.All(items, item =>
        {
            var kids = Kids(item).Select(kid => Value(kid) as Sharp.PdfDictionary).ToList();
            Assert.All(kids, kid => Assert.True(kid is not null && Role(kid) is "/Lbl" or "/LBody", $"an LI holds {(kid is null ? "marked content" : Role(kid))} directly"));
            var body = Assert.Single(kids, kid => Role(kid!) == "/LBody")!;
            Assert.Same(item, (body.Elements["/P"] as Sharp.Advanced.PdfReference)?.Value);
        });
    }

    [Theory]
    [MemberData(nameof(Pdfs))]
    public void The_parent_tree_names_the_element_that_holds_each_marked_content_and_annotation(string name)
    {
        using var document = Open(built[name]);
        var parents = ParentTree(document);
        var wrong = new List<string>();

        foreach (var (page, number) in document.Pages.Cast<Sharp.PdfPage>().Select((p, i) => (p, i + 1)))
        {
            var byMcid = Value(parents.GetValueOrDefault(page.Elements.GetInteger("/StructParents"))) as Sharp.PdfArray;
            for (var mcid = 0; mcid < (byMcid?.Elements.Count ?? 0); mcid++)
            {
                if (Value(byMcid!.Elements[mcid]) is Sharp.PdfDictionary owner && !HoldsMcid(owner, mcid))
                {
                    wrong.Add($"page {number}, MCID {mcid}: the parent tree names a {Role(owner)} that does not hold it");
                }
            }

            var annotations = page.Elements.GetArray("/Annots");
            for (var i = 0; i < (annotations?.Elements.Count ?? 0); i++)
            {
                var annotation = annotations!.Elements.GetDictionary(i)!;
                var owner = Value(parents.GetValueOrDefault(annotation.Elements.GetInteger("/StructParent"))) as Sharp.PdfDictionary;
                if (owner is null || !HoldsAnnotation(owner, annotation))
                {
                    wrong.Add($"page {number}, annotation {i}: the parent tree does not name the element of its OBJR");
                }
            }
        }

        Assert.Empty(wrong);
    }

    [Theory]
    [MemberData(nameof(Pdfs))]
    public void Figures_have_alternative_text_and_table_headers_a_scope(string name)
    {
        using var document = Open(built[name]);
        var elements = StructureElements(document).ToList();

        Assert.All(elements.Where(e => Role(e) == "/Figure"), figure => Assert.False(string.IsNullOrWhiteSpace(figure.Elements.GetString("/Alt"))));
        Assert.All(elements.Where(e => Role(e) == "/TH"), header =>
        {
            var attributes = header.Elements["/A"] is Sharp.PdfArray array ? array.Elements.OfType<Sharp.PdfDictionary>() : [header.Elements.GetDictionary("/A")!];
            Assert.Contains(attributes, a => a.Elements.GetName("/O") == "/Table" && a.Elements.GetName("/Scope") is "/Column" or "/Row" or "/Both");
        });
    }

    [Theory]
    [InlineData("psttm/booklet")]
    [InlineData("psttm/slides")]
    public void Every_cell_of_the_matrix_says_whether_its_driver_serves_its_mission_under_its_two_headers(string name)
    {
        var plan = PlanCheck.Run(Path.Combine(BuiltBooklet.RepositoryRoot, "plan")).Plan!;
        var diagnostics = new DiagnosticBag();
        var strings = TemplateStrings.Load(TemplateFolder.Open(Path.Combine(BuiltBooklet.RepositoryRoot, "templates"), BuiltBooklet.RepositoryRoot, diagnostics)!, "it", plan.Labels, diagnostics)!;
        var tables = TaggedPdf.Read(built[name]).Descendants()
            .Where(e => e.Role == "Table" && e.Kids.Any(k => k.Role == "Caption" && TaggedPdf.Letters(k.Text) == TaggedPdf.Letters(strings["matrix_caption"]))).ToList();
        Assert.NotEmpty(tables);

        var drivers = new Queue<Pstm.Plan.Model.Driver>(plan.Drivers);
        foreach (var table in tables)
        {
            var rows = table.Descendants().Where(e => e.Role == "TR").ToList();
            var columns = rows[0].Kids.Where(k => k.Role == "TH").ToList();
            Assert.All(columns, th => Assert.Equal("/Column", Attribute(th, "Scope")));
            foreach (var row in rows.Skip(1))
            {
                var driver = drivers.Dequeue();
                var header = row.Kids[0];
                Assert.Equal(("TH", "/Row"), (header.Role, Attribute(header, "Scope")));
                Assert.Contains(TaggedPdf.Letters(driver.Name), TaggedPdf.Letters(header.Text), StringComparison.Ordinal);
                var cells = row.Kids.Skip(1).ToList();
                for (var m = 0; m < plan.Missions.Count; m++)
                {
                    // One cell per mission, even where the driver does not serve it, under its mission's and its driver's headers.
                    Assert.Equal("TD", cells[m].Role);
                    var figure = Assert.Single(cells[m].Kids);
                    var serves = driver.Missions.Any(served => served.Value == plan.Missions[m].Id.Value);
                    Assert.Equal(("Figure", strings[serves ? "served" : "not_served"]), (figure.Role, figure.Alt));
                    Assert.Equal([Attribute(columns[m + 1], "ID")!, Attribute(header, "ID")!], Headers(cells[m]));
                }
            }
        }

        Assert.Empty(drivers);
    }

    [Theory]
    [MemberData(nameof(Pdfs))]
    public void Heading_levels_never_skip_one(string name)
    {
        using var document = Open(built[name]);
        var levels = StructureElements(document).Select(Role).Where(r => r is { Length: 3 } && r.StartsWith("/H", StringComparison.Ordinal) && char.IsDigit(r[2]))
            .Select(r => r![2] - '0').ToList();

        Assert.NotEmpty(levels);
        Assert.Empty(levels.Zip(levels.Prepend(0)).Where(p => p.First > p.Second + 1).Select(p => $"H{p.Second} then H{p.First}"));
    }

    // ---- Reading the PDF ------------------------------------------------------------------------------------

    private static Sharp.PdfDocument Open(byte[] pdf) => PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);

    private static string Xmp(byte[] pdf)
    {
        using var document = Open(pdf);
        var metadata = document.Internals.Catalog.Elements.GetDictionary("/Metadata")!;
        return Encoding.UTF8.GetString(metadata.Stream.UnfilteredValue);
    }

    private static string XmpValue(string xmp, string pattern)
        => System.Net.WebUtility.HtmlDecode(Regex.Match(xmp, pattern).Groups[1].Value);

    private static string? Role(Sharp.PdfDictionary element) => element.Elements.GetName("/S") is { Length: > 0 } role ? role : null;

    private static List<Sharp.PdfItem> Kids(Sharp.PdfDictionary element) => element.Elements["/K"] switch
    {
        Sharp.PdfArray array => [.. array.Elements],
        null => [],
        var single => [single],
    };

    private static Sharp.PdfItem? Value(Sharp.PdfItem? item) => item is Sharp.Advanced.PdfReference reference ? reference.Value : item;

    /// <summary>A table attribute of a structure element (in its /A, of owner /Table), or its own entry (/ID), as text.</summary>
    private static string? Attribute(TaggedElement element, string key)
    {
        var value = element.Dictionary.Data.GetValueOrDefault(key)
            ?? TableAttributes(element).Select(a => a.Data.GetValueOrDefault(key)).FirstOrDefault(v => v is not null);
        return value switch { NameToken n => "/" + n.Data, StringToken t => t.Data, HexToken h => h.Data, _ => null };
    }

    /// <summary>The ids of the header cells a data cell names in its /Headers.</summary>
    private static List<string> Headers(TaggedElement cell)
        => TableAttributes(cell).Select(a => a.Data.GetValueOrDefault("Headers")).OfType<ArrayToken>().SelectMany(h => h.Data)
            .Select(id => id is StringToken t ? t.Data : ((HexToken)id).Data).ToList();

    private static IEnumerable<DictionaryToken> TableAttributes(TaggedElement element) => element.Dictionary.Data.GetValueOrDefault("A") switch
    {
        ArrayToken array => array.Data.OfType<DictionaryToken>(),
        DictionaryToken single => [single],
        _ => [],
    };

    private static bool HoldsMcid(Sharp.PdfDictionary owner, int mcid)
        => Kids(owner).Select(Value).Any(kid => (kid is Sharp.PdfInteger number && number.Value == mcid)
            || (kid is Sharp.PdfDictionary mcr && mcr.Elements.GetName("/Type") == "/MCR" && mcr.Elements.GetInteger("/MCID") == mcid));

    private static bool HoldsAnnotation(Sharp.PdfDictionary owner, Sharp.PdfDictionary annotation)
        => Kids(owner).Select(Value).OfType<Sharp.PdfDictionary>()
            .Any(objr => objr.Elements.GetName("/Type") == "/OBJR" && ReferenceEquals(Value(objr.Elements["/Obj"]), annotation));

    /// <summary>The structure elements in document order.</summary>
    private static IEnumerable<Sharp.PdfDictionary> StructureElements(Sharp.PdfDocument document)
    {
        var root = document.Internals.Catalog.Elements.GetDictionary("/StructTreeRoot")!;
        var pending = new Stack<Sharp.PdfItem>(Kids(root).AsEnumerable().Reverse());
        while (pending.Count > 0)
        {
            if (Value(pending.Pop()) is Sharp.PdfDictionary element && Role(element) is not null)
            {
                yield return element;
                foreach (var kid in Kids(element).AsEnumerable().Reverse())
                {
                    pending.Push(kid);
                }
            }
        }
    }

    /// <summary>The parent tree's number tree, flattened: key to value.</summary>
    private static Dictionary<int, Sharp.PdfItem> ParentTree(Sharp.PdfDocument document)
    {
        var entries = new Dictionary<int, Sharp.PdfItem>();
        var pending = new Stack<Sharp.PdfDictionary>([document.Internals.Catalog.Elements.GetDictionary("/StructTreeRoot")!.Elements.GetDictionary("/ParentTree")!]);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            var nums = node.Elements.GetArray("/Nums");
            for (var i = 0; i + 1 < (nums?.Elements.Count ?? 0); i += 2)
            {
                entries[((Sharp.PdfInteger)nums!.Elements[i]).Value] = nums.Elements[i + 1];
            }

            var kids = node.Elements.GetArray("/Kids");
            for (var i = 0; i < (kids?.Elements.Count ?? 0); i++)
            {
                pending.Push(kids!.Elements.GetDictionary(i)!);
            }
        }

        return entries;
    }

    /// <summary>
    /// Counts the drawing operators of a page's content (PdfPig's reading of its decoded stream, not the
    /// finisher's) that lie outside every marked-content sequence: text shown, paths painted or used to
    /// clip, XObjects, shadings and inline images.
    /// </summary>
    public static class UnmarkedDrawing
    {
        private static readonly HashSet<string> Drawing = ["Tj", "TJ", "'", "\"", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n", "Do", "sh", "BI"];

        public static int Count(UglyToad.PdfPig.Content.Page page)
        {
            int depth = 0, count = 0;
            foreach (var operation in page.Operations)
            {
                depth += operation.Operator switch { "BDC" or "BMC" => 1, "EMC" => -1, _ => 0 };
                count += depth == 0 && Drawing.Contains(operation.Operator) ? 1 : 0;
            }

            return count;
        }
    }

    /// <summary>The booklet and the deck of the shipped plan and of Torino's, in Italian, built once.</summary>
    public sealed class Built : IAsyncLifetime
    {
        public static readonly string[] Names = ["psttm/booklet", "psttm/slides", "torino/booklet", "torino/slides"];

        private readonly Dictionary<string, byte[]> _pdfs = [];

        public DirectoryInfo Output { get; } = Directory.CreateTempSubdirectory("pstm-conformance-");

        public byte[] this[string name] => _pdfs[name];

        public async Task InitializeAsync()
        {
            foreach (var (plan, folder) in new[] { ("psttm", "plan"), ("torino", Path.Combine("tests", "Fixtures", "Plans", "torino")) })
            {
                var output = Path.Combine(Output.FullName, plan);
                var request = BuiltBooklet.Request(output, Path.Combine(BuiltBooklet.RepositoryRoot, folder)) with { Targets = [BuildTarget.Booklet, BuildTarget.Slides] };
                var result = await EditionBuilder.BuildAsync(request, CancellationToken.None);
                Assert.True(result.Succeeded, $"{plan}: " + string.Join("\n", result.Diagnostics.Where(d => d.IsError).Select(d => d.Message)));
                foreach (var kind in new[] { "booklet", "slides" })
                {
                    _pdfs[$"{plan}/{kind}"] = await File.ReadAllBytesAsync(Path.Combine(output, "it", kind + ".pdf"));
                }
            }
        }

        public Task DisposeAsync()
        {
            Output.Delete(recursive: true);
            return Task.CompletedTask;
        }
    }
}
