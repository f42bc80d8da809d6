namespace Pstm.Bench;

/// <summary>The other programs the benchmark uses, each null when not installed: the peers are optional.</summary>
/// <param name="Chromium">The desktop Chromium (or Chrome), whose bare print is the peer.</param>
/// <param name="HeadlessShell">Chromium's headless shell, which pstm prefers when installed: its bare print too.</param>
internal sealed record Tools(string? Pandoc, string? WeasyPrint, string? PdfLatex, string? Chromium, string? HeadlessShell)
{
    /// <param name="browser">The browser given on the command line; else PSTM_BROWSER, as pstm does, else one on PATH.</param>
    public static Tools Find(string? browser)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("PSTM_BROWSER");
        var chromium = browser
            ?? (File.Exists(fromEnvironment) ? fromEnvironment : null)
            ?? OnPath("chromium") ?? OnPath("chromium-browser") ?? OnPath("google-chrome-stable") ?? OnPath("google-chrome");
        return new Tools(OnPath("pandoc"), OnPath("weasyprint"), OnPath("pdflatex"), chromium, OnPath("chromium-headless-shell"));
    }

    public static string? OnPath(string name)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
