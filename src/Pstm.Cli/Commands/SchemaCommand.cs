using System.CommandLine;
using Pstm.Cli.Console;
using Pstm.Diagnostics;
using Pstm.Editions;
using Pstm.Plan.Schema;

namespace Pstm.Cli.Commands;

/// <summary><c>pstm schema</c>: the JSON Schemas of plan files, for editors' autocomplete and checks.</summary>
internal sealed class SchemaCommand : Command
{
    public static readonly string[] Examples =
    [
        "pstm schema                     # the schema of plan.yaml on standard output",
        "pstm schema --out plan/schemas  # plan, content and translation schemas as files",
    ];

    private static readonly Option<string?> Out = new("--out", "-o")
    {
        Description = "Write plan.schema.json, content.schema.json and translation.schema.json into this folder.",
        HelpName = "DIR",
    };

    private readonly ICliConsole _console;

    public SchemaCommand(ICliConsole console)
        : base("schema", "The JSON Schemas (2020-12) of plan files, generated from pstm's own description of the format.")
    {
        _console = console;
        Options.Add(Out);
        DiagnosticOptions.AddTo(this, makesOwnFormat: true);
        SetAction(parse =>
        {
            if (parse.GetValue(Out) is not { } folder)
            {
                _console.Out.Write(JsonSchemaWriter.PlanSchema());
                return ExitCodes.Success;
            }

            var unwritten = OutputFolder.Check(folder) ?? Write(folder);
            if (unwritten is not null)
            {
                return new DiagnosticReporter(_console, "schema", DiagnosticOptions.Read(parse))
                    .Report(new CommandReport(folder, [unwritten], new NoSourceLines()) { Succeeded = false });
            }

            _console.Out.WriteLine($"wrote {JsonSchemaWriter.PlanSchemaFile}, {JsonSchemaWriter.ContentSchemaFile} and {JsonSchemaWriter.TranslationSchemaFile} in {folder}");
            return ExitCodes.Success;
        });
    }

    /// <summary>The three schemas, each whole or not at all; why one could not be written, or null.</summary>
    private static Diagnostic? Write(string folder)
    {
        (string Name, string Text)[] files =
        [
            (JsonSchemaWriter.PlanSchemaFile, JsonSchemaWriter.PlanSchema()),
            (JsonSchemaWriter.ContentSchemaFile, JsonSchemaWriter.ContentSchema()),
            (JsonSchemaWriter.TranslationSchemaFile, JsonSchemaWriter.TranslationSchema()),
        ];
        foreach (var (name, text) in files)
        {
            if (OutputFile.Write(Path.Combine(folder, name), text, "--out") is { } problem)
            {
                return problem;
            }
        }

        return null;
    }
}
