using System.CommandLine;
using Pstm.Cli.Console;
using Pstm.Diagnostics;
using Pstm.Editions;

namespace Pstm.Cli.Commands;

/// <summary>
/// <c>pstm release</c>: a release built in parts (one CI job per locale, each <c>build --release V --locale L</c>)
/// assembled into one, and a release folder checked against its manifest and checksums.
/// </summary>
internal sealed class ReleaseCommand : Command
{
    public static readonly string[] Examples =
    [
        "pstm release assemble part-it part-en --out release   # one release from parts built apart",
        "pstm release assemble parts/* -o release --format github",
        "pstm release verify release                           # every file against SHA256SUMS and manifest.json",
    ];

    private static readonly Argument<string[]> Parts = new("PART_DIR")
    {
        Description = "The folders of the parts, each written by build --release VERSION --locale L (or --manifest).",
        Arity = ArgumentArity.OneOrMore,
    };

    private static readonly Option<string> Output = new("--out", "-o")
    {
        Description = "The folder to write the release into (created if missing; a new one is best).",
        Required = true,
        HelpName = "DIR",
    };

    private static readonly Argument<string> Folder = new("RELEASE_DIR")
    {
        Description = "The release folder: manifest.json, SHA256SUMS and the files they list.",
    };

    private readonly ICliConsole _console;

    public ReleaseCommand(ICliConsole console)
        : base("release", "Releases built in parts: assemble the parts into one release, or verify a release folder.")
    {
        _console = console;
        var assemble = new Command("assemble", "Check each part against its checksums, refuse parts of different builds or with conflicting files, and write one release with its manifest.json and SHA256SUMS, byte for byte what one build of every locale writes.");
        assemble.Arguments.Add(Parts);
        assemble.Options.Add(Output);
        DiagnosticOptions.AddTo(assemble);
        assemble.SetAction(AssembleAsync);
        Subcommands.Add(assemble);

        var verify = new Command("verify", "Check a release folder: every file SHA256SUMS lists is there with its checksum, and manifest.json lists the same files; a file neither lists is told.");
        verify.Arguments.Add(Folder);
        DiagnosticOptions.AddTo(verify);
        verify.SetAction(Verify);
        Subcommands.Add(verify);
    }

    private async Task<int> AssembleAsync(ParseResult parse, CancellationToken cancellation)
    {
        var reporter = new DiagnosticReporter(_console, "release assemble", DiagnosticOptions.Read(parse));
        var parts = parse.GetValue(Parts)!;
        var output = parse.GetValue(Output)!;
        var diagnostics = new DiagnosticBag();
        Action<string>? progress = reporter.Settings.ShowsProgress ? step => _console.Error.WriteLine($"  {step}") : null;
        IReadOnlyList<string> written;
        try
        {
            written = await ReleaseAssembly.AssembleAsync(parts, output, diagnostics, progress, cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            _console.Error.WriteLine("pstm: release assembly cancelled; the output folder is unchanged.");
            return ExitCodes.Cancelled;
        }

        var sorted = diagnostics.ToSortedList();
        return reporter.Report(new CommandReport(output, sorted, new NoSourceLines())
        {
            Succeeded = !diagnostics.HasErrors && written.Count > 0,
            Text = text =>
            {
                foreach (var file in written.Where(IsListed))
                {
                    text.WriteLine($"wrote {BuildReport.Display(file)}");
                }
            },
            Verdict = failed => failed
                ? $"release assembly failed; nothing was written: {DiagnosticReporter.Counts(sorted)}"
                : $"release assembled from {parts.Length} part{(parts.Length == 1 ? "" : "s")}, {written.Count(f => !IsBookkeeping(f))} files: {DiagnosticReporter.Counts(sorted)}",
            Json = json =>
            {
                json.WriteStartArray("outputs");
                foreach (var file in written.Where(f => !IsBookkeeping(f)))
                {
                    json.WriteStringValue(BuildReport.Display(file));
                }

                json.WriteEndArray();
            },
        });
    }

    private int Verify(ParseResult parse)
    {
        var reporter = new DiagnosticReporter(_console, "release verify", DiagnosticOptions.Read(parse));
        var folder = parse.GetValue(Folder)!;
        var diagnostics = new DiagnosticBag();
        var release = ReleaseFolder.Read(folder, diagnostics);
        var sorted = diagnostics.ToSortedList();
        return reporter.Report(new CommandReport(folder, sorted, new NoSourceLines())
        {
            Succeeded = release is not null,
            Verdict = failed => release is null || failed
                ? $"release invalid: {DiagnosticReporter.Counts(sorted)}"
                : $"release {release.Header.Plan} {release.Header.Version ?? "(no version)"} verified: {release.Files.Count} files of {string.Join(", ", release.Header.Locales)} match SHA256SUMS and manifest.json; {DiagnosticReporter.Counts(sorted)}",
            Json = json =>
            {
                if (release is null)
                {
                    return;
                }

                json.WriteStartObject("release");
                release.Header.WriteTo(json);
                json.WriteEndObject();
                json.WriteStartArray("files");
                foreach (var file in release.Files)
                {
                    json.WriteStringValue(file.Relative);
                }

                json.WriteEndArray();
            },
        });
    }

    // The stylesheets and fonts are not worth a line each, as in build's report.
    private static bool IsListed(string path) =>
        !IsBookkeeping(path) && !path.Contains($"{Path.DirectorySeparatorChar}assets{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    private static bool IsBookkeeping(string path) => Path.GetFileName(path).StartsWith('.');
}
