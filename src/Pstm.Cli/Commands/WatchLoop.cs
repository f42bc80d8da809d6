using Pstm.Cli.Console;
using Pstm.Diagnostics;
using Pstm.Editions;

namespace Pstm.Cli.Commands;

/// <summary>
/// <c>--watch</c>: waits for a change to the plan or the templates, rebuilds in the same session
/// (which keeps its browser and pages), reports, and reloads the served pages; until cancelled.
/// </summary>
internal sealed class WatchLoop(ICliConsole console, BuildSession session, BuildRequest request, Action<BuildResult> report, LiveReloadServer? server)
{
    public async Task RunAsync(CancellationToken cancellation)
    {
        using var changes = new ChangeWatcher(
            [request.PlanDirectory, .. BuildRequest.TemplateLayers(request.PlanDirectory, request.TemplatesDirectory)], request.OutputDirectory);
        console.Out.WriteLine($"watching {request.PlanDirectory} and the templates for changes; Ctrl+C stops");
        while (true)
        {
            var changed = await changes.NextAsync(cancellation);
            console.Out.WriteLine($"changed: {string.Join(", ", changed.Take(5).Select(f => PrintableText.Escape(BuildReport.Display(f))))}{(changed.Count > 5 ? ", …" : "")}");
            var watch = System.Diagnostics.Stopwatch.StartNew();
            report(await session.BuildAsync(request, cancellation));
            console.Out.WriteLine($"rebuilt in {watch.Elapsed.TotalSeconds:0.0} s");
            server?.Reload();
        }
    }
}
