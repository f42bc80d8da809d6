using System.Globalization;
using System.Text;

namespace Pstm.Plan.Model;

/// <summary>How an item's number is written for readers: 1, I, i, A or a, as the plan's <c>display: numbering</c> asks.</summary>
public enum NumberingStyle
{
    Decimal,
    UpperRoman,
    LowerRoman,
    UpperAlpha,
    LowerAlpha,
}

/// <summary>Names of the styles in plan.yaml, and numbers written in them.</summary>
public static class Numbering
{
    /// <summary>The names a plan writes, as CSS's list-style-type names them.</summary>
    public static readonly IReadOnlyDictionary<string, NumberingStyle> Names = new Dictionary<string, NumberingStyle>(StringComparer.Ordinal)
    {
        ["decimal"] = NumberingStyle.Decimal,
        ["upper-roman"] = NumberingStyle.UpperRoman,
        ["lower-roman"] = NumberingStyle.LowerRoman,
        ["upper-alpha"] = NumberingStyle.UpperAlpha,
        ["lower-alpha"] = NumberingStyle.LowerAlpha,
    };

    /// <summary>
    /// <paramref name="number"/> in <paramref name="style"/>. Roman numerals past 3999 and numbers below 1
    /// have no letters: they are written in digits. Letters go on past Z as AA, AB… (as CSS counts).
    /// </summary>
    public static string Format(int number, NumberingStyle style) => style switch
    {
        _ when number < 1 => number.ToString(CultureInfo.InvariantCulture),
        NumberingStyle.UpperRoman when number < 4000 => Roman(number),
        NumberingStyle.LowerRoman when number < 4000 => Roman(number).ToLowerInvariant(),
        NumberingStyle.UpperAlpha => Alpha(number),
        NumberingStyle.LowerAlpha => Alpha(number).ToLowerInvariant(),
        _ => number.ToString(CultureInfo.InvariantCulture),
    };

    private static string Roman(int number)
    {
        (int Value, string Letters)[] numerals =
            [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
        var text = new StringBuilder();
        foreach (var (value, letters) in numerals)
        {
            for (; number >= value; number -= value)
            {
                text.Append(letters);
            }
        }

        return text.ToString();
    }

    private static string Alpha(int number)
    {
        var text = new StringBuilder();
        for (; number > 0; number = (number - 1) / 26)
        {
            text.Insert(0, (char)('A' + (number - 1) % 26));
        }

        return text.ToString();
    }
}
