using System.CommandLine;
using Pstm.Cli.Console;
using Pstm.Diagnostics;
using Pstm.Plan;
using Pstm.Plan.Loading;
using Pstm.Plan.Schema;
using Pstm.Plan.Translation;

namespace Pstm.Cli.Commands;

/// <summary><c>pstm init DIR</c>: a new, minimal plan that validates and builds at once, with comments that teach the format.</summary>
internal sealed class InitCommand : Command
{
    public static readonly string[] Examples =
    [
        "pstm init my-plan            # then: pstm validate my-plan, pstm build my-plan",
        "pstm init my-plan --force    # write into a folder that is not empty",
    ];

    private static readonly Argument<string> Folder = new("DIR") { Description = "The folder of the new plan (created when missing)." };

    private static readonly Option<bool> Force = new("--force") { Description = "Write even into a folder that is not empty (files of the same name are replaced)." };

    private readonly ICliConsole _console;

    public InitCommand(ICliConsole console)
        : base("init", "Start a new plan: a small example in two languages that validates and builds at once.")
    {
        _console = console;
        Arguments.Add(Folder);
        Options.Add(Force);
        DiagnosticOptions.AddTo(this, makesOwnFormat: true);
        SetAction(Execute);
    }

    private int Execute(ParseResult parse)
    {
        var folder = parse.GetValue(Folder)!;
        var reporter = new DiagnosticReporter(_console, "init", DiagnosticOptions.Read(parse));
        var problems = new DiagnosticBag();
        if (File.Exists(folder))
        {
            problems.Add(PlanDiagnostics.FileNotWritable.Create(
                SourceSpan.ForFile(PlanLoader.DisplayPath(Directory.GetCurrentDirectory(), folder)),
                $"{folder} is a file; pstm init writes a new plan into a folder",
                "name a folder that does not exist yet, or an empty one"));
            return Refused(reporter, folder, problems, ExitCodes.Usage);
        }

        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any() && !parse.GetValue(Force))
        {
            _console.Error.WriteLine($"pstm: {folder} is not empty; choose an empty folder, or pass --force to write into it");
            return ExitCodes.Usage;
        }

        // Each file is written whole or not at all: under --force, a file that cannot be written keeps its old text.
        var writer = new PlanFileWriter(folder, Directory.GetCurrentDirectory());
        if (!writer.Write(Path.Combine(folder, "plan.yaml"), JsonSchemaWriter.ModelineFor(JsonSchemaWriter.PlanSchemaFile) + "\n" + PlanYaml, problems)
            || !writer.Write(Path.Combine(folder, "content.yaml"), JsonSchemaWriter.ModelineFor(JsonSchemaWriter.ContentSchemaFile) + "\n" + ContentYaml, problems)
            || !JsonSchemaWriter.WriteAll(writer, Path.Combine(folder, JsonSchemaWriter.Folder), problems))
        {
            return Refused(reporter, folder, problems, ExitCodes.InputErrors);
        }

        // The Italian edition's translations, each recording the hash of the English text it translates.
        var check = PlanCheck.Run(folder);
        var fields = TranslatableFields.Of(check.Plan!);
        var italian = fields.Where(f => Italian.ContainsKey(f.Key))
            .ToDictionary(f => f.Key, f => new TranslationEntry(f.Key, Italian[f.Key], f.Hash, default), StringComparer.Ordinal);
        if (!TranslationWriter.WriteFile(writer, TranslationFile.PathFor(folder, "it"), "it", "en", fields, italian, problems))
        {
            return Refused(reporter, folder, problems, ExitCodes.InputErrors);
        }

        _console.Out.WriteLine($"wrote a new plan in {folder}: plan.yaml, content.yaml, translations/it.yaml, and the schemas editors use in schemas/");
        _console.Out.WriteLine($"next: pstm validate {folder}, then pstm build {folder}");
        return ExitCodes.Success;
    }

    private static int Refused(DiagnosticReporter reporter, string folder, DiagnosticBag problems, int exitCode) =>
        reporter.Report(new CommandReport(folder, problems.ToSortedList(), new NoSourceLines()) { Succeeded = false, FailureExitCode = exitCode });

    private const string PlanYaml = """
        # A strategic plan for pstm. `pstm validate` checks it; `pstm build` makes its editions: a PDF
        # booklet and a slide deck for every locale. The format is described in pstm's docs/plan-format.md.

        # A stable id: letters, digits, '.', '-' and '_'.
        id: example-plan
        title: Strategic plan 2026-2028
        short_title: SP 2026-2028
        # Who issues the plan: the PDF's author.
        entity: Example Metropolitan Authority
        series: Strategic perspectives
        # The years the plan covers.
        period: { from: 2026, to: 2028 }
        # The language the plan is written in, and every locale an edition is made for. The texts of
        # other locales are in translations/<locale>.yaml (pstm i18n status shows what they lack).
        language: en
        locales: [en, it]
        keywords: [strategic plan, missions, drivers]

        # The files that hold the plan's sections, relative to this folder; patterns such as
        # drivers/*.yaml let a large section be split over several files.
        include:
          - content.yaml

        # What a bare `pstm build` does; the command line's --out, --locale and --target go over it.
        # Dates, where the plan has them (publication: { date: "2026-03-31" }), are written quoted.
        # build:
        #   out: dist            # relative to this folder
        #   locales: [en, it]
        #   targets: [booklet, slides]

        """;

    private const string ContentYaml = """
        # The plan's sections. Every entity has an id, unique in the whole plan: references and
        # translations use it, so keep it when a text changes.

        # Chapters, in order; `sections` places the lists below inside a chapter.
        chapters:
          - id: C1
            number: 1
            title: Vision and objectives
            # Markdown: paragraphs, lists, **bold**, ## headings.
            body: |
              The plan groups its strategic objectives in **missions**, and selects and combines them
              in **drivers**: priority lines of work.
            sections: [missions, drivers]

        # Missions and their strategic objectives; bold marks the key words.
        missions:
          - id: M1
            number: 1
            title: Sustainable mobility
            objectives:
              - { id: M1.1, text: "Extend **public transport**" }
              - { id: M1.2, text: "Build a **cycle network**" }
            # Speaker notes for the slides (optional).
            notes: Start from the commuters' numbers.
          - id: M2
            number: 2
            title: Inclusion and cohesion
            objectives:
              - { id: M2.1, text: "Expand **social housing**" }
              - { id: M2.2, text: "Strengthen the **job centres**" }

        # Drivers: the missions they serve and the objectives they cite. A driver whose text is not
        # written yet may leave out `subtitle` and `description`: pstm warns and the booklet says so.
        drivers:
          - id: D1
            number: 1
            name: Connected neighbourhoods
            subtitle: Mobility and housing planned together
            description: >-
              New homes are planned where public transport and cycle routes reach, and job centres
              are placed where people can get to them
            missions: [M1, M2]
            objectives: [M1.1, M1.2, M2.1, M2.2]

        """;

    private static readonly Dictionary<string, string> Italian = new(StringComparer.Ordinal)
    {
        [TextKeys.Plan.Title] = "Piano strategico 2026-2028",
        [TextKeys.Plan.ShortTitle] = "PS 2026-2028",
        [TextKeys.Plan.Entity] = "Ente metropolitano di esempio",
        [TextKeys.Plan.Series] = "Prospettive strategiche",
        [TextKeys.Keyword(1)] = "piano strategico",
        [TextKeys.Keyword(2)] = "missioni",
        [TextKeys.Keyword(3)] = "driver",
        [TextKeys.Chapter("C1").Title] = "Visione e obiettivi",
        [TextKeys.Chapter("C1").Body] = "Il piano raggruppa i suoi obiettivi strategici in **missioni**, e li seleziona e combina\nnei **driver**: filoni di lavoro prioritari.",
        [TextKeys.Mission("M1").Title] = "Mobilità sostenibile",
        [TextKeys.Mission("M1").Notes] = "Partire dai numeri dei pendolari.",
        [TextKeys.Objective("M1.1").Text] = "Estendere il **trasporto pubblico**",
        [TextKeys.Objective("M1.2").Text] = "Realizzare una **rete ciclabile**",
        [TextKeys.Mission("M2").Title] = "Inclusione e coesione",
        [TextKeys.Objective("M2.1").Text] = "Potenziare l'**edilizia sociale**",
        [TextKeys.Objective("M2.2").Text] = "Rafforzare i **centri per l'impiego**",
        [TextKeys.Driver("D1").Name] = "Quartieri connessi",
        [TextKeys.Driver("D1").Subtitle] = "Mobilità e abitare pianificati insieme",
        [TextKeys.Driver("D1").Description] = "Le nuove case sono previste dove arrivano il trasporto pubblico e le piste ciclabili, e i centri per l'impiego dove le persone possono raggiungerli",
    };
}
