using Pstm.Plan.Model;

namespace Pstm.Plan.Coverage;

/// <summary>
/// Which drivers serve each mission and cite each objective: the traceability behind the matrix in the
/// booklet's appendix and behind the coverage warnings.
/// </summary>
public sealed record CoverageReport(IReadOnlyList<MissionCoverage> Missions, bool PlanHasDrivers)
{
    public static CoverageReport Compute(StrategicPlan plan)
    {
        var missions = plan.Missions
            .Select(mission => new MissionCoverage(
                mission,
                plan.Drivers.Where(d => d.Missions.Any(m => m.Value == mission.Id.Value)).ToList(),
                mission.Objectives
                    .Select(objective => new ObjectiveCoverage(
                        objective,
                        plan.Drivers.Where(d => d.Objectives.Any(o => o.Value == objective.Id.Value)).ToList()))
                    .ToList()))
            .ToList();
        return new CoverageReport(missions, plan.Drivers.Count > 0);
    }

    public int ObjectiveCount => Missions.Sum(m => m.Objectives.Count);

    public int CitedObjectiveCount => Missions.Sum(m => m.Objectives.Count(o => o.CitedBy.Count > 0));

    public int ServedMissionCount => Missions.Count(m => m.ServedBy.Count > 0);

    public IEnumerable<Objective> UncitedObjectives =>
        Missions.SelectMany(m => m.Objectives).Where(o => o.CitedBy.Count == 0).Select(o => o.Objective);

    public IEnumerable<Mission> UnservedMissions => Missions.Where(m => m.ServedBy.Count == 0).Select(m => m.Mission);
}

/// <summary>A mission, the drivers that serve it, and how its objectives are cited.</summary>
public sealed record MissionCoverage(Mission Mission, IReadOnlyList<Driver> ServedBy, IReadOnlyList<ObjectiveCoverage> Objectives);

/// <summary>An objective and the drivers that cite it.</summary>
public sealed record ObjectiveCoverage(Objective Objective, IReadOnlyList<Driver> CitedBy);
