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

    [Fact]
    public async Task The_files_a_layers_stylesheets_and_partials_name_are_copied_beside_the_booklet_and_inlined_in_the_deck()
    {
        // The shipped theme importing a stylesheet of the layer, which draws an image of the layer; a colophon showing a picture of the layer.
        var templates = Path.Combine(BuiltBooklet.RepositoryRoot, "templates");
        var theme = await File.ReadAllTextAsync(Path.Combine(templates, "theme.css"));
        await File.WriteAllTextAsync(Path.Combine(_layer.Path, "theme.css"), theme.Replace("@import url(\"fonts/fonts.css\");", "@import url(\"fonts/fonts.css\");\n@import url(more.css);", StringComparison.Ordinal));
        await File.WriteAllTextAsync(Path.Combine(_layer.Path, "more.css"), ".colophon { background: url(images/band.svg) no-repeat; }\n");
        Directory.CreateDirectory(Path.Combine(_layer.Path, "images"));
        const string band = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"8\" height=\"2\"><rect width=\"8\" height=\"2\" fill=\"#7a1f3d\"/></svg>";
        await File.WriteAllTextAsync(Path.Combine(_layer.Path, "images", "band.svg"), band);
        var mark = await File.ReadAllBytesAsync(Path.Combine(BuiltBooklet.RepositoryRoot, "tests", "Pstm.Plan.Tests", "Cases", "valid-images-and-tables", "plan", "images", "logo.png"));
        await File.WriteAllBytesAsync(Path.Combine(_layer.Path, "images", "mark.png"), mark);
        Directory.CreateDirectory(Path.Combine(_layer.Path, "booklet"));
        var colophon = await File.ReadAllTextAsync(Path.Combine(templates, "booklet", "colophon.sbn-html"));
        await File.WriteAllTextAsync(
            Path.Combine(_layer.Path, "booklet", "colophon.sbn-html"),
            colophon.Replace("</h1>", "</h1>\n<p><img src=\"{{ asset 'images/mark.png' }}\" alt=\"Marchio del tema\"></p>", StringComparison.Ordinal));

        var result = await EditionBuilder.BuildAsync(BuiltBooklet.Request(_output.Path, templates: _layer.Path) with { Targets = [BuildTarget.All] }, CancellationToken.None);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Where(d => d.IsError).Select(d => $"{d.Code} {d.Message}")));
        var assets = Path.Combine(_output.Path, "it", "assets");
        Assert.Equal(mark, await File.ReadAllBytesAsync(Path.Combine(assets, "images", "mark.png")));
        Assert.Equal(band, await File.ReadAllTextAsync(Path.Combine(assets, "images", "band.svg")));
        Assert.True(File.Exists(Path.Combine(assets, "more.css")));
        using (var document = PdfDocument.Open(Path.Combine(_output.Path, "it", "booklet.pdf")))
        {
            var page = document.GetPages().Last(p => p.Text.Contains("Colophon", StringComparison.Ordinal));
            Assert.Contains(page.GetImages(), i => (i.WidthInSamples, i.HeightInSamples) == (40, 20));
        }

        var deck = await File.ReadAllTextAsync(Path.Combine(_output.Path, "it", "slides.html"));
        Assert.Contains($"url(data:image/svg+xml;base64,{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(band))})", deck, StringComparison.Ordinal);
        Assert.DoesNotContain("band.svg", deck, StringComparison.Ordinal);
        Assert.DoesNotContain("more.css", deck, StringComparison.Ordinal);
    }

    private static int Byte(double component) => (int)Math.Round(component * 255);
}
