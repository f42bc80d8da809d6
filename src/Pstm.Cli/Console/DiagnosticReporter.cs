using System.Text.Encodings.Web;
using System.Text.Json;
using Pstm.Cli.Commands;
using Pstm.Diagnostics;

namespace Pstm.Cli.Console;

/// <summary>Prints a command's diagnostics as text (with source lines on a terminal) or as one JSON document.</summary>
internal sealed class DiagnosticReporter(ICliConsole console)
{
    /// <summary>Writes the diagnostics that the verbosity lets through, one per line.</summary>
    public void WriteText(IEnumerable<Diagnostic> diagnostics, ISourceLines sources, string verbosity)
    {
        var formatter = new TextDiagnosticFormatter(sources, console.IsOutputTerminal, console.UseColor);
        var shown = verbosity switch
        {
            DiagnosticOptions.Quiet => diagnostics.Where(d => d.Severity == Severity.Error),
            DiagnosticOptions.Normal => diagnostics.Where(d => d.Severity != Severity.Info),
            _ => diagnostics,
        };
        foreach (var diagnostic in shown)
        {
            console.Out.WriteLine(formatter.Format(diagnostic));
        }
    }

    /// <summary>One workflow command per diagnostic, infos included, for GitHub's annotations.</summary>
    public void WriteGitHub(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            console.Out.WriteLine(GitHubDiagnosticFormatter.Format(diagnostic));
        }
    }

    /// <summary>A SARIF 2.1.0 log of the diagnostics, with every code pstm has as a rule.</summary>
    public void WriteSarif(IEnumerable<Diagnostic> diagnostics)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            SarifWriter.Write(json, PstmCommandLine.Version, DiagnosticCatalog.All, diagnostics);
        }

        console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>"0 errors, 4 warnings, 9 infos".</summary>
    public static string Counts(IReadOnlyCollection<Diagnostic> diagnostics) =>
        TextDiagnosticFormatter.Summary(
            diagnostics.Count(d => d.Severity == Severity.Error),
            diagnostics.Count(d => d.Severity == Severity.Warning),
            diagnostics.Count(d => d.Severity == Severity.Info));

    /// <summary>One JSON document: the command, its success, the diagnostics, and what <paramref name="writeMore"/> adds.</summary>
    public void WriteJson(string command, string plan, bool success, IReadOnlyCollection<Diagnostic> diagnostics, Action<Utf8JsonWriter> writeMore)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("tool", "pstm");
            json.WriteString("version", PstmCommandLine.Version);
            json.WriteString("command", command);
            json.WriteString("plan", plan);
            json.WriteBoolean("success", success);
            JsonDiagnosticWriter.WriteSummary(json, diagnostics);
            JsonDiagnosticWriter.WriteDiagnostics(json, diagnostics);
            writeMore(json);
            json.WriteEndObject();
        }

        console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
