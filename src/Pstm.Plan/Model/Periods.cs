using System.Globalization;

namespace Pstm.Plan.Model;

/// <summary>A span of whole years, such as a three-year plan's 2025-2027.</summary>
public readonly record struct YearPeriod(int From, int To);

/// <summary>A month of a year, written <c>YYYY-MM</c> in the plan.</summary>
public readonly record struct YearMonth(int Year, int Month) : IComparable<YearMonth>
{
    public static bool TryParse(string text, out YearMonth value)
    {
        value = default;
        if (text.Length == 7 && text[4] == '-'
            && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && month is >= 1 and <= 12)
        {
            value = new YearMonth(year, month);
            return true;
        }

        return false;
    }

    public int CompareTo(YearMonth other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    public bool Contains(DateOnly date) => date.Year == Year && date.Month == Month;

    public static bool operator <(YearMonth a, YearMonth b) => a.CompareTo(b) < 0;

    public static bool operator >(YearMonth a, YearMonth b) => a.CompareTo(b) > 0;

    public static bool operator <=(YearMonth a, YearMonth b) => a.CompareTo(b) <= 0;

    public static bool operator >=(YearMonth a, YearMonth b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"{Year:D4}-{Month:D2}";
}

/// <summary>A span of months, both ends included, such as a process phase's.</summary>
public readonly record struct MonthPeriod(YearMonth From, YearMonth To)
{
    public bool Contains(DateOnly date)
    {
        var month = new YearMonth(date.Year, date.Month);
        return month >= From && month <= To;
    }

    public override string ToString() => $"{From}..{To}";
}
