using Pstm.Plan.Images;
using Pstm.Plan.Loading;

namespace Pstm.Plan.Tests;

/// <summary>
/// Images in plan texts: known by their bytes, not their names; refused past the size limit or when a
/// link leads out of the plan; resolved once, to the bytes the editions show. The rules' messages and
/// positions are golden cases (Cases/PSTM0016-…, PSTM0410-…); these are the inputs too large or too
/// system-dependent to commit.
/// </summary>
public class ImageTests
{
    private const string Plan = "id: t\ntitle: T\nentity: E\nperiod: { from: 2025, to: 2027 }\nlanguage: it\n"
        + "chapters:\n  - id: C1\n    number: 1\n    title: Uno\n    body: |\n      ![Il logo](images/logo.png)\n";

    public static TheoryData<string, byte[], string?> Formats() => new()
    {
        { "png", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "PNG" },
        { "jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F'], "JPEG" },
        { "webp", "RIFF\x10\0\0\0WEBPVP8 "u8.ToArray(), "WebP" },
        { "svg", "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray(), "SVG" },
        { "svg with a doctype", "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray(), "SVG" },
        { "svg without its namespace", "<svg/>"u8.ToArray(), null },
        { "html", "<!doctype html><html><body><img src=x onerror=alert(1)>"u8.ToArray(), null },
        { "text", "just text"u8.ToArray(), null },
        { "gif", "GIF89a"u8.ToArray(), null },
        { "riff that is no webp", "RIFF\x10\0\0\0WAVEfmt "u8.ToArray(), null },
        { "empty", [], null },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void An_image_is_known_by_its_bytes(string name, byte[] bytes, string? format)
    {
        Assert.True(format == ImageFormat.Of(bytes)?.Name, $"{name}: {ImageFormat.Of(bytes)?.Name ?? "none"}");
    }

    [Fact]
    public void An_image_past_the_size_limit_is_refused_unread()
    {
        // Given: a PNG signature followed by a hole that takes no disk space
        using var folder = new TemporaryFolder("pstm-image-");
        File.WriteAllText(Path.Combine(folder.Path, "plan.yaml"), Plan);
        Directory.CreateDirectory(Path.Combine(folder.Path, "images"));
        using (var image = File.Create(Path.Combine(folder.Path, "images", "logo.png")))
        {
            image.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
            image.SetLength(PlanLimits.MaxImageBytes + 1);
        }

        // When
        var check = PlanCheck.Run(folder.Path, folder.Path);

        // Then
        var error = Assert.Single(check.Diagnostics, d => d.IsError);
        Assert.Equal("PSTM0019", error.Code);
        Assert.Equal((11, 7), (error.Span.StartLine, error.Span.StartColumn));
        Assert.Empty(check.Plan!.Images.All);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void An_image_linked_to_a_file_outside_the_plan_is_refused()
    {
        using var root = new TemporaryFolder("pstm-image-");
        var plan = Directory.CreateDirectory(Path.Combine(root.Path, "plan")).FullName;
        File.WriteAllText(Path.Combine(plan, "plan.yaml"), Plan);
        Directory.CreateDirectory(Path.Combine(plan, "images"));
        File.WriteAllBytes(Path.Combine(root.Path, "secret.png"), [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        File.CreateSymbolicLink(Path.Combine(plan, "images", "logo.png"), Path.Combine(root.Path, "secret.png"));

        var check = PlanCheck.Run(plan, plan);

        Assert.Equal("PSTM0017", Assert.Single(check.Diagnostics, d => d.IsError).Code);
    }

    [Fact]
    public void A_valid_image_is_read_once_and_kept_with_its_bytes()
    {
        var check = PlanCheck.Run(Path.Combine(Golden.ProjectDirectory, "Cases", "valid-images-and-tables", "plan"));

        var images = check.Plan!.Images.All;
        Assert.Equal(["images/logo.png", "images/schema.svg"], images.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ImageFormat.Png, images["images/logo.png"].Format);
        Assert.Equal(File.ReadAllBytes(images["images/logo.png"].FullPath), images["images/logo.png"].Bytes.ToArray());
        Assert.StartsWith("data:image/svg+xml;base64,", images["images/schema.svg"].DataUrl, StringComparison.Ordinal);
        Assert.Matches("^images/[0-9a-f]{16}\\.png$", images["images/logo.png"].AssetName);
    }
}
