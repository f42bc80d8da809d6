using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Reflection;
using Pstm.Cli.Commands;
using Pstm.Cli.Console;

namespace Pstm.Cli;

/// <summary>
/// The command tree and its invocation: parse errors exit with 2, user mistakes with 1, and an
/// unexpected failure with 3 and a short message instead of a stack trace.
/// </summary>
public static class PstmCommandLine
{
    public static string Version { get; } =
        typeof(PstmCommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public static RootCommand Create(ICliConsole console)
    {
        var root = new RootCommand(
            "pstm turns a strategic plan written as YAML into print-ready PDF booklets and HTML slide decks.");
        var validate = new ValidateCommand(console);
        var build = new BuildCommand(console);
        var i18n = new I18nCommand(console);
        var init = new InitCommand(console);
        var schema = new SchemaCommand(console);
        var diff = new DiffCommand(console);
        var export = new ExportCommand(console);
        var serve = new ServeCommand(console);
        var explain = new ExplainCommand(console);
        var templates = new TemplatesCommand(console);
        var completion = new CompletionCommand(console);
        var release = new ReleaseCommand(console);
        root.Subcommands.Add(init);
        root.Subcommands.Add(build);
        root.Subcommands.Add(validate);
        root.Subcommands.Add(serve);
        root.Subcommands.Add(i18n);
        root.Subcommands.Add(schema);
        root.Subcommands.Add(diff);
        root.Subcommands.Add(export);
        root.Subcommands.Add(explain);
        root.Subcommands.Add(templates);
        root.Subcommands.Add(completion);
        root.Subcommands.Add(release);

        // 'pstm' alone shows what it can do, as a usage error: it was asked for nothing.
        root.SetAction(parse =>
        {
            new HelpAction().Invoke(parse);
            return ExitCodes.Usage;
        });

        var examples = new Dictionary<Command, string[]>
        {
            [root] = ["pstm build                    # the editions of ./plan into ./dist", "pstm validate                 # check the plan in ./plan", "pstm build --help             # what build can do"],
            [validate] = ValidateCommand.Examples,
            [build] = BuildCommand.Examples,
            [i18n] = I18nCommand.Examples,
            [init] = InitCommand.Examples,
            [schema] = SchemaCommand.Examples,
            [diff] = DiffCommand.Examples,
            [export] = ExportCommand.Examples,
            [serve] = ServeCommand.Examples,
            [explain] = ExplainCommand.Examples,
            [templates] = TemplatesCommand.Examples,
            [completion] = CompletionCommand.Examples,
            [release] = ReleaseCommand.Examples,
        };
        foreach (var option in root.Options)
        {
            if (option is HelpOption { Action: HelpAction help } helpOption)
            {
                helpOption.Action = new HelpWithExamplesAction(help, examples);
            }
        }

        return root;
    }

    /// <summary>
    /// "Did you mean" for an option the command does not know (--lokale: --locale), as for unknown keys and
    /// commands; an option may have been taken for the plan folder's name, so every dashed word is looked at.
    /// </summary>
    private static void SuggestOptions(string[] args, Command command, RootCommand root, ICliConsole console)
    {
        var known = command.Options.Concat(root.Options.Where(o => o.Recursive))
            .SelectMany(o => o.Aliases.Prepend(o.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (var token in args.TakeWhile(a => a != "--").Where(a => a.StartsWith("--", StringComparison.Ordinal)).Select(a => a.Split('=', 2)[0]).Distinct())
        {
            if (!known.Contains(token) && Pstm.Diagnostics.DidYouMean.Suggest(token, known.Where(k => k.StartsWith("--", StringComparison.Ordinal))) is { } suggestion)
            {
                console.Error.WriteLine($"Did you mean '{suggestion}'?");
            }
        }
    }

    public static int Run(string[] args, ICliConsole console)
    {
        try
        {
            var root = Create(console);
            var parse = root.Parse(args);
            // '--help' is answered even when the command misses a required argument ('pstm explain --help').
            if (parse.Errors.Count > 0 && parse.Action is not HelpWithExamplesAction)
            {
                foreach (var error in parse.Errors)
                {
                    console.Error.WriteLine($"pstm: {error.Message}");
                }

                var commandNames = root.Subcommands.Select(c => c.Name).ToList();
                foreach (var token in parse.UnmatchedTokens)
                {
                    if (Pstm.Diagnostics.DidYouMean.Suggest(token, commandNames) is { } suggestion)
                    {
                        console.Error.WriteLine($"Did you mean 'pstm {suggestion}'?");
                    }
                }

                var command = parse.CommandResult.Command;
                SuggestOptions(args, command, root, console);
                var usage = command == root ? "pstm --help" : $"pstm {command.Name} --help";
                console.Error.WriteLine($"Run '{usage}' to see the commands and options.");
                return ExitCodes.Usage;
            }

            return parse.Invoke(new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,

                // Ctrl+C and SIGTERM cancel the command; it then has this long to end the browser and clean up.
                ProcessTerminationTimeout = TimeSpan.FromSeconds(10),
            });
        }
        catch (Exception exception)
        {
            console.Error.WriteLine($"pstm: internal error: {exception.GetType().Name}: {exception.Message}");
            console.Error.WriteLine("This is a bug in pstm, not a problem with your plan. Set PSTM_DEBUG=1 to see the stack trace, and report it.");
            if (Environment.GetEnvironmentVariable("PSTM_DEBUG") == "1")
            {
                console.Error.WriteLine(exception.ToString());
            }

            return ExitCodes.InternalError;
        }
    }

    /// <summary>The standard help, followed by examples of the command asked about.</summary>
    private sealed class HelpWithExamplesAction(HelpAction help, IReadOnlyDictionary<Command, string[]> examples) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var result = help.Invoke(parseResult);
            if (examples.TryGetValue(parseResult.CommandResult.Command, out var lines))
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Examples:");
                foreach (var line in lines)
                {
                    output.WriteLine("  " + line);
                }

                output.WriteLine();
            }

            return result;
        }
    }
}
