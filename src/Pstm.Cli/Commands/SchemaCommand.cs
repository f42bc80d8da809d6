using System.CommandLine;
using Pstm.Cli.Console;
using Pstm.Diagnostics;
using Pstm.Plan;
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
        SetAction(parse =>
        {
            if (parse.GetValue(Out) is { } folder)
            {
                var problems = new DiagnosticBag();
                if (!JsonSchemaWriter.WriteAll(new PlanFileWriter(folder, Directory.GetCurrentDirectory()), folder, problems))
                {
                    new DiagnosticReporter(_console).WriteText(problems.ToSortedList(), new NoSourceLines(), DiagnosticOptions.Normal);
                    return ExitCodes.InputErrors;
                }

                _console.Out.WriteLine($"wrote {JsonSchemaWriter.PlanSchemaFile}, {JsonSchemaWriter.ContentSchemaFile} and {JsonSchemaWriter.TranslationSchemaFile} in {folder}");
            }
            else
            {
                _console.Out.Write(JsonSchemaWriter.PlanSchema());
            }

            return ExitCodes.Success;
        });
    }
}
