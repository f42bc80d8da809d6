using Pstm.Plan.Model;

namespace Pstm.Plan.Validation;

/// <summary>
/// Which optional texts a plan expects. A plan says it by writing them: once one driver has a
/// subtitle (or a description), every driver is expected to have one. A field that no driver has is
/// simply not part of this plan: no warning, and nothing shown for it. Validation warns where an
/// expected text is missing; the editions mark a driver "in preparation" only when its expected texts
/// are missing and none of them is written. (Objectives are expected of every mission: they are what a
/// mission is made of, and a mission without them is shown in preparation.)
/// </summary>
public sealed record ExpectedTexts(bool DriverSubtitle, bool DriverDescription)
{
    public static ExpectedTexts Of(StrategicPlan plan) => new(
        plan.Drivers.Any(d => d.Subtitle is not null),
        plan.Drivers.Any(d => d.Description is not null));

    /// <summary>The names of the driver's expected fields that are not written yet, in the order of the plan file.</summary>
    public IReadOnlyList<string> MissingOf(Driver driver)
    {
        var missing = new List<string>(2);
        if (DriverSubtitle && driver.Subtitle is null)
        {
            missing.Add("subtitle");
        }

        if (DriverDescription && driver.Description is null)
        {
            missing.Add("description");
        }

        return missing;
    }

    /// <summary>A driver whose expected texts are all still to write: never one that shows a text of its own.</summary>
    public bool InPreparation(Driver driver) =>
        MissingOf(driver).Count > 0 && driver.Subtitle is null && driver.Description is null;

}
