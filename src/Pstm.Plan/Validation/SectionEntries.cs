using Pstm.Plan.Model;

namespace Pstm.Plan.Validation;

/// <summary>The sections a chapter may place, and how many entries each has in a plan.</summary>
public static class SectionEntries
{
    /// <summary>The sections in the order a plan without chapters shows them.</summary>
    public static readonly IReadOnlyList<string> Names = ["process", "vision", "missions", "drivers"];

    /// <summary>How many entries a section has; null for a name that is not a section.</summary>
    public static int? CountOf(StrategicPlan plan, string section) => section switch
    {
        "process" => plan.Process.Count,
        "vision" => plan.Vision.Count,
        "missions" => plan.Missions.Count,
        "drivers" => plan.Drivers.Count,
        _ => null,
    };
}
