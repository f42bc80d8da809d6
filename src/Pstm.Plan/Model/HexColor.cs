using System.Globalization;

namespace Pstm.Plan.Model;

/// <summary>An sRGB colour written <c>#rrggbb</c> or <c>#rgb</c>, and the WCAG 2.1 contrast between two of them.</summary>
public readonly record struct HexColor(byte R, byte G, byte B)
{
    public static readonly HexColor White = new(255, 255, 255);

    /// <summary>WCAG AA for body text: 4.5:1.</summary>
    public const double AaRatio = 4.5;

    public static bool TryParse(string text, out HexColor color)
    {
        color = default;
        if (text.Length is not (4 or 7) || text[0] != '#' || !text.Skip(1).All(char.IsAsciiHexDigit))
        {
            return false;
        }

        var hex = text.Length == 4 ? string.Concat(text.Skip(1).Select(c => $"{c}{c}")) : text[1..];
        color = new HexColor(Channel(hex, 0), Channel(hex, 2), Channel(hex, 4));
        return true;
    }

    /// <summary>The contrast ratio between two colours, from 1 (none) to 21 (black on white).</summary>
    public static double Contrast(HexColor a, HexColor b)
    {
        var (la, lb) = (a.Luminance, b.Luminance);
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    /// <summary>Relative luminance as WCAG 2.1 defines it.</summary>
    public double Luminance => 0.2126 * Linear(R) + 0.7152 * Linear(G) + 0.0722 * Linear(B);

    public override string ToString() => $"#{R:x2}{G:x2}{B:x2}";

    private static byte Channel(string hex, int at) => byte.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static double Linear(byte channel)
    {
        var c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
