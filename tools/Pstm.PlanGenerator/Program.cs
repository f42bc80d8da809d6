using System.Globalization;
using Pstm.PlanGenerator;

// Writes a synthetic plan SCALE times the size of the shipped PSTTM (scale 1000: 6,000 missions,
// 35,000 objectives, 10,000 drivers), split over many files, valid by construction, with locales
// it and en and a complete English translation. Used by the benchmarks (tools/Pstm.Bench,
// bench/Pstm.Benchmarks); deterministic, so runs are comparable.
var scale = 1000;
var output = "artifacts/bench/plan-x1000";
for (var i = 0; i < args.Length - 1; i++)
{
    switch (args[i])
    {
        case "--scale":
            scale = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--out":
            output = args[++i];
            break;
    }
}

PlanWriter.Write(output, scale);
Console.WriteLine($"wrote a plan {scale} times the shipped one to {output}");
