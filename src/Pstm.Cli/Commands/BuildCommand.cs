using System.CommandLine;
using Pstm.Cli.Console;

namespace Pstm.Cli.Commands;

/// <summary><c>pstm build</c>: validates the plan and writes its editions (booklet and slides), once or on every change.</summary>
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
        "pstm build --release 1.4.0 --strict --out release   # a release: named files, manifest.json, SHA256SUMS",
        "pstm build --release 1.4.0 --locale it --out part-it # one part of it (one CI job per locale; see pstm release assemble)",
    ];

    private static readonly Option<bool> Watch = new("--watch", "-w")
    {
        Description = "After building, rebuild whenever the plan, its translations or the templates change (Ctrl+C stops).",
    };

    private static readonly Option<int?> Serve = new("--serve")
    {
        Description = "With --watch: also serve the output on http://127.0.0.1:PORT/ (0: any free port), and reload the open pages after each rebuild.",
        HelpName = "PORT",
    };

    private readonly ICliConsole _console;

    public BuildCommand(ICliConsole console)
        : base("build", "Validate the plan and write its editions: the PDF booklet (with its print HTML) and the slide deck (HTML and PDF).")
    {
        _console = console;
        BuildOptions.AddTo(this);
        Options.Add(Watch);
        Options.Add(Serve);
        Options.Add(ReleaseOptions.Release);
        Options.Add(Opener.Option);
        SetAction(ExecuteAsync);
    }

    private Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellation)
    {
        var watching = parse.GetValue(Watch);
        var port = watching ? parse.GetValue(Serve) : null;
        return new BuildRun(_console, parse).RunAsync(watching, port is { } number ? new ServedPort(number, "--serve") : null, cancellation);
    }
}
