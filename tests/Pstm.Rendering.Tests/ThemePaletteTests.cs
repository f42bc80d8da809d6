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
                var distance = HexColor.Distance(a.Color, b.Color);
                Assert.True(distance >= HexColor.DistinctDistance, $"--mission-{a.Position} {a.Color} and --mission-{b.Position} {b.Color} are {distance:0.0} apart");
            }
        }
    }

    [Theory]
    [InlineData("#ffffff", "#000000", 21.0)]
    [InlineData("#777777", "#ffffff", 4.48)]
    [InlineData("#0b5cad", "#ffffff", 6.67)]
    public void The_contrast_ratio_is_wcags(string a, string b, double expected) =>
        Assert.Equal(expected, HexColor.Contrast(Parse(a), Parse(b)), precision: 2);

    [GeneratedRegex(@"--mission-(?<n>\d+):\s*(?<hex>#[0-9a-fA-F]{3,6})\s*;")]
    private static partial Regex PaletteEntry();
}
