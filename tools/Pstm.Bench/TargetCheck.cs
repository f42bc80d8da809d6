namespace Pstm.Bench;

/// <summary>One of the speed targets (issues 7 and 15), checked against this run's medians: a time or a ratio and its limit.</summary>
internal sealed record TargetCheck(string Target, string Measured, double? Value, string Unit, double Limit)
{
    /// <summary>met, not met, or n/a when a scenario it needs was skipped, failed or not selected.</summary>
    public string Status => Value is not { } value ? "n/a" : value <= Limit ? "met" : "not met";

    public string Shown => Value is { } value ? $"{value:0.00}{Unit}" : "n/a";

    /// <summary>The speed targets: issue 15's floor first, then issue 7's, in its order.</summary>
    public static IReadOnlyList<TargetCheck> Evaluate(IReadOnlyDictionary<string, ScenarioResult> results)
    {
        double? Median(string name) => results.TryGetValue(name, out var r) && r.Measured ? r.Median : null;
        double? Ratio(string a, string b) => Median(a) is { } x && Median(b) is { } y && y > 0 ? x / y : null;

        // Chromium's bare print by whichever of its two builds printed faster in this run: the stricter floor.
        var barePrint20 = new[] { PeerScenarios.ChromiumName(20), PeerScenarios.HeadlessShellName(20) }
            .Where(n => Median(n) is not null).OrderBy(n => Median(n)).FirstOrDefault() ?? PeerScenarios.ChromiumName(20);

        return
        [
            new("cold full build 1× ≤ 1.5 × the floor (headless shell printing pstm's four HTML files, two at a time; aim 1.25×)",
                $"{PstmScenarios.BuildName(1)} / {FloorScenario.Name}", Ratio(PstmScenarios.BuildName(1), FloorScenario.Name), "×", 1.5),
            new("cold full build 1× ≤ 1.5 × pandoc + WeasyPrint 1×", $"{PstmScenarios.BuildName(1)} / {PeerScenarios.WeasyPrintName(1)}",
                Ratio(PstmScenarios.BuildName(1), PeerScenarios.WeasyPrintName(1)), "×", 1.5),
            new("cold full build 20× ≤ 2 × Chromium bare print 20× (the faster build of Chromium)", $"{PstmScenarios.BuildName(20)} / {barePrint20}",
                Ratio(PstmScenarios.BuildName(20), barePrint20), "×", 2),
            new("no-op build ≤ 0.3 s", PstmScenarios.NoOpName, Median(PstmScenarios.NoOpName), " s", 0.3),
            new("watch rebuild after a one-word edit ≤ 0.5 s", WatchScenario.Name, Median(WatchScenario.Name), " s", 0.5),
            new("validate 1000× ≤ 2 s", PstmScenarios.ValidateName(1000), Median(PstmScenarios.ValidateName(1000)), " s", 2),
            new("validate grows linearly: 1000× / 100× ≤ 10 (10× the objectives)", $"{PstmScenarios.ValidateName(1000)} / {PstmScenarios.ValidateName(100)}",
                Ratio(PstmScenarios.ValidateName(1000), PstmScenarios.ValidateName(100)), "×", 10),
        ];
    }

    /// <summary>Every pstm build against every peer of the same size, targets or not: (what, ratio).</summary>
    public static IEnumerable<(string Pair, double Ratio)> PeerRatios(IReadOnlyDictionary<string, ScenarioResult> results)
    {
        foreach (var scale in new[] { 1, 20 })
        {
            if (!results.TryGetValue(PstmScenarios.BuildName(scale), out var build) || !build.Measured)
            {
                continue;
            }

            foreach (var peer in new[] { PeerScenarios.WeasyPrintName(scale), PeerScenarios.PdfLatexName(scale), PeerScenarios.ChromiumName(scale), PeerScenarios.HeadlessShellName(scale) })
            {
                if (results.TryGetValue(peer, out var other) && other.Measured)
                {
                    yield return ($"{build.Name} / {peer}", build.Median / other.Median);
                }
            }
        }
    }
}
