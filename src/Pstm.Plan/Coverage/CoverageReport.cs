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
        // Indexed once, so that coverage stays linear in the size of the plan.
        var servedBy = DriversBy(plan.Drivers, d => d.Missions);
        var citedBy = DriversBy(plan.Drivers, d => d.Objectives);
        var missions = plan.Missions
            .Select(mission => new MissionCoverage(
                mission,
                servedBy.GetValueOrDefault(mission.Id.Value, []),
                mission.Objectives
                    .Select(objective => new ObjectiveCoverage(objective, citedBy.GetValueOrDefault(objective.Id.Value, [])))
                    .ToList()))
            .ToList();
        return new CoverageReport(missions, plan.Drivers.Count > 0);
    }

    private static Dictionary<string, IReadOnlyList<Driver>> DriversBy(
        IReadOnlyList<Driver> drivers, Func<Driver, IReadOnlyList<Located<string>>> references)
    {
        var index = new Dictionary<string, List<Driver>>(StringComparer.Ordinal);
        foreach (var driver in drivers)
        {
            foreach (var id in references(driver).Select(r => r.Value).Distinct())
            {
                if (!index.TryGetValue(id, out var list))
                {
                    index[id] = list = [];
                }

                list.Add(driver);
            }
        }

        return index.ToDictionary(e => e.Key, e => (IReadOnlyList<Driver>)e.Value, StringComparer.Ordinal);
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
