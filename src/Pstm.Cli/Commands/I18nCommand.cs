using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
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
        "pstm i18n import en.xlf              # bring the translations back",
    ];

    private static readonly Option<string> ExtractLocale = new("--locale", "-l") { Description = "The locale to translate into.", Required = true, HelpName = "L" };

    private static readonly Option<string> ExtractOutput = new("--output", "-o") { Description = "The XLIFF file to write.", Required = true, HelpName = "FILE.xlf" };

    private static readonly Argument<string[]> ImportArguments = new("[PLAN_DIR] FILE.xlf")
    {
        Description = "The plan folder (default: plan) and the XLIFF file to import.",
        Arity = new ArgumentArity(1, 2),
    };

    private static readonly Option<double?> FailUnder = new("--fail-under")
    {
        Description = "Exit 1 when a locale has less than this percentage of its texts translated.",
        HelpName = "PERCENT",
    };

    private static readonly Argument<string> Locale = new("LOCALE") { Description = "The new locale, such as fr or de." };

    // As in diff and explain, --format is the format of what the command makes: its table of locales.
    private static readonly Option<string> StatusFormat = DiagnosticOptions.CreateReportFormat(
        "How to print the status: text (a table, with any error above it) or json (one document).");

    private readonly ICliConsole _console;

    public I18nCommand(ICliConsole console)
        : base("i18n", "Translations: see what each locale lacks, and start new locales.")
    {
        _console = console;
        var status = new Command("status", "Per locale: how many texts are translated, missing or stale.");
        status.Arguments.Add(PlanOptions.PlanDirectory);
        status.Options.Add(StatusFormat);
        status.Options.Add(FailUnder);
        status.SetAction(Status);
        Subcommands.Add(status);

        var add = new Command("add", "Add a locale: declare it in plan.yaml and write its translation file, every text missing.");
        add.Arguments.Add(Locale);
        add.Arguments.Add(PlanOptions.PlanDirectory);
        add.SetAction(Add);
        Subcommands.Add(add);

        var extract = new Command("extract", "Write a locale's texts as XLIFF 2.0, with the translations it has, for a translation tool.");
        extract.Arguments.Add(PlanOptions.PlanDirectory);
        extract.Options.Add(ExtractLocale);
        extract.Options.Add(ExtractOutput);
        extract.SetAction(Extract);
        Subcommands.Add(extract);

        var import = new Command("import", "Read the translations of an XLIFF 2.0 file back into the plan's translation file.");
        import.Arguments.Add(ImportArguments);
        import.SetAction(Import);
        Subcommands.Add(import);
    }

    private int Extract(ParseResult parse)
    {
        var planDirectory = parse.GetValue(PlanOptions.PlanDirectory)!;
        var locale = parse.GetValue(ExtractLocale)!;
        if (Validated(planDirectory) is not { } plan)
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
            new DiagnosticReporter(_console).WriteText(diagnostics.ToSortedList(), new NoSourceLines(), DiagnosticOptions.Quiet);
            return ExitCodes.InputErrors;
        }

        // Units of renamed ids carry their translations under the new ids.
        var translations = TranslationFile.Load(planDirectory, locale, Directory.GetCurrentDirectory(), diagnostics)
            .FollowingRenames(plan.Renamed, new DiagnosticBag());
        if (diagnostics.HasErrors)
        {
            new DiagnosticReporter(_console).WriteText(diagnostics.ToSortedList(), new NoSourceLines(), DiagnosticOptions.Quiet);
            return ExitCodes.InputErrors;
        }

        var output = parse.GetValue(ExtractOutput)!;
        var fields = TranslatableFields.Of(plan);
        if (OutputFile.Write(output, Xliff.Write(plan.Id.Value, plan.Language, locale, fields, translations.Entries), "-o") is { } unwritten)
        {
            new DiagnosticReporter(_console).WriteText([unwritten], new NoSourceLines(), DiagnosticOptions.Quiet);
            return ExitCodes.InputErrors;
        }

        _console.Out.WriteLine($"wrote {output}: {fields.Count} units, {translations.Entries.Count} with a translation");
        return ExitCodes.Success;
    }

    private int Import(ParseResult parse)
    {
        var values = parse.GetValue(ImportArguments)!;
        var (planDirectory, xliffPath) = values.Length == 2 ? (values[0], values[1]) : ("plan", values[0]);
        if (Validated(planDirectory) is not { } plan)
        {
            return ExitCodes.InputErrors;
        }

        var diagnostics = new DiagnosticBag();
        var fields = TranslatableFields.Of(plan).ToDictionary(f => f.Key, StringComparer.Ordinal);
        var display = Plan.Loading.PlanLoader.DisplayPath(Directory.GetCurrentDirectory(), xliffPath);
        if (!File.Exists(xliffPath))
        {
            _console.Error.WriteLine($"pstm: {xliffPath} does not exist");
            return ExitCodes.Usage;
        }

        var imported = XliffReader.Read(xliffPath, display, plan.Language, plan.Locales, fields, diagnostics);

        // Written back under the new ids: importing also renames the keys of renamed ids.
        var existing = imported is null ? null
            : TranslationFile.Load(planDirectory, imported.Locale, Directory.GetCurrentDirectory(), diagnostics).FollowingRenames(plan.Renamed, new DiagnosticBag());
        // A translation file that cannot be written is reported with the rest, before anything is merged.
        var writer = new PlanFileWriter(planDirectory, Directory.GetCurrentDirectory());
        if (existing is not null && !diagnostics.HasErrors)
        {
            writer.CanWrite(existing.Path, diagnostics);
        }

        new DiagnosticReporter(_console).WriteText(diagnostics.ToSortedList(), new NoSourceLines(), DiagnosticOptions.Normal);
        if (diagnostics.HasErrors || imported is null || existing is null)
        {
            _console.Out.WriteLine("import refused: nothing was written");
            return ExitCodes.InputErrors;
        }

        var merged = existing.Entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        foreach (var (key, entry) in imported.Entries)
        {
            merged[key] = entry;
        }

        var written = new DiagnosticBag();
        if (!TranslationWriter.WriteFile(writer, existing.Path, imported.Locale, plan.Language, fields.Values.ToList(), merged, written, TranslationWriter.HeaderOf(existing.Path)))
        {
            new DiagnosticReporter(_console).WriteText(written.ToSortedList(), new NoSourceLines(), DiagnosticOptions.Normal);
            _console.Out.WriteLine("import refused: nothing was written");
            return ExitCodes.InputErrors;
        }

        _console.Out.WriteLine($"imported {imported.Entries.Count} translations into {existing.DisplayPath}"
            + (imported.NotTranslated > 0 ? $"; {imported.NotTranslated} units not translated (no target, or not marked translated) left as they were" : ""));
        return ExitCodes.Success;
    }

    private Plan.Model.StrategicPlan? Validated(string planDirectory)
    {
        var check = PlanCheck.Run(planDirectory);
        if (!check.HasErrors && check.Plan is { } plan)
        {
            return plan;
        }

        new DiagnosticReporter(_console).WriteText(check.Diagnostics, check.Sources, DiagnosticOptions.Quiet);
        return null;
    }

    private int Status(ParseResult parse)
    {
        var planDirectory = parse.GetValue(PlanOptions.PlanDirectory)!;

        // The translations are read as a build reads them: a plan with errors has no editions.
        var check = PlanCheck.WithEditions(planDirectory, locales: null, strict: false);
        if (check.Plan is not { } plan || check.Editions.Count == 0)
        {
            new DiagnosticReporter(_console).WriteText(check.Diagnostics, check.Sources, DiagnosticOptions.Quiet);
            return ExitCodes.InputErrors;
        }

        var statuses = check.Editions.Select(e => e.Status).OfType<TranslationStatus>().ToList();
        var problems = new DiagnosticBag();
        problems.AddRange(check.Diagnostics.Where(d => d.IsError));

        var threshold = parse.GetValue(FailUnder);
        var failed = problems.HasErrors || (threshold is { } minimum && statuses.Any(s => s.Percent < minimum));
        if (parse.GetValue(StatusFormat) == DiagnosticOptions.Json)
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                json.WriteStartObject();
                json.WriteString("source", plan.Language);
                TranslationStatusTable.WriteJson(json, statuses);
                json.WriteEndObject();
            }

            _console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        }
        else
        {
            new DiagnosticReporter(_console).WriteText(problems.ToSortedList(), check.Sources, DiagnosticOptions.Quiet);
            _console.Out.WriteLine($"source language: {PrintableText.Escape(plan.Language)}");
            TranslationStatusTable.WriteText(_console.Out, statuses);

            if (statuses.Count == 0)
            {
                _console.Out.WriteLine("(the plan declares no locale besides its source language: pstm i18n add LOCALE starts one)");
            }
        }

        return failed ? ExitCodes.InputErrors : ExitCodes.Success;
    }

    private int Add(ParseResult parse)
    {
        var planDirectory = parse.GetValue(PlanOptions.PlanDirectory)!;
        var locale = parse.GetValue(Locale)!;
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
            return Refused(problems);
        }

        var check = PlanCheck.Run(planDirectory);
        if (check.HasErrors || check.Plan is not { } plan)
        {
            new DiagnosticReporter(_console).WriteText(check.Diagnostics, check.Sources, DiagnosticOptions.Quiet);
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
            return Refused(problems);
        }

        // A locale is added whole or not at all: without its declaration, the new file goes too.
        if (!plan.Locales.Contains(locale) && !writer.Write(planFile, DeclareLocale(File.ReadAllText(planFile), plan.Locales, locale), problems))
        {
            File.Delete(path);
            return Refused(problems);
        }

        _console.Out.WriteLine($"wrote {path} ({TranslatableFields.Of(plan).Count} texts to translate) and declared '{locale}' in plan.yaml");
        return ExitCodes.Success;
    }

    private int Refused(DiagnosticBag problems)
    {
        new DiagnosticReporter(_console).WriteText(problems.ToSortedList(), new NoSourceLines(), DiagnosticOptions.Normal);
        _console.Out.WriteLine("nothing was written");
        return ExitCodes.InputErrors;
    }

    /// <summary>plan.yaml's text with the locale added to <c>locales</c>, the rest as the editor wrote it.</summary>
    private static string DeclareLocale(string text, IReadOnlyList<string> locales, string locale)
    {
        var all = string.Join(", ", locales.Append(locale));
        var declared = LocalesLine().Match(text);
        return declared.Success
            ? text[..declared.Index] + $"locales: [{all}]" + text[(declared.Index + declared.Length)..]
            : LanguageLine().Replace(text, m => m.Value + $"\nlocales: [{all}]", 1);
    }

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LocaleCode();

    [GeneratedRegex(@"^locales:[^\n]*(\n[ \t]+-[^\n]*)*", RegexOptions.Multiline)]
    private static partial Regex LocalesLine();

    [GeneratedRegex(@"^language:[^\n]*", RegexOptions.Multiline)]
    private static partial Regex LanguageLine();
}
