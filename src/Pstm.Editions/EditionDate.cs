using System.Globalization;
using Pstm.Diagnostics;
using Pstm.Plan.Model;

namespace Pstm.Editions;

/// <summary>
/// The moment an edition is dated: SOURCE_DATE_EPOCH when set (the reproducible-builds convention),
/// else the plan's date, else now. The colophon shows the plan's date when it has one.
/// </summary>
public static class EditionDate
{
    public static DateTimeOffset? Resolve(StrategicPlan plan, string? sourceDateEpoch, DiagnosticBag diagnostics)
    {
        if (!string.IsNullOrWhiteSpace(sourceDateEpoch))
        {
            if (long.TryParse(sourceDateEpoch, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return DateTimeOffset.FromUnixTimeSeconds(seconds);
            }

            diagnostics.Add(EditionDiagnostics.InvalidSourceDate.Create(
                SourceSpan.ForFile("SOURCE_DATE_EPOCH"),
                $"SOURCE_DATE_EPOCH is '{sourceDateEpoch}', not a whole number of seconds since 1970-01-01 UTC",
                "set it to a number such as 1735689600, or unset it"));
            return null;
        }

        return plan.Date is { } date
            ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : DateTimeOffset.UtcNow;
    }

    /// <summary>The date the colophon shows.</summary>
    public static DateOnly Shown(StrategicPlan plan, DateTimeOffset moment) =>
        plan.Date ?? DateOnly.FromDateTime(moment.UtcDateTime);
}
