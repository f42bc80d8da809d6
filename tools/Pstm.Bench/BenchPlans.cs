using Pstm.Plan.Loading;
using Pstm.Plan.Model;
using Pstm.PlanGenerator;

namespace Pstm.Bench;

/// <summary>The plans the scenarios need: the shipped one, and synthetic ones N times its size, generated on first use.</summary>
internal sealed class BenchPlans(string shipped, string folder)
{
    private readonly Dictionary<int, string> _generated = [];
    private readonly Dictionary<string, int> _objectives = new(StringComparer.Ordinal);

    public string Shipped { get; } = Path.GetFullPath(shipped);

    /// <summary>The plan folder of a scale: 1 is the shipped plan, any other a generated one.</summary>
    public string Of(int scale)
    {
        if (scale == 1)
        {
            return Shipped;
        }

        if (!_generated.TryGetValue(scale, out var path))
        {
            path = Path.Combine(folder, $"plan-x{scale}");
            Console.WriteLine($"generating a plan {scale} times the shipped one");
            PlanWriter.Write(path, scale);
            _generated[scale] = path;
        }

        return path;
    }

    /// <summary>The plan as pstm reads it (the bench's own load, untimed).</summary>
    public static StrategicPlan Load(string planFolder) =>
        PlanLoader.Load(planFolder, planFolder).Plan ?? throw new InvalidOperationException($"the plan in {planFolder} cannot be read");

    public int ObjectiveCount(string planFolder)
    {
        if (!_objectives.TryGetValue(planFolder, out var count))
        {
            _objectives[planFolder] = count = Load(planFolder).Objectives.Count();
        }

        return count;
    }
}
