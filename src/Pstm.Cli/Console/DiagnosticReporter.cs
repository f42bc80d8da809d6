using System.Text.Encodings.Web;
using System.Text.Json;
using Pstm.Diagnostics;

namespace Pstm.Cli.Console;

/// <summary>
/// The one place a command's diagnostics are written, in the format and verbosity its options ask
/// for, and where <c>--warnings-as-errors</c> decides whether the command failed.
/// </summary>
internal sealed class DiagnosticReporter(ICliConsole console, string command, ReportSettings settings)
{
    public ReportSettings Settings => settings;

    /// <summary>Whether a command with these diagnostics fails: on an error, on a warning under --warnings-as-errors, or when it could not do its job.</summary>
    public bool Fails(IEnumerable<Diagnostic> diagnostics, bool succeeded = true) =>
        !succeeded || Stopping(diagnostics).Count > 0;

    /// <summary>The diagnostics that fail a command, in their order: not the infos and warnings that let it go on.</summary>
    public List<Diagnostic> Stopping(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics.Where(d => d.IsError || (settings.WarningsAsErrors && d.Severity == Severity.Warning))];

    /// <summary>Writes the command's report in the format asked for and gives the command's exit code.</summary>
    public int Report(CommandReport report)
    {
        var failed = Fails(report.Diagnostics, report.Succeeded);
        switch (settings.Format)
        {
            case DiagnosticFormat.Json:
                WriteJson(report.Subject, !failed, report.Diagnostics, report.Json);
                break;
            case DiagnosticFormat.Sarif:
                WriteSarif(report.Diagnostics);
                break;
            default:
                if (settings.Format == DiagnosticFormat.GitHub)
                {
                    WriteGitHub(report.Diagnostics);
                }
                else
                {
                    WriteText(report.Diagnostics, report.Sources);
                }

                report.Text?.Invoke(console.Out);
                if (report.Verdict is { } verdict)
                {
                    console.Out.WriteLine(verdict(failed));
                }

                break;
        }

        return failed ? report.FailureExitCode : ExitCodes.Success;
    }

    /// <summary>Writes the diagnostics that the verbosity lets through, one per line.</summary>
    public void WriteText(IEnumerable<Diagnostic> diagnostics, ISourceLines sources)
    {
        var formatter = new TextDiagnosticFormatter(sources, console.IsOutputTerminal, console.UseColor);
        var shown = settings.Verbosity switch
        {
            Verbosity.Quiet => diagnostics.Where(d => d.Severity == Severity.Error),
            Verbosity.Normal => diagnostics.Where(d => d.Severity != Severity.Info),
            _ => diagnostics,
        };
        foreach (var diagnostic in shown)
        {
            console.Out.WriteLine(formatter.Format(diagnostic));
        }
    }

    /// <summary>"0 errors, 4 warnings, 9 infos".</summary>
    public static string Counts(IReadOnlyCollection<Diagnostic> diagnostics) =>
        TextDiagnosticFormatter.Summary(
            diagnostics.Count(d => d.Severity == Severity.Error),
            diagnostics.Count(d => d.Severity == Severity.Warning),
            diagnostics.Count(d => d.Severity == Severity.Info));

    /// <summary>One workflow command per diagnostic, infos included, for GitHub's annotations.</summary>
    private void WriteGitHub(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            console.Out.WriteLine(GitHubDiagnosticFormatter.Format(diagnostic));
        }
    }

    /// <summary>A SARIF 2.1.0 log of the diagnostics, with every code pstm has as a rule and its documentation.</summary>
    private void WriteSarif(IEnumerable<Diagnostic> diagnostics) =>
        WriteDocument(json => SarifWriter.Write(json, SarifTool, DiagnosticCatalog.All, diagnostics));

    private static SarifTool SarifTool => new(
        PstmCommandLine.Version, Documentation.Home, code => Documentation.Diagnostic(code));

    /// <summary>One JSON document: the command, its success, the diagnostics, and what <paramref name="writeMore"/> adds.</summary>
    private void WriteJson(string subject, bool success, IReadOnlyCollection<Diagnostic> diagnostics, Action<Utf8JsonWriter>? writeMore) =>
        WriteDocument(json =>
        {
            json.WriteStartObject();
            json.WriteString("tool", "pstm");
            json.WriteString("version", PstmCommandLine.Version);
            json.WriteString("command", command);
            json.WriteString("plan", subject);
            json.WriteBoolean("success", success);
            JsonDiagnosticWriter.WriteSummary(json, diagnostics);
            JsonDiagnosticWriter.WriteDiagnostics(json, diagnostics);
            writeMore?.Invoke(json);
            json.WriteEndObject();
        });

    /// <summary>An indented JSON document on standard output, non-ASCII letters as they are.</summary>
    public void WriteDocument(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(json);
        }

        console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
