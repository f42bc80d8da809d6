using System.Globalization;
using System.Text;
using UglyToad.PdfPig.Graphics.Operations.MarkedContent;

namespace Pstm.Pdf.Tests;

/// <summary>The finish marks what Chromium draws outside marked content as artifacts, and leaves the rest byte for byte.</summary>
public class ArtifactMarkingTests
{
    // A page 800 units high: its top and bottom 8 % (above 736, below 64) are its margins.
    private static string Wrap(string content) => Encoding.Latin1.GetString(ArtifactMarking.Wrap(Encoding.Latin1.GetBytes(content), 0, 800));

    [Fact]
    public void Untagged_text_in_the_body_of_the_page_becomes_a_layout_artifact()
    {
        var marked = Wrap("q BT /F1 12 Tf 1 0 0 1 100 400 Tm (Hi) Tj ET Q");

        Assert.Equal("q BT /Artifact <</Type /Layout>> BDC\n/F1 12 Tf 1 0 0 1 100 400 Tm (Hi) Tj\nEMC ET Q", marked);
    }

    [Fact]
    public void Tagged_content_stays_as_it_was()
    {
        const string content = "q /P <</MCID 0>> BDC BT /F1 12 Tf 1 0 0 1 100 400 Tm (Hi) Tj ET EMC Q\n/Artifact BMC 0 0 10 10 re f EMC";

        Assert.Equal(content, Wrap(content));
    }

    [Fact]
    public void Text_in_the_top_or_bottom_margin_is_a_header_or_a_footer_after_the_transformation_matrix()
    {
        // Chromium's flip: y grows downwards from the top of the page.
        var head = Wrap("1 0 0 -1 0 800 cm BT 1 0 0 -1 50 40 Tm (3) Tj ET");
        var foot = Wrap("1 0 0 -1 0 800 cm BT 1 0 0 -1 50 700 Tm 0 -50 Td (4) Tj ET");

        Assert.Contains("/Artifact <</Type /Pagination /Subtype /Header>> BDC\n", head, StringComparison.Ordinal);
        Assert.Contains("/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n", foot, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_wide_background_is_layout_and_an_xobject_of_unknown_extent_a_plain_artifact()
    {
        Assert.StartsWith("/Artifact <</Type /Layout>> BDC\n0 0 600 800 re f", Wrap("0 0 600 800 re f"), StringComparison.Ordinal);
        Assert.Equal("/Artifact BMC\n/Im1 Do\nEMC", Wrap("/Im1 Do"));
        Assert.Equal("/Artifact BMC\nf\nEMC", Wrap("f")); // a fill with no path: drawn nowhere that can be told
    }

    [Fact]
    public void An_artifact_never_crosses_the_graphics_state_nesting_nor_a_tagged_sequence()
    {
        var marked = Wrap("q 0 300 10 10 re W n q 1 0 0 1 5 300 cm 0 0 1 1 re f /P <</MCID 0>> BDC 0 0 2 2 re f EMC 0 0 3 3 re f Q Q");

        Assert.Equal(
            "q /Artifact <</Type /Layout>> BDC\n0 300 10 10 re W n\nEMC q /Artifact <</Type /Layout>> BDC\n1 0 0 1 5 300 cm 0 0 1 1 re f\nEMC "
            + "/P <</MCID 0>> BDC 0 0 2 2 re f EMC /Artifact <</Type /Layout>> BDC\n0 0 3 3 re f\nEMC Q Q",
            marked);
    }

    [Fact]
    public void Strings_comments_and_inline_images_that_look_like_operators_are_copied_unchanged()
    {
        const string image = "BI /W 1 /H 1 /BPC 8 /CS /G ID \u0001EMC\u00ff EI";
        var marked = Wrap("BT 1 0 0 1 9 400 Tm (a \\) BDC (q) EMC) Tj [(x) -20 (EMC)] TJ <4142> Tj % BDC\nET q 1 0 0 1 9 400 cm " + image + " Q");

        Assert.Equal(
            "BT /Artifact <</Type /Layout>> BDC\n1 0 0 1 9 400 Tm (a \\) BDC (q) EMC) Tj [(x) -20 (EMC)] TJ <4142> Tj\nEMC % BDC\n"
            + "ET q /Artifact BMC\n1 0 0 1 9 400 cm " + image + "\nEMC Q",
            marked);
    }

    [Fact]
    public void A_finished_pdf_draws_nothing_outside_marked_content_and_is_the_same_bytes_twice()
    {
        var printed = UntaggedPdf();
        var metadata = new PdfMetadata("Titolo", "Autore", "Oggetto", "a, b", "pstm test", "it", new DateTimeOffset(2025, 6, 15, 0, 0, 0, TimeSpan.Zero));

        var first = PdfFinisher.Finish(printed, metadata);
        var second = PdfFinisher.Finish(printed, metadata);

        Assert.Equal(first, second);
        using var document = UglyToad.PdfPig.PdfDocument.Open(first);
        var page = document.GetPage(1);
        int depth = 0, outside = 0, inside = 0, artifacts = 0;
        foreach (var operation in page.Operations)
        {
            switch (operation.Operator)
            {
                case "BDC" or "BMC":
                    depth++;
                    artifacts += operation is BeginMarkedContentWithProperties { Name.Data: "Artifact" } or BeginMarkedContent { Name.Data: "Artifact" } ? 1 : 0;
                    break;
                case "EMC": depth--; break;
                case "f" or "S": outside += depth == 0 ? 1 : 0; inside += depth > 0 ? 1 : 0; break;
            }
        }

        Assert.Equal(0, outside);
        Assert.Equal(2, inside);
        Assert.Equal(2, artifacts);
    }

    /// <summary>A one-page PDF, written by hand, whose content draws two rectangles, one of them stroked, with no marked content.</summary>
    private static byte[] UntaggedPdf()
    {
        const string content = "0 0 595 842 re f\nq 1 0 0 1 0 0 cm 50 50 100 100 re S Q\n";
        string[] objects =
        [
            "<</Type/Catalog/Pages 2 0 R>>",
            "<</Type/Pages/Count 1/Kids[3 0 R]>>",
            "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>",
            $"<</Length {content.Length}>>\nstream\n{content}\nendstream",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        int xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {objects.Length + 1}/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
