using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Pstm.Diagnostics;

namespace Pstm.Cli.Commands;

/// <summary>
/// What the served pages show of the last build that failed: an overlay over the page (a dialog with a
/// heading, each diagnostic as <c>file:line:col</c>, code, message and hint, a close button that has
/// the focus, Escape closes it), or the same list as the content of a page when there is no edition
/// yet; and the diagnostics as JSON at <see cref="Path"/>. Every text is HTML-escaped.
/// </summary>
internal static class DiagnosticsOverlay
{
    public const string Path = "/__pstm/diagnostics";

    public const string Id = "pstm-overlay";

    // The page's own stylesheet does not reach into the overlay: every element of it starts from the
    // browser's defaults. It is for the screen: a print of the page leaves it out.
    private const string Style =
        "<style>#pstm-overlay,#pstm-overlay *{all:revert;box-sizing:border-box}"
        + "#pstm-overlay{position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.72);padding:2rem 1rem;margin:0;"
        + "font:16px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1a1a1a;text-align:left}"
        + "#pstm-overlay .pstm-box{max-width:60rem;margin:0 auto;background:#fff;border-top:6px solid #b00020;border-radius:6px;padding:1.25rem 1.5rem}"
        + "#pstm-overlay h2{font-size:1.3rem;margin:0 0 .5rem;color:#b00020}"
        + "#pstm-overlay ol{padding-left:1.5rem}#pstm-overlay li{margin:.75rem 0}"
        + "#pstm-overlay code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.95em;word-break:break-all}"
        + "#pstm-overlay .pstm-hint{margin:.25rem 0 0;color:#333}"
        + "#pstm-overlay button{font:inherit;padding:.4rem 1rem;cursor:pointer}"
        + "#pstm-overlay button:focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}"
        + "@media print{#pstm-overlay{display:none}}</style>";

    // The button has the focus while the dialog is open, and keeps it (Tab does not leave); no key
    // reaches the page behind (the deck's arrows); Escape or the button closes the dialog and gives the
    // focus back to where it was.
    private const string Script =
        "<script>(function(){var d=document.getElementById('pstm-overlay');if(!d)return;"
        + "var b=document.getElementById('pstm-overlay-close'),before=document.activeElement;"
        + "function close(){document.removeEventListener('keydown',key,true);d.remove();if(before&&before.focus)before.focus();}"
        + "function key(e){if(e.key==='Escape'){e.preventDefault();e.stopPropagation();close();}"
        + "else if(e.key==='Tab'){e.preventDefault();b.focus();}else{e.stopPropagation();}}"
        + "b.addEventListener('click',close);document.addEventListener('keydown',key,true);b.focus();})();</script>";

    /// <summary>The overlay to put at the end of a served page's body.</summary>
    public static string Dialog(IReadOnlyList<Diagnostic> failures) =>
        $"<div id=\"{Id}\" role=\"alertdialog\" aria-modal=\"true\" aria-labelledby=\"pstm-overlay-title\" aria-describedby=\"pstm-overlay-summary\">{Style}"
        + "<div class=\"pstm-box\">"
        + $"<h2 id=\"pstm-overlay-title\">{Heading(failures)}</h2>"
        + "<p id=\"pstm-overlay-summary\">This page shows the last edition that was built. Fix what is listed and save: the page reloads when the build succeeds.</p>"
        + List(failures)
        + "<p><button type=\"button\" id=\"pstm-overlay-close\">Close (Esc)</button></p>"
        + $"</div></div>{Script}";

    /// <summary>The same list as the content of a page, for when there is no edition to show it over.</summary>
    public static string Section(IReadOnlyList<Diagnostic> failures) =>
        $"<section aria-labelledby=\"pstm-failed\"><h2 id=\"pstm-failed\">{Heading(failures)}</h2>"
        + "<p>No edition has been built yet. Fix what is listed and save: this page reloads when the build succeeds.</p>"
        + List(failures) + "</section>";

    /// <summary>The state of the last build and the diagnostics that failed it, as one JSON document.</summary>
    public static byte[] Json(ServedBuildState state)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("state", state.Name);
            JsonDiagnosticWriter.WriteSummary(json, state.Failures);
            JsonDiagnosticWriter.WriteDiagnostics(json, state.Failures);
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>"plan/content.yaml:27:13", or the file alone when the diagnostic concerns a whole file.</summary>
    public static string Location(Diagnostic diagnostic) => diagnostic.Span.HasPosition
        ? string.Create(CultureInfo.InvariantCulture, $"{diagnostic.Span.File}:{diagnostic.Span.StartLine}:{diagnostic.Span.StartColumn}")
        : diagnostic.Span.File;

    private static string Heading(IReadOnlyList<Diagnostic> failures)
    {
        var errors = failures.Count(d => d.IsError);
        var warnings = failures.Count - errors;
        var counts = new List<string>();
        if (errors > 0)
        {
            counts.Add(errors == 1 ? "1 error" : $"{errors} errors");
        }

        if (warnings > 0)
        {
            counts.Add(warnings == 1 ? "1 warning treated as an error" : $"{warnings} warnings treated as errors");
        }

        return counts.Count == 0 ? "The build failed" : $"The build failed: {string.Join(", ", counts)}";
    }

    private static string List(IReadOnlyList<Diagnostic> failures)
    {
        var list = new StringBuilder("<ol>");
        foreach (var diagnostic in failures)
        {
            list.Append("<li><code>").Append(Encode(Location(diagnostic))).Append("</code> ")
                .Append(diagnostic.Severity.ToName()).Append(' ')
                .Append("<strong>").Append(Encode(diagnostic.Code)).Append("</strong>: ")
                .Append(Encode(diagnostic.Message));
            if (diagnostic.Hint is { } hint)
            {
                list.Append("<p class=\"pstm-hint\">hint: ").Append(Encode(hint)).Append("</p>");
            }

            list.Append("</li>");
        }

        return list.Append("</ol>").ToString();
    }

    // Control characters are shown as escapes, as on a terminal; then the text is HTML-escaped.
    private static string Encode(string text) => WebUtility.HtmlEncode(PrintableText.Escape(text));
}

/// <summary>Where the served build is: no build has ended yet, the last one succeeded, or it failed with these diagnostics.</summary>
internal sealed record ServedBuildState(bool Ended, IReadOnlyList<Diagnostic> Failures)
{
    public static ServedBuildState Building { get; } = new(false, []);

    public bool Failed => Failures.Count > 0;

    public string Name => !Ended ? "building" : Failed ? "failed" : "succeeded";
}
