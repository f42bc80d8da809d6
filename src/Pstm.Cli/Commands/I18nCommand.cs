using System.CommandLine;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pstm.Cli.Console;
using Pstm.Diagnostics;
using Pstm.Editions;
using Pstm.Plan;
using Pstm.Plan.Translation;

namespace Pstm.Cli.Commands;

/// <summary><c>pstm i18n</c>: what is translated, and new locales.</summary>
internal sealed partial class I18nCommand : Command
{
    public static readonly string[] Examples =
    [
        "pstm i18n status                     # per locale: translated, missing, stale",
        "pstm i18n status --fail-under 100    # fail CI unless every text is translated",
        "pstm i18n add fr                     # start a French edition",
        "pstm i18n extract --locale en -o en.xlf   # XLIFF 2.0 for a translation tool",
        "pstm i18n extract --locale en -o en.po    # gettext PO, for Poedit or Weblate",
        "pstm i18n import en.xlf              # bring the translations back (en.po likewise)",
    ];

    private static readonly Option<string> ExtractLocale = new("--locale", "-l") { Description = "The locale to translate into.", Required = true, HelpName = "L" };

    private static readonly Option<string> ExtractOutput = new("--output", "-o") { Description = "The file to write: FILE.xlf (XLIFF 2.0) or FILE.po (gettext PO).", Required = true, HelpName = "FILE" };

    // As in export, --format is the format of what the command makes: here, the file for the translators.
    private static readonly Option<ExchangeFormat?> ExtractFormat = new("--format")
    {
        Description = "The file's format: xliff (XLIFF 2.0) or po (gettext PO). Default: the one the output's extension names (.po or .pot: po), else xliff.",
        HelpName = "xliff|po",
    };

    private static readonly Argument<string[]> ImportArguments = new("[PLAN_DIR] FILE")
    {
        Description = "The plan folder (default: plan) and the file to import: XLIFF 2.0 (FILE.xlf) or gettext PO (FILE.po), told apart by their content.",
        Arity = new ArgumentArity(1, 2),
    };

    private static readonly Option<double?> FailUnder = new("--fail-under")
    {
        Description = "Exit 1 when a locale has less than this percentage of its texts translated.",
        HelpName = "PERCENT",
    };

    private static readonly Argument<string> Locale = new("LOCALE") { Description = "The new locale, such as fr or de." };

    // As in diff and explain, --format is the format of what the command makes: its table of locales.
    private static readonly Option<ReportFormat> StatusFormat = DiagnosticOptions.CreateReportFormat(
        "How to print the status: text (a table, with any error above it; the default) or json (one document).");

    private readonly ICliConsole _console;

    public I18nCommand(ICliConsole console)
        : base("i18n", "Translations: see what each locale lacks, and start new locales.")
    {
        _console = console;
        var status = new Command("status", "Per locale: how many texts are translated, missing or stale.");
        status.Arguments.Add(PlanOptions.PlanDirectory);
        status.Options.Add(StatusFormat);
        status.Options.Add(FailUnder);
        DiagnosticOptions.AddTo(status, makesOwnFormat: true);
        status.SetAction(Status);
        Subcommands.Add(status);

        var add = new Command("add", "Add a locale: declare it in plan.yaml and write its translation file, every text missing.");
        add.Arguments.Add(Locale);
        add.Arguments.Add(PlanOptions.PlanDirectory);
        DiagnosticOptions.AddTo(add, makesOwnFormat: true);
        add.SetAction(Add);
        Subcommands.Add(add);

        var extract = new Command("extract", "Write a locale's texts as XLIFF 2.0 or gettext PO, with the translations it has, for a translation tool.");
        extract.Arguments.Add(PlanOptions.PlanDirectory);
        extract.Options.Add(ExtractLocale);
        extract.Options.Add(ExtractOutput);
        extract.Options.Add(ExtractFormat);
        DiagnosticOptions.AddTo(extract, makesOwnFormat: true);
        extract.SetAction(Extract);
        Subcommands.Add(extract);

        var import = new Command("import", "Read the translations of an XLIFF 2.0 or gettext PO file back into the plan's translation file.");
        import.Arguments.Add(ImportArguments);
        DiagnosticOptions.AddTo(import, makesOwnFormat: true);
        import.SetAction(Import);
        Subcommands.Add(import);
    }

    private int Extract(ParseResult parse)
    {
        var planDirectory = parse.GetValue(PlanOptions.PlanDirectory)!;
        var locale = parse.GetValue(ExtractLocale)!;
        var output = parse.GetValue(ExtractOutput)!;
        var named = TranslationImporter.FormatOfName(output);
        var format = parse.GetValue(ExtractFormat) ?? named ?? ExchangeFormat.Xliff;
        if (named is { } extension && extension != format)
        {
            // Import tells the formats apart by content, but a tool opens a file by its extension.
            _console.Error.WriteLine(
                $"pstm: --format {FormatName(format)} writes {(format == ExchangeFormat.Po ? "gettext PO" : "XLIFF 2.0")}, but {output} is named as {(extension == ExchangeFormat.Po ? "a PO" : "an XLIFF")} file: "
                + $"name it {Path.ChangeExtension(Path.GetFileName(output), format == ExchangeFormat.Po ? ".po" : ".xlf")}, or leave --format out");
            return ExitCodes.Usage;
        }

        var reporter = Reporter(parse, "i18n extract");
        if (Validated(reporter, planDirectory) is not { } plan)
        {
            return ExitCodes.InputErrors;
        }

        var diagnostics = new DiagnosticBag();
        if (locale == plan.Language)
        {
            _console.Error.WriteLine($"pstm: '{locale}' is the plan's source language: extract one of its other locales ({string.Join(", ", plan.Locales.Where(l => l != plan.Language))})");
            return ExitCodes.Usage;
        }

        if (!plan.Locales.Contains(locale))
        {
            diagnostics.Add(Editions.EditionDiagnostics.LocaleNotDeclared.Create(
                plan.Span with { EndLine = plan.Span.StartLine, EndColumn = plan.Span.StartColumn + 1 },
                $"the plan declares no locale '{locale}' (its locales: {string.Join(", ", plan.Locales)})",
                $"start it with pstm i18n add {locale}, then extract it"));
            return Refused(reporter, planDirectory, diagnostics, null);
        }

        // Units of renamed ids carry their translations under the new ids.
        var translations = TranslationFile.Load(planDirectory, locale, Directory.GetCurrentDirectory(), diagnostics)
            .FollowingRenames(plan.Renamed, new DiagnosticBag());
        if (reporter.Fails(diagnostics.ToSortedList()))
        {
            return Refused(reporter, planDirectory, diagnostics, null);
        }

        var fields = TranslatableFields.Of(plan);
        var text = format == ExchangeFormat.Po
            ? Po.Write(plan.Id.Value, planDirectory, plan.Language, locale, fields, translations.Entries)
            : Xliff.Write(plan.Id.Value, plan.Language, locale, fields, translations.Entries);
        if (OutputFile.Write(output, text, "-o") is { } unwritten)
        {
            diagnostics.Add(unwritten);
            return Refused(reporter, planDirectory, diagnostics, null);
        }

        return reporter.Report(new CommandReport(planDirectory, diagnostics.ToSortedList(), new NoSourceLines())
        {
            Verdict = _ => $"wrote {output}: {fields.Count} {(format == ExchangeFormat.Po ? "entries" : "units")}, {translations.Entries.Count} with a translation",
        });
    }

    private int Import(ParseResult parse)
    {
        var values = parse.GetValue(ImportArguments)!;
        var (planDirectory, path) = values.Length == 2 ? (values[0], values[1]) : (PlanOptions.DefaultPlanDirectory(), values[0]);
        if (Directory.Exists(path))
        {
            // A folder where the file is expected: most often the plan folder given alone, the file forgotten.
            _console.Error.WriteLine($"pstm: {path} is a folder, not an XLIFF file or a PO file: give the file to import, for example pstm i18n import {(values.Length == 2 ? planDirectory : path)} fr.xlf");
            return ExitCodes.Usage;
        }

        if (!File.Exists(path))
        {
            _console.Error.WriteLine($"pstm: {path} does not exist");
            return ExitCodes.Usage;
        }

        var reporter = Reporter(parse, "i18n import");
        if (Validated(reporter, planDirectory) is not { } plan)
        {
            return ExitCodes.InputErrors;
        }

        var diagnostics = new DiagnosticBag();
        var fields = TranslatableFields.Of(plan).ToDictionary(f => f.Key, StringComparer.Ordinal);
        var display = Plan.Loading.PlanLoader.DisplayPath(Directory.GetCurrentDirectory(), path);
        var imported = TranslationImporter.Read(path, display, plan.Language, plan.Locales, fields, diagnostics);

        // Written back under the new ids: importing also renames the keys of renamed ids.
        var existing = imported is null ? null
            : TranslationFile.Load(planDirectory, imported.Locale, Directory.GetCurrentDirectory(), diagnostics).FollowingRenames(plan.Renamed, new DiagnosticBag());
        // A translation file that cannot be written is reported with the rest, before anything is merged.
        var writer = new PlanFileWriter(planDirectory, Directory.GetCurrentDirectory());
        if (existing is not null && !diagnostics.HasErrors)
        {
            writer.CanWrite(existing.Path, diagnostics);
        }

        if (reporter.Fails(diagnostics.ToSortedList()) || imported is null || existing is null)
        {
            return Refused(reporter, planDirectory, diagnostics, "import refused: nothing was written");
        }

        var merged = existing.Entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        foreach (var (key, entry) in imported.Entries)
        {
            merged[key] = entry;
        }

        if (!TranslationWriter.WriteFile(writer, existing.Path, imported.Locale, plan.Language, fields.Values.ToList(), merged, diagnostics, TranslationWriter.HeaderOf(existing.Path)))
        {
            return Refused(reporter, planDirectory, diagnostics, "import refused: nothing was written");
        }

        return reporter.Report(new CommandReport(planDirectory, diagnostics.ToSortedList(), new NoSourceLines())
        {
            Verdict = _ => $"imported {imported.Entries.Count} translations into {existing.DisplayPath}"
                + (imported.Stale > 0 ? $", {imported.Stale} of them stale (translations of another source text than the plan's, as the warnings say)" : "")
                + (imported.NotTranslated == 0 ? ""
                    : imported.Format == ExchangeFormat.Po ? $"; {imported.NotTranslated} entries not translated (empty msgstr, or fuzzy) left as they were"
                    : $"; {imported.NotTranslated} units not translated (no target, or not marked translated) left as they were"),
        });
    }

    /// <summary>The plan, or null after reporting what stops the command (its errors; its warnings too under --warnings-as-errors).</summary>
    private static Plan.Model.StrategicPlan? Validated(DiagnosticReporter reporter, string planDirectory)
    {
        var check = PlanCheck.Run(planDirectory);
        if (!reporter.Fails(check.Diagnostics) && check.Plan is { } plan)
        {
            return plan;
        }

        reporter.Report(new CommandReport(planDirectory, reporter.Stopping(check.Diagnostics), check.Sources) { Succeeded = false });
        return null;
    }

    private DiagnosticReporter Reporter(ParseResult parse, string command, bool makesJson = false) =>
        new(_console, command, DiagnosticOptions.Read(parse, makesJson));

    private static int Refused(DiagnosticReporter reporter, string planDirectory, DiagnosticBag problems, string? verdict) =>
        reporter.Report(new CommandReport(planDirectory, problems.ToSortedList(), new NoSourceLines())
        {
            Succeeded = false,
            Verdict = verdict is null ? null : _ => verdict,
        });

    private int Status(ParseResult parse)
    {
        var planDirectory = parse.GetValue(PlanOptions.PlanDirectory)!;
        var json = parse.GetValue(StatusFormat) == ReportFormat.Json;
        var reporter = Reporter(parse, "i18n status", makesJson: json);

        // The translations are read as a build reads them: a plan with errors has no editions.
        var check = PlanCheck.WithEditions(planDirectory, locales: null, strict: false);
        var stopping = reporter.Stopping(check.Diagnostics);
        if (check.Plan is not { } plan || check.Editions.Count == 0)
        {
            return reporter.Report(new CommandReport(planDirectory, stopping, check.Sources) { Succeeded = false });
        }

        var statuses = check.Editions.Select(e => e.Status).OfType<TranslationStatus>().ToList();
        var threshold = parse.GetValue(FailUnder);
        var underThreshold = threshold is { } minimum && statuses.Any(s => s.Percent < minimum);
        if (json && reporter.Settings.Format != DiagnosticFormat.Json)
        {
            // The status as its own document; the diagnostics apart, as asked.
            reporter.WriteDocument(document =>
            {
                document.WriteStartObject();
                WriteStatusJson(document, plan.Language, statuses);
                document.WriteEndObject();
            });
        }

        return reporter.Report(new CommandReport(planDirectory, stopping, check.Sources)
        {
            Succeeded = !underThreshold,
            Text = json ? null : output =>
            {
                output.WriteLine($"source language: {PrintableText.Escape(plan.Language)}");
                TranslationStatusTable.WriteText(output, statuses);
                if (statuses.Count == 0)
                {
                    output.WriteLine("(the plan declares no locale besides its source language: pstm i18n add LOCALE starts one)");
                }
            },
            Json = document => WriteStatusJson(document, plan.Language, statuses),
        });
    }

    private static void WriteStatusJson(Utf8JsonWriter json, string source, IReadOnlyList<TranslationStatus> statuses)
    {
        json.WriteString("source", source);
        TranslationStatusTable.WriteJson(json, statuses);
    }

    private int Add(ParseResult parse)
    {
        var planDirectory = parse.GetValue(PlanOptions.PlanDirectory)!;
        var locale = parse.GetValue(Locale)!;
        var reporter = Reporter(parse, "i18n add");
        if (!LocaleCode().IsMatch(locale))
        {
            _console.Error.WriteLine($"pstm: '{locale}' is not a locale code such as fr or de-CH");
            return ExitCodes.Usage;
        }

        // Both files are checked before the plan is: a plan that cannot take the locale is told so at once.
        var path = TranslationFile.PathFor(planDirectory, locale);
        var planFile = Path.Combine(planDirectory, "plan.yaml");
        var writer = new PlanFileWriter(planDirectory, Directory.GetCurrentDirectory());
        var problems = new DiagnosticBag();
        if (!(writer.CanWrite(path, problems) & writer.CanWrite(planFile, problems)))
        {
            return Refused(reporter, planDirectory, problems, "nothing was written");
        }

        if (Validated(reporter, planDirectory) is not { } plan)
        {
            return ExitCodes.InputErrors;
        }

        if (locale == plan.Language)
        {
            _console.Error.WriteLine($"pstm: '{locale}' is not a new locale for this plan (its language is {plan.Language})");
            return ExitCodes.Usage;
        }

        if (File.Exists(path))
        {
            _console.Error.WriteLine($"pstm: {path} exists already; pstm i18n status shows what it lacks");
            return ExitCodes.InputErrors;
        }

        if (!TranslationWriter.WriteFile(writer, path, locale, plan.Language, TranslatableFields.Of(plan), new Dictionary<string, TranslationEntry>(), problems))
        {
            return Refused(reporter, planDirectory, problems, "nothing was written");
        }

        // A locale is added whole or not at all: without its declaration, the new file goes too.
        if (!plan.Locales.Contains(locale) && !writer.Write(planFile, Plan.Yaml.YamlTextEditor.SetTopLevelList(File.ReadAllText(planFile), "locales", [.. plan.Locales, locale], after: "language"), problems))
        {
            File.Delete(path);
            return Refused(reporter, planDirectory, problems, "nothing was written");
        }

        _console.Out.WriteLine($"wrote {path} ({TranslatableFields.Of(plan).Count} texts to translate) and declared '{locale}' in plan.yaml");
        return ExitCodes.Success;
    }

    private static string FormatName(ExchangeFormat format) => format == ExchangeFormat.Po ? "po" : "xliff";

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LocaleCode();
}
