using System.Globalization;

namespace Pstm.Plan.Model;

/// <summary>An sRGB colour written <c>#rrggbb</c> or <c>#rgb</c>, and the WCAG 2.1 contrast between two of them.</summary>
public readonly record struct HexColor(byte R, byte G, byte B)
{
    public static readonly HexColor White = new(255, 255, 255);

    /// <summary>The near-black of the shipped theme's text (--ink).</summary>
    public static readonly HexColor Ink = new(0x1a, 0x1a, 0x1a);

    /// <summary>WCAG AA for large text (18 pt, or 14 pt bold) and for what is not text: 3:1.</summary>
    public const double AaLargeRatio = 3.0;

    /// <summary>How far apart two colours of a palette must be to be told apart side by side (CIE76 in CIELAB; about 2.3 is just noticeable).</summary>
    public const double DistinctDistance = 15;

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

    /// <summary>The CIE76 distance between two colours in CIELAB (D65).</summary>
    public static double Distance(HexColor a, HexColor b)
    {
        var (p, q) = (a.Lab, b.Lab);
        return Math.Sqrt(Math.Pow(p.L - q.L, 2) + Math.Pow(p.A - q.A, 2) + Math.Pow(p.B - q.B, 2));
    }

    /// <summary>This colour moved towards <paramref name="other"/> by <paramref name="amount"/> (0 to 1), channel by channel.</summary>
    public HexColor Mix(HexColor other, double amount)
    {
        byte Channel(byte from, byte to) => (byte)Math.Round(from + (to - from) * amount);
        return new HexColor(Channel(R, other.R), Channel(G, other.G), Channel(B, other.B));
    }

    private (double L, double A, double B) Lab
    {
        get
        {
            static double F(double t) => t > 0.008856 ? Math.Cbrt(t) : 7.787 * t + 16.0 / 116;
            var (r, g, b) = (Linear(R), Linear(G), Linear(B));
            var x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
            var y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
            var z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
            return (116 * F(y) - 16, 500 * (F(x) - F(y)), 200 * (F(y) - F(z)));
        }
    }

    public override string ToString() => $"#{R:x2}{G:x2}{B:x2}";

    private static byte Channel(string hex, int at) => byte.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static double Linear(byte channel)
    {
        var c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
