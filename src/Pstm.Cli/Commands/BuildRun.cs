using System.CommandLine;
using System.Net;
using Pstm.Cli.Console;
using Pstm.Diagnostics;
using Pstm.Editions;

namespace Pstm.Cli.Commands;

/// <summary>
/// One run of <c>build</c> or <c>serve</c>: takes the port, opens the earlier edition of
/// --changes-since, builds, reports, and with --watch hands over to the <see cref="WatchLoop"/>.
/// </summary>
internal sealed class BuildRun(ICliConsole console, ParseResult parse)
{
    private readonly DiagnosticReporter _reporter = new(console, "build", DiagnosticOptions.Read(parse));
    private readonly string _planDirectory = parse.GetValue(PlanOptions.PlanDirectory)!;
    private string? _outputFolder;
    private readonly bool _opens = parse.GetValue(Opener.Option);

    public async Task<int> RunAsync(bool watching, ServedPort? port, CancellationToken cancellation)
    {
        var request = BuildOptions.Request(parse);
        _outputFolder = $"{BuildReport.Display(request.OutputDirectory)}/ ({BuildOptions.OutputOrigin(parse)})";

        // A release (--release), or a manifest: the version, and the source commit read from git.
        request = ReleaseOptions.Apply(parse, request);

        // The port is taken before anything else, so that a wrong or busy one is told at once, not after it.
        var (server, serveError) = port is { } served ? await ServeAsync(request.OutputDirectory, served) : default;
        await using var _ = server;
        if (serveError is { } error)
        {
            Report(new BuildResult([error.Diagnostic], [], new NoSourceLines()));
            return error.ExitCode;
        }

        if (server is not null)
        {
            // Said at once: the page can be opened while the first build runs, and reloads when it ends.
            console.Out.WriteLine($"serving {BuildReport.Display(request.OutputDirectory)} on {server.Address} (this machine only)");
            if (_opens)
            {
                Open(server.Address);
            }
        }

        // The earlier edition stays taken out of git for as long as the build (or the watch) lasts.
        var (earlier, refused) = OpenChangesSince();
        using var taken = earlier;
        if (refused is { } refusal)
        {
            return refusal;
        }

        if (earlier is { } revision)
        {
            request = request with
            {
                ChangesSince = new ChangesSince(parse.GetValue(PlanOptions.SinceName) ?? revision.Name, revision.Folder)
                {
                    Display = parse.GetValue(BuildOptions.ChangesSince)!,
                },
            };
        }

        // Progress goes to standard error, so that standard output stays the report.
        var progress = new object();
        request = request with
        {
            Progress = _reporter.Settings.ShowsProgress ? step => { lock (progress) { console.Error.WriteLine($"  {step}"); } }
            : null,
        };

        await using var session = new BuildSession(keepsPages: watching);
        try
        {
            var first = await session.BuildAsync(request, cancellation);
            var exitCode = Report(first);
            server?.Publish(Failures(first));

            // --open without a server opens the editions of the first build that succeeds.
            var toOpen = _opens && server is null;
            if (toOpen && exitCode == ExitCodes.Success)
            {
                OpenEditions(first);
                toOpen = false;
            }

            if (!watching)
            {
                return exitCode;
            }

            var previous = first;
            await new WatchLoop(console, session, request, first, result =>
            {
                ReportRebuild(previous, result);
                previous = result;
                server?.Publish(Failures(result));
                if (toOpen && !_reporter.Fails(result.Diagnostics, result.Succeeded))
                {
                    OpenEditions(result);
                    toOpen = false;
                }
            }).RunAsync(cancellation);
            return ExitCodes.Cancelled;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            console.Error.WriteLine(watching
                ? "pstm: stopped watching."
                : "pstm: build cancelled; the previous outputs are unchanged.");
            return ExitCodes.Cancelled;
        }
    }

    /// <summary>What --open opens of a build: the booklet and the deck it made (or left as they were) of its first locale.</summary>
    private void OpenEditions(BuildResult result)
    {
        var made = result.Outputs.Concat(result.Unchanged)
            .Where(f => Path.GetFileName(f) is "booklet.pdf" or "slides.html")
            .ToList();
        var first = made.Select(Path.GetDirectoryName).FirstOrDefault();
        foreach (var edition in made.Where(f => Path.GetDirectoryName(f) == first).OrderBy(Path.GetFileName, StringComparer.Ordinal))
        {
            Open(Path.GetFullPath(edition));
        }
    }

    private void Open(string target)
    {
        if (Opener.Open(target) is { } problem)
        {
            console.Error.WriteLine($"pstm: cannot open {PrintableText.Escape(target)}: {PrintableText.Escape(problem)}");
        }
    }

    /// <summary>The diagnostics that fail a build (its errors, and its warnings under --warnings-as-errors): those the served pages show.</summary>
    private List<Diagnostic> Failures(BuildResult result) => _reporter.Stopping(result.Diagnostics);

    /// <summary>
    /// A rebuild of --watch, in text: only the diagnostics that are new since the last build and those it
    /// no longer has, what it wrote, and a one-line verdict that counts what it left unchanged. The other
    /// formats report every rebuild in full, as a build.
    /// </summary>
    private void ReportRebuild(BuildResult previous, BuildResult result)
    {
        if (_reporter.Settings.Format != DiagnosticFormat.Text)
        {
            Report(result);
            return;
        }

        var shown = _reporter.Settings.Verbosity switch
        {
            Verbosity.Quiet => (Func<Diagnostic, bool>)(d => d.Severity == Severity.Error),
            Verbosity.Normal => d => d.Severity != Severity.Info,
            _ => _ => true,
        };
        var (added, fixedOnes) = DiagnosticChanges.Between(previous.Diagnostics.Where(shown), result.Diagnostics.Where(shown));
        _reporter.Report(BuildReport.Rebuilt(_planDirectory, result, added, fixedOnes, _reporter.Fails(result.Diagnostics, result.Succeeded)));
    }

    /// <summary>The earlier edition of --changes-since, taken out of git when it is a revision; or the exit code of a refusal, reported.</summary>
    private (PlanRevision? Earlier, int? Refused) OpenChangesSince()
    {
        if (parse.GetValue(BuildOptions.ChangesSince) is not { } changesSince)
        {
            return default;
        }

        // The build checks the temporary folder too, but an earlier edition in git is taken out into it first.
        if (PlanRevision.IsInGit(changesSince) && SystemTempFolder.Check() is { } noTempFolder)
        {
            return (null, Report(new BuildResult([noTempFolder], [], new NoSourceLines())));
        }

        var (earlier, problem) = PlanRevision.Open(changesSince);
        if (problem is null)
        {
            return (earlier, null);
        }

        Report(new BuildResult([problem], [], new NoSourceLines()));
        return (null, PlanRevision.ExitCodeOf(problem));
    }

    private int Report(BuildResult result) => _reporter.Report(BuildReport.Of(_planDirectory, result, _outputFolder));

    private static async Task<(LiveReloadServer? Server, (Diagnostic Diagnostic, int ExitCode)? Error)> ServeAsync(string folder, ServedPort port)
    {
        var (number, option) = port;
        if (number is < 0 or > IPEndPoint.MaxPort)
        {
            return (null, (ServeDiagnostics.PortOutOfRange.Create(
                SourceSpan.ForFile(option),
                $"{option} {number} is not a port: a port is a number from 1 to 65535, or 0 for any free port",
                $"give {option} a free port such as 8080, or 0 to let the system choose one"), ExitCodes.Usage));
        }

        try
        {
            return (await LiveReloadServer.StartAsync(folder, number), null);
        }
        catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException)
        {
            return (null, (ServeDiagnostics.PortUnavailable.Create(
                SourceSpan.ForFile(option),
                $"cannot serve on 127.0.0.1:{number}: {exception.InnerException?.Message ?? exception.Message}; {PortHolder.Describe(number)}",
                $"stop the program that holds it (another pstm serve?), or give {option} another port, or {option} 0 for any free port"), ExitCodes.InputErrors));
        }
    }
}
