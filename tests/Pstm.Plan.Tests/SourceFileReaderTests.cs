using System.Text;
using Pstm.Diagnostics;
using Pstm.Plan.Loading;

namespace Pstm.Plan.Tests;

public class SourceFileReaderTests
{
    [Fact]
    public void Invalid_utf8_is_located_at_its_line_and_column()
    {
        // Given: "ok\nCittà" with the à written in Latin-1
        var bytes = Encoding.UTF8.GetBytes("ok\nCitt").Concat(new byte[] { 0xE0 }).ToArray();
        var diagnostics = new DiagnosticBag();

        // When
        var text = SourceFileReader.Decode(bytes, "f.yaml", diagnostics);

        // Then
        Assert.Null(text);
        var diagnostic = Assert.Single(diagnostics.ToSortedList());
        Assert.Equal("PSTM0004", diagnostic.Code);
        Assert.Equal((2, 5), (diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
    }

    [Fact]
    public void A_byte_order_mark_is_dropped()
    {
        var diagnostics = new DiagnosticBag();
        var text = SourceFileReader.Decode(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("id: x")).ToArray(), "f.yaml", diagnostics);
        Assert.Equal("id: x", text);
        Assert.Equal(0, diagnostics.Count);
    }

    [Fact]
    public void A_file_that_cannot_be_read_is_a_diagnostic_not_an_exception()
    {
        using var folder = new TemporaryFolder("pstm-test-");
        var diagnostics = new DiagnosticBag();

        // A folder where a file is expected cannot be read as one.
        var text = SourceFileReader.Read(folder.Path, "plan.yaml", diagnostics);

        Assert.Null(text);
        Assert.Equal("PSTM0003", Assert.Single(diagnostics.ToSortedList()).Code);
    }
}
