namespace Pstm.Bench;

/// <summary>
/// The peers on the same content as pstm's booklet, written as Markdown: pandoc with WeasyPrint, pandoc
/// with pdflatex, and Chromium's bare print of pandoc's HTML, by the desktop Chromium and by its headless
/// shell. Each runs only when installed.
/// </summary>
internal sealed class PeerScenarios(ScenarioRunner runner, BenchPlans plans, Tools tools, string scratch)
{
    public static string WeasyPrintName(int scale) => $"pandoc-weasyprint-{scale}x";

    public static string PdfLatexName(int scale) => $"pandoc-pdflatex-{scale}x";

    public static string ChromiumName(int scale) => $"chromium-print-{scale}x";

    public static string HeadlessShellName(int scale) => $"headless-shell-print-{scale}x";

    public ScenarioSpec WeasyPrint(int scale) =>
        tools.Pandoc is null || tools.WeasyPrint is null
            ? ScenarioSpec.Skip(WeasyPrintName(scale), "pandoc + WeasyPrint", $"{(tools.Pandoc is null ? "pandoc" : "weasyprint")} is not installed")
            : PandocPdf(WeasyPrintName(scale), $"pandoc + WeasyPrint, one booklet PDF, {PstmScenarios.Describe(scale)} as Markdown", scale, "weasyprint");

    public ScenarioSpec PdfLatex(int scale) =>
        tools.Pandoc is null || tools.PdfLatex is null
            ? ScenarioSpec.Skip(PdfLatexName(scale), "pandoc + pdflatex", $"{(tools.Pandoc is null ? "pandoc" : "pdflatex")} is not installed")
            : PandocPdf(PdfLatexName(scale), $"pandoc + pdflatex, one booklet PDF, {PstmScenarios.Describe(scale)} as Markdown", scale, "pdflatex");

    /// <summary>The desktop Chromium alone printing pandoc's standalone HTML (made once, untimed): the issue's peer.</summary>
    public ScenarioSpec ChromiumPrint(int scale) =>
        BarePrint(ChromiumName(scale), $"Chromium bare print (--print-to-pdf) of one booklet, {PstmScenarios.Describe(scale)} as pandoc's HTML", tools.Chromium, "chromium", scale);

    /// <summary>Chromium's headless shell alone printing the same HTML: the floor of any Chromium-based tool.</summary>
    public ScenarioSpec HeadlessShellPrint(int scale) =>
        BarePrint(HeadlessShellName(scale), $"Chromium headless shell bare print of one booklet, {PstmScenarios.Describe(scale)} as pandoc's HTML", tools.HeadlessShell, "chromium-headless-shell", scale);

    private ScenarioSpec BarePrint(string name, string title, string? browser, string browserName, int scale)
    {
        if (browser is null || tools.Pandoc is null)
        {
            return ScenarioSpec.Skip(name, title, browser is null ? $"{browserName} is not installed" : "pandoc, which writes the HTML to print, is not installed");
        }

        var folder = Folder(scale);
        var html = Path.Combine(folder, "plan.html");
        var pdf = Path.Combine(folder, $"{name}.pdf");
        string Profile(int run) => Path.Combine(folder, $"{name}-profile-{run}");
        return new ScenarioSpec(name, title, run =>
        {
            // A profile of its own each run, as pstm's browser has: nothing shared with another Chromium, nothing left in ~/.config.
            List<string> arguments = ["--headless", "--disable-gpu"];
            if (Native.IsRoot())
            {
                arguments.Add("--no-sandbox");
            }

            arguments.AddRange(["--no-pdf-header-footer", $"--user-data-dir={Profile(run)}", $"--print-to-pdf={pdf}", new Uri(html).AbsoluteUri]);
            return new BenchCommand(browser, arguments);
        })
        {
            Setup = async () =>
            {
                var made = await runner.Processes.RunAsync(new BenchCommand(tools.Pandoc, "-s", Markdown(scale), "-o", html), ScenarioRunner.Timeout);
                return made.ExitCode == 0 ? null : $"pandoc could not write the HTML: exit code {made.ExitCode}";
            },
            Verify = (_, _) => File.Exists(pdf) ? null : "no PDF written",
            CleanUp = run =>
            {
                PstmScenarios.Delete(Profile(run));
                File.Delete(pdf);
            },
        };
    }

    private ScenarioSpec PandocPdf(string name, string title, int scale, string engine)
    {
        var pdf = Path.Combine(Folder(scale), $"{engine}.pdf");
        var markdown = Markdown(scale);
        return new ScenarioSpec(name, title, _ => new BenchCommand(tools.Pandoc!, markdown, "-o", pdf, $"--pdf-engine={engine}"))
        {
            Verify = (_, _) => File.Exists(pdf) ? null : "no PDF written",
            CleanUp = _ => File.Delete(pdf),
        };
    }

    /// <summary>The plan's content as Markdown, written once per scale.</summary>
    private string Markdown(int scale)
    {
        var path = Path.Combine(Folder(scale), "plan.md");
        if (!File.Exists(path))
        {
            File.WriteAllText(path, MarkdownWriter.Write(BenchPlans.Load(plans.Of(scale))));
        }

        return path;
    }

    private string Folder(int scale)
    {
        var folder = Path.Combine(scratch, "peers", $"x{scale}");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
