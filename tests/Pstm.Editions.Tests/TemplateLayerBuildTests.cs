using UglyToad.PdfPig;

namespace Pstm.Editions.Tests;

/// <summary>A build with <c>--templates</c> holding only a theme: laid over the shipped templates, it changes the colours and nothing else.</summary>
public sealed class TemplateLayerBuildTests : IDisposable
{
    private readonly TemporaryFolder _layer = new();
    private readonly TemporaryFolder _output = new();

    public void Dispose()
    {
        _layer.Dispose();
        _output.Dispose();
    }

    [Fact]
    public async Task A_folder_holding_only_a_theme_builds_the_booklet_in_its_colours()
    {
        // The shipped theme with another accent (used for headings), imported fonts and all.
        var shipped = await File.ReadAllTextAsync(Path.Combine(BuiltBooklet.RepositoryRoot, "templates", "theme.css"));
        Assert.Contains("--accent: #0b4f8a;", shipped, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(_layer.Path, "theme.css"), shipped.Replace("--accent: #0b4f8a;", "--accent: #7a1f3d;", StringComparison.Ordinal));

        var result = await EditionBuilder.BuildAsync(BuiltBooklet.Request(_output.Path, templates: _layer.Path), CancellationToken.None);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Where(d => d.IsError).Select(d => $"{d.Code} {d.Message}")));
        Assert.Equal([Path.Combine(_layer.Path, "theme.css")], Directory.GetFiles(_layer.Path, "*", SearchOption.AllDirectories).ToList());
        using var document = PdfDocument.Open(Path.Combine(_output.Path, "it", "booklet.pdf"));
        var colours = document.GetPage(3).Letters.Select(l => l.Color.ToRGBValues()).Select(c => (R: Byte(c.r), G: Byte(c.g), B: Byte(c.b))).ToHashSet();
        Assert.Contains((0x7a, 0x1f, 0x3d), colours);
        Assert.DoesNotContain((0x0b, 0x4f, 0x8a), colours);

        // The rest is the shipped templates': their fonts, their table of contents.
        Assert.Contains(document.GetPage(3).Letters, l => (l.FontName ?? "").Contains("Titillium", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Indice", document.GetPage(2).Text, StringComparison.Ordinal);
    }

    private static int Byte(double component) => (int)Math.Round(component * 255);
}
