namespace Pstm.Bench;

/// <summary>
/// The floor of a cold build: Chromium's headless shell alone printing pstm's own four HTML files of
/// the shipped plan (booklet.html and slides.html of each locale), two at a time, each print in a
/// browser of its own. Nothing a Chromium-based tool does to print the same pages can take less.
/// </summary>
internal sealed class FloorScenario(ScenarioRunner runner, BenchPlans plans, PstmExecutable pstm, Tools tools, string scratch)
{
    public const string Name = "headless-shell-floor-1x";

    private const int AtOnce = 2;

    public ScenarioSpec Create()
    {
        const string title = "Chromium headless shell bare print of pstm's four HTML files (shipped plan, it + en), two at a time";
        var shell = Tools.OnPath("sh");
        if (tools.HeadlessShell is null || shell is null)
        {
            return ScenarioSpec.Skip(Name, title, tools.HeadlessShell is null ? "chromium-headless-shell is not installed" : "sh is not installed");
        }

        var folder = Path.Combine(scratch, "floor");
        var built = Path.Combine(folder, "dist");
        var files = new List<string>();
        return new ScenarioSpec(Name, title, run => new BenchCommand(shell, "-c", Script(run, files)))
        {
            // pstm's own HTML, made once and untimed: the same pages its build prints.
            Setup = async () =>
            {
                PstmScenarios.Fresh(folder);
                var made = await runner.Processes.RunAsync(pstm.Command("build", plans.Shipped, "--out", built, "-q"), ScenarioRunner.Timeout);
                if (made.ExitCode != 0)
                {
                    return $"pstm could not build the HTML to print: exit code {made.ExitCode}";
                }

                files.AddRange(Directory.GetFiles(built, "*.html", SearchOption.AllDirectories)
                    .Where(f => Path.GetFileName(f) is "booklet.html" or "slides.html")
                    .Order(StringComparer.Ordinal));
                return files.Count == 0 ? "pstm's build wrote no HTML" : null;
            },
            Verify = (run, _) => files.Select((_, i) => Pdf(run, i)).FirstOrDefault(p => !File.Exists(p)) is { } missing ? $"no PDF written: {missing}" : null,
            CleanUp = run =>
            {
                for (var i = 0; i < files.Count; i++)
                {
                    File.Delete(Pdf(run, i));
                    PstmScenarios.Delete(Profile(run, i));
                }
            },
        };

        string Pdf(int run, int i) => Path.Combine(folder, $"run{run}-{i}.pdf");
        string Profile(int run, int i) => Path.Combine(folder, $"run{run}-{i}-profile");

        // Two queues side by side, each printing its files in turn: two prints at any moment, as on two cores.
        string Script(int run, IReadOnlyList<string> html)
        {
            var queues = Enumerable.Range(0, AtOnce).Select(q => string.Join(" && ", html
                .Select((file, i) => (file, i))
                .Where(p => p.i % AtOnce == q)
                .Select(p => Print(p.file, Pdf(run, p.i), Profile(run, p.i)))));
            return string.Join(" ", queues.Select(q => $"( {q} ) &")) + " wait";
        }

        string Print(string html, string pdf, string profile)
        {
            List<string> arguments = [tools.HeadlessShell!, "--headless", "--disable-gpu"];
            if (Native.IsRoot())
            {
                arguments.Add("--no-sandbox");
            }

            arguments.AddRange(["--no-pdf-header-footer", $"--user-data-dir={profile}", $"--print-to-pdf={pdf}", new Uri(html).AbsoluteUri]);
            return string.Join(' ', arguments.Select(Quote)) + " >/dev/null 2>&1";
        }
    }

    private static string Quote(string argument) => "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
