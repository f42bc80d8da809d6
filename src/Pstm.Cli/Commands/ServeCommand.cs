using System.CommandLine;
using Pstm.Cli.Console;

namespace Pstm.Cli.Commands;

/// <summary><c>pstm serve</c>: builds, serves the editions on 127.0.0.1 with live reload, and rebuilds on every change.</summary>
internal sealed class ServeCommand : Command
{
    public static readonly string[] Examples =
    [
        "pstm serve                    # ./plan, on http://127.0.0.1:8080/",
        "pstm serve plan --port 9000 --locale it",
        "pstm serve --port 0 --open    # any free port, opened in the browser",
    ];

    private static readonly Option<int> Port = new("--port")
    {
        Description = "The port to serve on, on 127.0.0.1 only; 0 takes any free port (the address is printed).",
        DefaultValueFactory = _ => 8080,
    };

    private readonly ICliConsole _console;

    public ServeCommand(ICliConsole console)
        : base("serve", "Build, serve the editions on http://127.0.0.1:PORT/ and rebuild on every change, reloading the open pages.")
    {
        _console = console;
        BuildOptions.AddTo(this);
        Options.Add(Port);
        Options.Add(Opener.Option);
        SetAction(ExecuteAsync);
    }

    private Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellation) =>
        new BuildRun(_console, parse).RunAsync(watching: true, new ServedPort(parse.GetValue(Port), "--port"), cancellation);
}
