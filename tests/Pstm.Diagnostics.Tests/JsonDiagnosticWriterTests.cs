using System.Text.Json;

namespace Pstm.Diagnostics.Tests;

public class JsonDiagnosticWriterTests
{
    [Fact]
    public void Writes_the_documented_fields()
    {
        var diagnostic = new Diagnostic("PSTM0203", Severity.Warning, new SourceSpan("a.yaml", 3, 5, 3, 9), "msg", "hint");
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            JsonDiagnosticWriter.Write(json, diagnostic);
        }

        var element = JsonDocument.Parse(stream.ToArray()).RootElement;
        Assert.Equal("PSTM0203", element.GetProperty("code").GetString());
        Assert.Equal("warning", element.GetProperty("severity").GetString());
        Assert.Equal("a.yaml", element.GetProperty("file").GetString());
        Assert.Equal(3, element.GetProperty("line").GetInt32());
        Assert.Equal(5, element.GetProperty("column").GetInt32());
        Assert.Equal(3, element.GetProperty("endLine").GetInt32());
        Assert.Equal(9, element.GetProperty("endColumn").GetInt32());
        Assert.Equal("msg", element.GetProperty("message").GetString());
        Assert.Equal("hint", element.GetProperty("hint").GetString());
    }

    [Fact]
    public void A_file_level_diagnostic_has_no_position_fields_and_no_hint_when_none()
    {
        var diagnostic = new Diagnostic("PSTM0002", Severity.Error, SourceSpan.ForFile("plan.yaml"), "missing");
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            JsonDiagnosticWriter.Write(json, diagnostic);
        }

        var element = JsonDocument.Parse(stream.ToArray()).RootElement;
        Assert.False(element.TryGetProperty("line", out _));
        Assert.False(element.TryGetProperty("hint", out _));
    }
}
