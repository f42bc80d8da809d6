using System.Globalization;

namespace Pstm.Bench;

/// <summary>The harness's command line.</summary>
internal sealed record BenchOptions(string Pstm, int Runs, string Work, string Plan, IReadOnlySet<string> Only, string? Browser)
{
    public const string Usage = """
        usage: Pstm.Bench --pstm PATH [--runs N] [--work DIR] [--plan DIR] [--only NAME,...] [--browser PATH]

          --pstm PATH     the pstm to measure: the published executable (artifacts/pstm/pstm) or a pstm.dll
          --runs N        timed runs per scenario, after one untimed warm-up (default 5)
          --work DIR      where results.md and results.json go; scratch files live in DIR/run while it runs (default artifacts/bench)
          --plan DIR      the shipped plan (default plan)
          --only LIST     scenarios or groups to run, comma-separated (default all):
                          groups validate, build, noop, watch, peers, floor; or names such as validate-1000x, build-20x, chromium-print-20x
          --browser PATH  the desktop Chromium for the bare print (default PSTM_BROWSER, then chromium on PATH);
                          chromium-headless-shell on PATH prints it too
        """;

    /// <summary>The options, or null after printing what is wrong.</summary>
    public static BenchOptions? Parse(string[] args)
    {
        string? pstm = null, browser = null;
        string work = Path.Combine("artifacts", "bench"), plan = "plan";
        var runs = 5;
        var only = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            try
            {
                switch (args[i])
                {
                    case "--pstm":
                        pstm = Value();
                        break;
                    case "--runs":
                        runs = int.Parse(Value(), CultureInfo.InvariantCulture);
                        break;
                    case "--work":
                        work = Value();
                        break;
                    case "--plan":
                        plan = Value();
                        break;
                    case "--only":
                        only.UnionWith(Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                        break;
                    case "--browser":
                        browser = Value();
                        break;
                    case "-h" or "--help":
                        Console.WriteLine(Usage);
                        return null;
                    default:
                        throw new ArgumentException($"unknown argument '{args[i]}'");
                }
            }
            catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
            {
                Console.Error.WriteLine($"Pstm.Bench: {e.Message}\n{Usage}");
                return null;
            }
        }

        if (pstm is null || runs < 1)
        {
            Console.Error.WriteLine($"Pstm.Bench: {(pstm is null ? "--pstm is required" : "--runs must be at least 1")}\n{Usage}");
            return null;
        }

        return new BenchOptions(Path.GetFullPath(pstm), runs, Path.GetFullPath(work), Path.GetFullPath(plan), only, browser);
    }

    /// <summary>Whether a scenario runs: nothing asked means everything; else its name or its group was asked for.</summary>
    public bool Wants(string name, string group) => Only.Count == 0 || Only.Contains(name) || Only.Contains(group);
}
