using System.CommandLine;
using Pstm.Cli.Console;
using Pstm.Diagnostics;
using Pstm.Editions;
using Pstm.Rendering;
using Pstm.Rendering.Templates;

namespace Pstm.Cli.Commands;

/// <summary>
/// <c>pstm templates list|eject</c>: which file of the templates a build uses, from which layer, and a
/// copy of shipped files to change (the folder then given as <c>--templates</c> needs only those).
/// </summary>
internal sealed class TemplatesCommand : Command
{
    public static readonly string[] Examples =
    [
        "pstm templates list --templates my-theme     # every template file and the layer it comes from",
        "pstm templates list --plan plan               # with the layers of the plan's templates: entry",
        "pstm templates eject theme.css --out my-theme # copy the shipped theme to change it",
        "pstm templates eject --out my-templates       # copy every shipped file",
    ];

    private static readonly Argument<string[]> Paths = new("PATH")
    {
        Description = "Files or folders of the templates to copy (theme.css, booklet/colophon.sbn-html, strings); all of them when none is given.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static readonly Option<string> Out = new("--out", "-o")
    {
        Description = "The folder to copy into, created if missing; a file it has already is kept.",
        DefaultValueFactory = _ => "templates",
        HelpName = "DIR",
    };

    private static readonly Option<string?> Plan = new("--plan")
    {
        Description = "A plan folder: the folders of its plan.yaml's templates: entry are layers too, under --templates.",
        HelpName = "PLAN_DIR",
    };

    private readonly ICliConsole _console;

    public TemplatesCommand(ICliConsole console)
        : base("templates", "The template files a build uses and the layer each comes from; copies of the shipped ones to change.")
    {
        _console = console;

        var list = new Command("list", "Every file of the templates, with the layer it comes from: the --templates folder, a folder of the plan's templates: entry, or the shipped templates.");
        list.Options.Add(PlanOptions.Templates);
        list.Options.Add(Plan);
        DiagnosticOptions.AddTo(list, makesOwnFormat: true);
        list.SetAction(List);
        Subcommands.Add(list);

        var eject = new Command("eject", "Copy shipped template files into a folder, to change them and pass the folder as --templates.");
        eject.Arguments.Add(Paths);
        eject.Options.Add(Out);
        DiagnosticOptions.AddTo(eject, makesOwnFormat: true);
        eject.SetAction(Eject);
        Subcommands.Add(eject);
    }

    private int List(ParseResult parse)
    {
        var diagnostics = new DiagnosticBag();
        var layer = parse.GetValue(PlanOptions.Templates);
        var templates = BuildRequest.OpenTemplates(parse.GetValue(Plan), layer, diagnostics);
        if (templates is null)
        {
            return Report(parse, layer ?? "templates", diagnostics);
        }

        var shipped = templates.Layers[^1];
        foreach (var file in templates.List())
        {
            _console.Out.WriteLine($"{file.Relative}  {(file.Layer == shipped ? "shipped" : templates.Display(Path.TrimEndingDirectorySeparator(file.Layer)))}");
        }

        return ExitCodes.Success;
    }

    private int Eject(ParseResult parse)
    {
        var diagnostics = new DiagnosticBag();
        var output = parse.GetValue(Out)!;
        var templates = TemplateFolder.Open(BuildRequest.ShippedTemplates, Directory.GetCurrentDirectory(), diagnostics);
        if (OutputFolder.Check(output) is { } unusable)
        {
            diagnostics.Add(unusable);
        }

        if (templates is null || diagnostics.HasErrors)
        {
            return Report(parse, output, diagnostics);
        }

        var files = templates.List();
        var asked = parse.GetValue(Paths) ?? [];
        foreach (var path in asked.Select(p => p.Trim('/')).Where(p => !files.Any(f => Within(f.Relative, p))))
        {
            diagnostics.Add(RenderingDiagnostics.TemplateFileNotFound.Create(
                SourceSpan.ForFile(path),
                $"the shipped templates have no file or folder '{path}'",
                "pstm templates list shows the paths of the templates' files"));
        }

        if (diagnostics.HasErrors)
        {
            return Report(parse, output, diagnostics);
        }

        foreach (var file in files.Where(f => asked.Length == 0 || asked.Any(p => Within(f.Relative, p.Trim('/')))))
        {
            var target = Path.Combine(output, file.Relative);
            if (File.Exists(target))
            {
                _console.Out.WriteLine($"kept {target}: it exists");
                continue;
            }

            if (OutputFile.Write(target, File.ReadAllBytes(file.Path), "--out") is { } problem)
            {
                diagnostics.Add(problem);
                return Report(parse, output, diagnostics);
            }

            _console.Out.WriteLine($"wrote {target}");
        }

        return ExitCodes.Success;
    }

    private static bool Within(string relative, string path) =>
        relative == path || relative.StartsWith(path + "/", StringComparison.Ordinal);

    private int Report(ParseResult parse, string subject, DiagnosticBag diagnostics) =>
        new DiagnosticReporter(_console, "templates", DiagnosticOptions.Read(parse))
            .Report(new CommandReport(subject, diagnostics.ToSortedList(), new NoSourceLines()) { Succeeded = false });
}
