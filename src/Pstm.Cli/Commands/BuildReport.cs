using Pstm.Cli.Console;
using Pstm.Diagnostics;
using Pstm.Editions;

namespace Pstm.Cli.Commands;

/// <summary>What a build reports: its diagnostics, then the outputs written and left unchanged, and its verdict.</summary>
internal static class BuildReport
{
    /// <param name="outputFolder">Where the editions are, and what chose it, told after them: "dist (--out)".</param>
    public static CommandReport Of(string planDirectory, BuildResult result, string? outputFolder = null) => new(planDirectory, result.Diagnostics, result.Sources)
    {
        Succeeded = result.Succeeded,
        Text = output =>
        {
            foreach (var written in result.Outputs.Where(IsEdition))
            {
                output.WriteLine($"wrote {Display(written)}");
            }

            foreach (var unchanged in result.Unchanged)
            {
                output.WriteLine($"unchanged {Display(unchanged)}");
            }

            if (outputFolder is not null && (result.Outputs.Count > 0 || result.Unchanged.Count > 0))
            {
                output.WriteLine($"editions in {outputFolder}");
            }
        },
        Verdict = failed =>
        {
            var verdict = failed
                ? (result.Succeeded ? "build failed (warnings are treated as errors)" : "build failed; the previous outputs are unchanged")
                : "build succeeded";
            return $"{verdict}: {DiagnosticReporter.Counts(result.Diagnostics)}";
        },
        Json = json =>
        {
            json.WriteStartArray("outputs");
            foreach (var output in result.Outputs)
            {
                json.WriteStringValue(Display(output));
            }

            json.WriteEndArray();
            json.WriteStartArray("unchanged");
            foreach (var output in result.Unchanged)
            {
                json.WriteStringValue(Display(output));
            }

            json.WriteEndArray();
        },
    };

    /// <summary>
    /// A rebuild of --watch, in text: the diagnostics it adds (<paramref name="added"/>, shown in full), those
    /// the last build had and this one has not (<paramref name="fixedOnes"/>, a line each), what it wrote, and
    /// its verdict with the counts of all its diagnostics and of the outputs it left unchanged.
    /// </summary>
    public static CommandReport Rebuilt(string planDirectory, BuildResult result, IReadOnlyCollection<Diagnostic> added, IReadOnlyCollection<Diagnostic> fixedOnes, bool failed) =>
        new(planDirectory, added, result.Sources)
        {
            Succeeded = result.Succeeded,
            Text = output =>
            {
                foreach (var gone in fixedOnes)
                {
                    output.WriteLine($"fixed: {PrintableText.Escape(gone.Span.ToString())}: {gone.Severity.ToName()} {gone.Code}: {PrintableText.Escape(gone.Message)}");
                }

                foreach (var written in result.Outputs.Where(IsEdition))
                {
                    output.WriteLine($"wrote {Display(written)}");
                }
            },
            Verdict = _ =>
            {
                var verdict = failed
                    ? (result.Succeeded ? "build failed (warnings are treated as errors)" : "build failed; the previous outputs are unchanged")
                    : "build succeeded";
                var changes = new List<string>();
                if (added.Count > 0)
                {
                    changes.Add($"{added.Count} new");
                }

                if (fixedOnes.Count > 0)
                {
                    changes.Add($"{fixedOnes.Count} fixed");
                }

                var unchanged = result.Unchanged.Count == 0 ? "" : $"; {result.Unchanged.Count} output{(result.Unchanged.Count == 1 ? "" : "s")} unchanged";
                return $"{verdict}: {DiagnosticReporter.Counts(result.Diagnostics)}{(changes.Count == 0 ? "" : $" ({string.Join(", ", changes)})")}{unchanged}";
            },
        };

    /// <summary>A path as the person who typed the command would: relative to the working folder when inside it.</summary>
    public static string Display(string path) =>
        Plan.Loading.PlanLoader.DisplayPath(Directory.GetCurrentDirectory(), path);

    // The stylesheets, fonts and the build's own bookkeeping are not worth a line each.
    private static bool IsEdition(string path) =>
        !path.Contains($"{Path.DirectorySeparatorChar}assets{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        && !Path.GetFileName(path).StartsWith('.');
}
