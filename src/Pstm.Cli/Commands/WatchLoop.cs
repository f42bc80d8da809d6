using Pstm.Cli.Console;
using Pstm.Diagnostics;
using Pstm.Editions;

namespace Pstm.Cli.Commands;

/// <summary>
/// <c>--watch</c>: waits for a change to a file the last build read or to the templates, rebuilds in the
/// same session (which keeps its browser and pages), and hands the result to <c>built</c> (which reports
/// it and reloads the served pages); until cancelled.
/// </summary>
internal sealed class WatchLoop(ICliConsole console, BuildSession session, BuildRequest request, BuildResult first, Action<BuildResult> built)
{
    private WatchedInputs _inputs = Inputs(request, first);

    public async Task RunAsync(CancellationToken cancellation)
    {
        // One watcher for the whole watch: a save made while a rebuild runs is rebuilt for after it.
        using var changes = new ChangeWatcher(Folders(), request.OutputDirectory, path => Volatile.Read(ref _inputs).Counts(path));
        console.Out.WriteLine($"watching {request.PlanDirectory} and the templates for changes; Ctrl+C stops");
        while (true)
        {
            var changed = await changes.NextAsync(cancellation);
            console.Out.WriteLine($"changed: {string.Join(", ", changed.Take(5).Select(f => PrintableText.Escape(BuildReport.Display(f))))}{(changed.Count > 5 ? $", and {changed.Count - 5} more" : "")}");
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var result = await session.BuildAsync(request, cancellation);
            Volatile.Write(ref _inputs, Inputs(request, result));

            // plan.yaml names the template layers: a layer it names now is watched from now on.
            changes.Watch(Folders());
            built(result);
            console.Out.WriteLine($"rebuilt in {watch.Elapsed.TotalSeconds:0.0} s");
        }
    }

    private IEnumerable<string> Folders() => [request.PlanDirectory, .. BuildRequest.TemplateLayers(request.PlanDirectory, request.TemplatesDirectory)];

    private static WatchedInputs Inputs(BuildRequest request, BuildResult last) =>
        new(last, request.PlanDirectory, BuildRequest.TemplateLayers(request.PlanDirectory, request.TemplatesDirectory));
}
