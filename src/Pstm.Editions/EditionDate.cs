using System.Globalization;
using Pstm.Diagnostics;
using Pstm.Plan.Model;

namespace Pstm.Editions;

/// <summary>
/// The moment an edition is dated: SOURCE_DATE_EPOCH when set (the reproducible-builds convention),
/// else the plan's date, else now. The colophon shows it only in its software line ("Generated with
/// pstm … on …"), never as the publication date, which only <c>publication.date</c> of the plan gives.
/// </summary>
public static class EditionDate
{
    // 9999-12-31 23:59:59 UTC: dates go no further in .NET, nor in a PDF's four-digit years.
    private static readonly long LatestSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    public static DateTimeOffset? Resolve(StrategicPlan plan, string? sourceDateEpoch, DiagnosticBag diagnostics)
    {
        if (!string.IsNullOrWhiteSpace(sourceDateEpoch))
        {
            if (long.TryParse(sourceDateEpoch, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= LatestSeconds)
            {
                return DateTimeOffset.FromUnixTimeSeconds(seconds);
            }

            var message = sourceDateEpoch.All(char.IsAsciiDigit)
                ? $"SOURCE_DATE_EPOCH is {sourceDateEpoch}, a moment after 9999-12-31 23:59:59 UTC, the latest date pstm can write"
                : $"SOURCE_DATE_EPOCH is '{sourceDateEpoch}', not a whole number of seconds since 1970-01-01 UTC";
            diagnostics.Add(EditionDiagnostics.InvalidSourceDate.Create(
                SourceSpan.ForFile("SOURCE_DATE_EPOCH"),
                message,
                "set it to a number such as 1735689600 (git log -1 --format=%ct gives the last commit's), or unset it"));
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
