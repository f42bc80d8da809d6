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
            var exitCode = Report(await session.BuildAsync(request, cancellation));
            if (!watching)
            {
                return exitCode;
            }

            if (server is not null)
            {
                console.Out.WriteLine($"serving {BuildReport.Display(request.OutputDirectory)} on {server.Address} (this machine only)");
            }

            await new WatchLoop(console, session, request, result => Report(result), server).RunAsync(cancellation);
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
        if (number is < 1 or > IPEndPoint.MaxPort)
        {
            return (null, (ServeDiagnostics.PortOutOfRange.Create(
                SourceSpan.ForFile(option),
                $"{option} {number} is not a port: a port is a number from 1 to 65535",
                $"give {option} a free port such as 8080"), ExitCodes.Usage));
        }

        try
        {
            return (await LiveReloadServer.StartAsync(folder, number), null);
        }
        catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException)
        {
            return (null, (ServeDiagnostics.PortUnavailable.Create(
                SourceSpan.ForFile(option),
                $"cannot serve on 127.0.0.1:{number}: {exception.InnerException?.Message ?? exception.Message}",
                $"another program (or another pstm serve) is using it: stop it, or give {option} another port"), ExitCodes.InputErrors));
        }
    }
}
