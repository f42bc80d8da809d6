using System.CommandLine;
using System.Net;
using Pstm.Cli.Console;
using Pstm.Diagnostics;
using Pstm.Editions;

namespace Pstm.Cli.Commands;

/// <summary><c>pstm build</c>: validates the plan and writes its editions (booklet and slides).</summary>
internal sealed class BuildCommand : Command
{
    public static readonly string[] Examples =
    [
        "pstm build                                  # every edition of ./plan into ./dist",
        "pstm build --target booklet --locale it     # the Italian booklet only",
        "pstm build --target slides                  # the slide decks only",
        "pstm build plan --out public --templates my-templates",
        "SOURCE_DATE_EPOCH=1750000000 pstm build     # byte-identical PDFs for the same input",
        "pstm build --watch                          # rebuild what each change affects",
        "pstm build --watch --serve 8080             # and see it live on http://127.0.0.1:8080/",
    ];

    private static readonly Option<string> Output = new("--out", "-o")
    {
        Description = "The output folder; each edition goes into OUT/<locale>/.",
        DefaultValueFactory = _ => "dist",
        HelpName = "DIR",
    };

    private static readonly Option<string[]> Locale = new("--locale", "-l")
    {
        Description = "A locale to build (repeatable); default: every locale the plan declares.",
        HelpName = "L",
        AllowMultipleArgumentsPerToken = false,
    };

    private static readonly Option<string[]> Target = CreateTarget();

    private static readonly Option<string?> Browser = new("--browser")
    {
        Description = "The Chromium, Chrome or Edge executable (default: PSTM_BROWSER, then the usual install locations).",
        HelpName = "PATH",
    };

    // The browser's timers take at most about 24 days; a day is already far more than any print.
    private const int MaxTimeoutSeconds = 86400;

    private static readonly Option<int> Timeout = CreateTimeout();

    private static readonly Option<bool> Manifest = new("--manifest")
    {
        Description = "Also write manifest.json (artifact, locale, pages, bytes, sha256) and SHA256SUMS into the output folder.",
    };

    private static readonly Option<bool> Force = new("--force")
    {
        Description = "Rebuild every output, even those whose plan texts, templates and fonts did not change.",
    };

    private static readonly Option<string?> ChangesSinceOption = new("--changes-since")
    {
        Description = "Add to the booklet an appendix of what changed since an earlier edition: a plan folder, or REVISION:FOLDER of this git repository (v2025.1:plan).",
        HelpName = "OLD",
    };

    private static readonly Option<bool> Watch = new("--watch", "-w")
    {
        Description = "After building, rebuild whenever the plan, its translations or the templates change (Ctrl+C stops).",
    };

    private static readonly Option<int?> Serve = new("--serve")
    {
        Description = "With --watch: also serve the output on http://127.0.0.1:PORT/, and reload the open pages after each rebuild.",
        HelpName = "PORT",
    };

    private readonly ICliConsole _console;

    private static readonly Option<int> Port = new("--port")
    {
        Description = "The port to serve on, on 127.0.0.1 only.",
        DefaultValueFactory = _ => 8080,
    };

    private readonly bool _serves;

    public BuildCommand(ICliConsole console)
        : this(console, "build", "Validate the plan and write its editions: the PDF booklet (with its print HTML) and the slide deck (HTML and PDF).", serves: false)
    {
    }

    private BuildCommand(ICliConsole console, string name, string description, bool serves)
        : base(name, description)
    {
        _console = console;
        _serves = serves;
        Arguments.Add(PlanOptions.PlanDirectory);
        Options.Add(Output);
        Options.Add(Locale);
        Options.Add(Target);
        Options.Add(PlanOptions.Templates);
        Options.Add(Browser);
        Options.Add(Timeout);
        Options.Add(PlanOptions.Strict);
        Options.Add(Manifest);
        Options.Add(Force);
        Options.Add(ChangesSinceOption);
        Options.Add(PlanOptions.SinceName);
        if (serves)
        {
            Options.Add(Port);
        }
        else
        {
            Options.Add(Watch);
            Options.Add(Serve);
        }

        DiagnosticOptions.AddTo(this);
        SetAction(ExecuteAsync);
    }

    /// <summary><c>pstm serve</c>: builds, serves the editions on 127.0.0.1 with live reload, and rebuilds on every change.</summary>
    public static BuildCommand ServeCommand(ICliConsole console) =>
        new(console, "serve", "Build, serve the editions on http://127.0.0.1:PORT/ and rebuild on every change, reloading the open pages.", serves: true);

    public static readonly string[] ServeExamples =
    [
        "pstm serve                    # ./plan, on http://127.0.0.1:8080/",
        "pstm serve plan --port 9000 --locale it",
    ];

    private async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellation)
    {
        var watching = _serves || parse.GetValue(Watch);
        var port = _serves ? parse.GetValue(Port) : parse.GetValue(Serve);
        var planDirectory = parse.GetValue(PlanOptions.PlanDirectory)!;
        var request = new BuildRequest(
            planDirectory,
            parse.GetValue(Output)!,
            parse.GetValue(Locale) ?? [],
            parse.GetValue(Target) ?? [],
            parse.GetValue(PlanOptions.Templates),
            parse.GetValue(Browser),
            TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(Timeout))),
            Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"),
            parse.GetValue(PlanOptions.Strict),
            parse.GetValue(Manifest),
            parse.GetValue(Force));

        // The port is taken before anything else, so that a wrong or busy one is told at once, not after it.
        var (server, serveError) = watching && port is { } number
            ? await ServeAsync(request.OutputDirectory, number, _serves ? "--port" : "--serve")
            : default;
        await using var served = server;
        if (serveError is { } error)
        {
            Report(parse, planDirectory, new BuildResult([error.Diagnostic], [], new NoSourceLines()));
            return error.ExitCode;
        }

        // The build checks the temporary folder too, but an earlier edition in git is taken out into it first.
        if (parse.GetValue(ChangesSinceOption) is { } inGit && PlanRevision.IsInGit(inGit) && SystemTempFolder.Check() is { } noTempFolder)
        {
            return Report(parse, planDirectory, new BuildResult([noTempFolder], [], new NoSourceLines()));
        }

        // The earlier edition stays taken out of git for as long as the build (or the watch) lasts.
        var (earlier, problem) = parse.GetValue(ChangesSinceOption) is { } since ? PlanRevision.Open(since) : default;
        using var taken = earlier;
        if (problem is not null)
        {
            Report(parse, planDirectory, new BuildResult([problem], [], new NoSourceLines()));
            return PlanRevision.ExitCodeOf(problem);
        }

        if (earlier is { } revision)
        {
            request = request with
            {
                ChangesSince = new ChangesSince(parse.GetValue(PlanOptions.SinceName) ?? revision.Name, revision.Folder) { Display = parse.GetValue(ChangesSinceOption)! },
            };
        }

        var progress = new object();
        var showProgress = DiagnosticOptions.VerbosityOf(parse) != DiagnosticOptions.Quiet
            && parse.GetValue(DiagnosticOptions.Format) == DiagnosticOptions.Text;
        request = request with
        {
            // Progress goes to standard error, so that standard output stays the report.
            Progress = showProgress ? step => { lock (progress) { _console.Error.WriteLine($"  {step}"); } }
            : null,
        };

        await using var session = new BuildSession(keepsPages: watching);
        try
        {
            var exitCode = Report(parse, planDirectory, await session.BuildAsync(request, cancellation));
            if (!watching)
            {
                return exitCode;
            }

            using var changes = new ChangeWatcher(
                [planDirectory, request.TemplatesDirectory ?? BuildRequest.ShippedTemplates], request.OutputDirectory);
            if (server is not null)
            {
                _console.Out.WriteLine($"serving {Display(request.OutputDirectory)} on {server.Address} (this machine only)");
            }

            _console.Out.WriteLine($"watching {planDirectory} and the templates for changes; Ctrl+C stops");
            while (true)
            {
                var changed = await changes.NextAsync(cancellation);
                _console.Out.WriteLine($"changed: {string.Join(", ", changed.Take(5).Select(f => PrintableText.Escape(Display(f))))}{(changed.Count > 5 ? ", …" : "")}");
                var watch = System.Diagnostics.Stopwatch.StartNew();
                Report(parse, planDirectory, await session.BuildAsync(request, cancellation));
                _console.Out.WriteLine($"rebuilt in {watch.Elapsed.TotalSeconds:0.0} s");
                server?.Reload();
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            _console.Error.WriteLine(watching
                ? "pstm: stopped watching."
                : "pstm: build cancelled; the previous outputs are unchanged.");
            return ExitCodes.Cancelled;
        }
    }

    private static async Task<(LiveReloadServer? Server, (Diagnostic Diagnostic, int ExitCode)? Error)> ServeAsync(string folder, int port, string option)
    {
        if (port is < 1 or > IPEndPoint.MaxPort)
        {
            return (null, (ServeDiagnostics.PortOutOfRange.Create(
                SourceSpan.ForFile(option),
                $"{option} {port} is not a port: a port is a number from 1 to 65535",
                $"give {option} a free port such as 8080"), ExitCodes.Usage));
        }

        try
        {
            return (await LiveReloadServer.StartAsync(folder, port), null);
        }
        catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException)
        {
            return (null, (ServeDiagnostics.PortUnavailable.Create(
                SourceSpan.ForFile(option),
                $"cannot serve on 127.0.0.1:{port}: {exception.InnerException?.Message ?? exception.Message}",
                $"another program (or another pstm serve) is using it: stop it, or give {option} another port"), ExitCodes.InputErrors));
        }
    }

    private int Report(ParseResult parse, string planDirectory, BuildResult result)
    {
        var warningsAsErrors = parse.GetValue(DiagnosticOptions.WarningsAsErrors);
        var failed = !result.Succeeded || (warningsAsErrors && result.Diagnostics.Any(d => d.Severity == Severity.Warning));
        var reporter = new DiagnosticReporter(_console);
        var format = parse.GetValue(DiagnosticOptions.Format);
        if (format == DiagnosticOptions.GitHub)
        {
            reporter.WriteGitHub(result.Diagnostics);
        }

        if (format == DiagnosticOptions.Sarif)
        {
            reporter.WriteSarif(result.Diagnostics);
        }
        else if (format == DiagnosticOptions.Json)
        {
            reporter.WriteJson("build", planDirectory, !failed, result.Diagnostics, json =>
            {
                json.WriteStartArray("outputs");
                foreach (var output in result.Outputs)
                {
                    json.WriteStringValue(Display(output));
                }

                json.WriteEndArray();
                json.WriteStartArray("unchanged");
                foreach (var output in result.Unchanged)
                {
                    json.WriteStringValue(Display(output));
                }

                json.WriteEndArray();
            });
        }
        else
        {
            if (format == DiagnosticOptions.Text)
            {
                reporter.WriteText(result.Diagnostics, result.Sources, DiagnosticOptions.VerbosityOf(parse));
            }

            foreach (var output in result.Outputs.Where(IsEdition))
            {
                _console.Out.WriteLine($"wrote {Display(output)}");
            }

            foreach (var output in result.Unchanged)
            {
                _console.Out.WriteLine($"unchanged {Display(output)}");
            }

            var verdict = failed
                ? (result.Succeeded ? "build failed (warnings are treated as errors)" : "build failed; the previous outputs are unchanged")
                : "build succeeded";
            _console.Out.WriteLine($"{verdict}: {DiagnosticReporter.Counts(result.Diagnostics)}");
        }

        return failed ? ExitCodes.InputErrors : ExitCodes.Success;
    }

    // The stylesheets, fonts and the build's own bookkeeping are not worth a line each.
    private static bool IsEdition(string path) =>
        !path.Contains($"{Path.DirectorySeparatorChar}assets{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        && !Path.GetFileName(path).StartsWith('.');

    private static string Display(string path) =>
        Plan.Loading.PlanLoader.DisplayPath(Directory.GetCurrentDirectory(), path);

    private static Option<int> CreateTimeout()
    {
        var option = new Option<int>("--timeout")
        {
            Description = "How long the browser may take to start or to print one document, in seconds (at most 86400, a day).",
            DefaultValueFactory = _ => 120,
            HelpName = "SECONDS",
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() > MaxTimeoutSeconds)
            {
                result.AddError($"--timeout is at most {MaxTimeoutSeconds} seconds (a day).");
            }
        });
        return option;
    }

    private static Option<string[]> CreateTarget()
    {
        var option = new Option<string[]>("--target", "-t")
        {
            Description = "What to build (repeatable): booklet, slides or all (default).",
            HelpName = "booklet|slides|all",
            AllowMultipleArgumentsPerToken = false,
        };
        option.AcceptOnlyFromAmong(EditionBuilder.Booklet, EditionBuilder.Slides, EditionBuilder.All);
        return option;
    }
}
