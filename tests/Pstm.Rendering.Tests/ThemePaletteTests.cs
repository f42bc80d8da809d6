using System.Text.RegularExpressions;
using Pstm.Plan.Model;

namespace Pstm.Rendering.Tests;

/// <summary>The theme's mission palette: as many colours as missions get before cycling, each readable under white text, no two alike.</summary>
public partial class ThemePaletteTests
{
    private static readonly string Theme = File.ReadAllText(Path.Combine(TestPaths.Templates, "theme.css"));

    private static List<(int Position, HexColor Color)> Palette() =>
        PaletteEntry().Matches(Theme)
            .Select(m => (int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture), Parse(m.Groups["hex"].Value)))
            .ToList();

    private static HexColor Parse(string hex)
    {
        Assert.True(HexColor.TryParse(hex, out var color), hex);
        return color;
    }

    [Fact]
    public void The_theme_has_a_colour_and_a_class_for_each_position_of_the_palette_and_there_are_at_least_twelve()
    {
        var palette = Palette();

        Assert.True(MissionPalette.Size >= 12);
        Assert.Equal(Enumerable.Range(1, MissionPalette.Size), palette.Select(p => p.Position));
        Assert.All(palette, p => Assert.Contains($".mission-color-{p.Position} {{ --mission: var(--mission-{p.Position}); }}", Theme));
    }

    [Fact]
    public void White_text_on_every_colour_of_the_palette_reaches_wcag_aa()
    {
        Assert.All(Palette(), p => Assert.True(
            HexColor.Contrast(p.Color, HexColor.White) >= HexColor.AaRatio,
            $"--mission-{p.Position} {p.Color}: {HexColor.Contrast(p.Color, HexColor.White):0.00}:1"));
    }

    [Fact]
    public void Every_two_colours_of_the_palette_are_told_apart()
    {
        // CIE76 distance in CIELAB: 15 is well past "noticeably different" (about 2.3) for chips side by side.
        var palette = Palette();
        foreach (var (a, i) in palette.Select((p, i) => (p, i)))
        {
            foreach (var b in palette.Skip(i + 1))
            {
                var distance = Distance(Lab(a.Color), Lab(b.Color));
                Assert.True(distance >= 15, $"--mission-{a.Position} {a.Color} and --mission-{b.Position} {b.Color} are {distance:0.0} apart");
            }
        }
    }

    [Theory]
    [InlineData("#ffffff", "#000000", 21.0)]
    [InlineData("#777777", "#ffffff", 4.48)]
    [InlineData("#0b5cad", "#ffffff", 6.67)]
    public void The_contrast_ratio_is_wcags(string a, string b, double expected) =>
        Assert.Equal(expected, HexColor.Contrast(Parse(a), Parse(b)), precision: 2);

    private static (double L, double A, double B) Lab(HexColor color)
    {
        static double Linear(byte c) => c / 255.0 <= 0.04045 ? c / 255.0 / 12.92 : Math.Pow((c / 255.0 + 0.055) / 1.055, 2.4);
        static double F(double t) => t > 0.008856 ? Math.Cbrt(t) : 7.787 * t + 16.0 / 116;
        var (r, g, b) = (Linear(color.R), Linear(color.G), Linear(color.B));
        var x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        var y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        var z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        return (116 * F(y) - 16, 500 * (F(x) - F(y)), 200 * (F(y) - F(z)));
    }

    private static double Distance((double L, double A, double B) p, (double L, double A, double B) q) =>
        Math.Sqrt(Math.Pow(p.L - q.L, 2) + Math.Pow(p.A - q.A, 2) + Math.Pow(p.B - q.B, 2));

    [GeneratedRegex(@"--mission-(?<n>\d+):\s*(?<hex>#[0-9a-fA-F]{3,6})\s*;")]
    private static partial Regex PaletteEntry();
}
