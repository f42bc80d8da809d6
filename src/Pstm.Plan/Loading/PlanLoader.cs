using System.Text.RegularExpressions;
using Pstm.Diagnostics;
using Pstm.Plan.Labels;
using Pstm.Plan.Model;
using Pstm.Plan.Yaml;

namespace Pstm.Plan.Loading;

/// <summary>
/// Loads a plan folder: <c>plan.yaml</c>, then every file it includes, into a <see cref="StrategicPlan"/>.
/// Reading goes on after a problem, so that one run reports every problem in every file.
/// </summary>
public static partial class PlanLoader
{
    /// <summary>The root file every plan folder has.</summary>
    public const string RootFileName = "plan.yaml";

    private static readonly HashSet<string> HeaderKeys =
        ["id", "title", "subtitle", "short_title", "entity", "series", "period", "language", "locales", "date", "keywords", "publication", "labels", "display", "renamed", "include", "templates", "build"];

    /// <param name="planDirectory">The plan folder.</param>
    /// <param name="displayRoot">Paths in diagnostics are shown relative to this folder (default: the working folder).</param>
    public static PlanLoadResult Load(string planDirectory, string? displayRoot = null)
    {
        var diagnostics = new DiagnosticBag();
        var sources = new SourceSet();
        var root = Path.GetFullPath(displayRoot ?? Directory.GetCurrentDirectory());
        string Display(string path) => DisplayPath(root, path);

        if (!Directory.Exists(planDirectory))
        {
            // An empty name ('') is no path at all: the diagnostic names the argument instead.
            diagnostics.Add(PlanDiagnostics.PlanFolderNotFound.Create(
                SourceSpan.ForFile(string.IsNullOrWhiteSpace(planDirectory) ? "PLAN_DIR" : Display(planDirectory)),
                $"the plan folder '{Display(planDirectory)}' does not exist",
                "pass the folder that holds plan.yaml, for example: pstm validate ./plan"));
            return new PlanLoadResult(null, diagnostics.ToSortedList(), sources);
        }

        var planFile = Path.Combine(planDirectory, RootFileName);
        if (!File.Exists(planFile))
        {
            diagnostics.Add(PlanDiagnostics.PlanFileNotFound.Create(
                SourceSpan.ForFile(Display(planFile)),
                $"the folder '{Display(planDirectory)}' has no {RootFileName}",
                "a plan folder holds a plan.yaml with the plan's id, title, entity, period and language; 'pstm validate' needs the folder that holds it"));
            return new PlanLoadResult(null, diagnostics.ToSortedList(), sources);
        }

        var (planNode, planSource) = ReadYaml(planFile, Display(planFile), emptyIsError: true, diagnostics);
        if (planSource is not null)
        {
            sources.Add(planSource);
        }

        if (planNode is null || MappingReader.Open(planNode, RootFileName, diagnostics) is not { } fields)
        {
            return new PlanLoadResult(null, DiagnosticLimit.Cap(diagnostics.ToSortedList()), sources);
        }

        fields.Subject = "the plan";
        var sections = new PlanSections();
        var plan = ReadHeader(fields, planDirectory, diagnostics);
        sections.ReadFrom(fields, diagnostics);
        var includes = fields.TextList("include");
        fields.Finish();

        // Content files are parsed in parallel (parsing is most of the time a large plan takes) and
        // merged in include order, so the result is the same as reading them one by one.
        var contents = new IncludeResolver(planDirectory, planFile, diagnostics).Resolve(includes)
            .AsParallel().AsOrdered()
            .Select(file => ReadContentFile(file, Display(file)))
            .ToList();
        foreach (var content in contents)
        {
            diagnostics.AddRange(content.Diagnostics);
            if (content.Source is not null)
            {
                sources.Add(content.Source);
            }

            sections.Append(content.Sections, diagnostics);
        }

        plan = plan with
        {
            Chapters = sections.Chapters,
            Process = sections.Process,
            Vision = sections.Vision,
            Missions = sections.Missions,
            Drivers = sections.Drivers,
            Theme = sections.Theme,
        };
        return new PlanLoadResult(plan, DiagnosticLimit.Cap(diagnostics.ToSortedList()), sources);
    }

    /// <summary>
    /// The folders of <c>templates:</c> in the plan folder's plan.yaml, as full paths, in the order written
    /// (each laid over the one before). Read before the plan is, because the plan's labels are checked
    /// against the templates' keys; nothing is reported here: loading the plan reports what is wrong.
    /// </summary>
    public static IReadOnlyList<string> TemplateFolders(string planDirectory)
    {
        var planFile = Path.Combine(planDirectory, RootFileName);
        if (!File.Exists(planFile) || SourceFileReader.Read(planFile, planFile, new DiagnosticBag()) is not { } text
            || YamlDocumentReader.Read(planFile, text, new DiagnosticBag(), emptyIsError: false) is not YamlMapping { } mapping
            || mapping.Find("templates")?.Value is not YamlSequence entries)
        {
            return [];
        }

        return [.. entries.Items.OfType<YamlScalar>().Where(e => !e.IsNull && e.Value.Trim().Length > 0)
            .Select(e => Path.GetFullPath(Path.Combine(planDirectory, e.Value.Trim())))];
    }

    /// <summary>A path as diagnostics show it: relative to <paramref name="root"/> when below it, always with '/'.</summary>
    public static string DisplayPath(string root, string path)
    {
        if (path.Length == 0)
        {
            return path;
        }

        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(root, full);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
        return shown.Replace('\\', '/');
    }

    private static (YamlNode? Node, SourceFile? Source) ReadYaml(string file, string display, bool emptyIsError, DiagnosticBag diagnostics)
    {
        if (SourceFileReader.Read(file, display, diagnostics) is not { } text)
        {
            return (null, null);
        }

        var source = new SourceFile(display, Path.GetFullPath(file), text);
        return (YamlDocumentReader.Read(display, text, diagnostics, emptyIsError), source);
    }

    /// <summary>What one content file holds; read on its own, so files can be read in parallel.</summary>
    private sealed record ContentFile(PlanSections Sections, IReadOnlyList<Diagnostic> Diagnostics, SourceFile? Source);

    private static ContentFile ReadContentFile(string file, string display)
    {
        var diagnostics = new DiagnosticBag();
        var sections = new PlanSections();
        var (node, source) = ReadYaml(file, display, emptyIsError: false, diagnostics);
        if (node is not null && MappingReader.Open(node, $"content file {display}", diagnostics) is { } fields)
        {
            sections.ReadFrom(fields, diagnostics);
            fields.Finish(key => HeaderKeys.Contains(key)
                ? $"'{key}' belongs in {RootFileName}; content files hold only the sections {string.Join(", ", PlanSections.Names)}"
                : null);
        }

        return new ContentFile(sections, diagnostics.ToSortedList(), source);
    }

    private static StrategicPlan ReadHeader(MappingReader fields, string planDirectory, DiagnosticBag diagnostics)
    {
        var id = fields.RequiredId();
        var title = fields.RequiredInlineText("title");
        var subtitle = fields.OptionalInlineText("subtitle");
        var shortTitle = fields.OptionalInlineText("short_title");
        var entity = fields.RequiredText("entity");
        var series = fields.OptionalText("series");
        var period = ReadPeriod(fields, diagnostics);
        var (language, locales) = ReadLocales(fields, diagnostics);
        var date = fields.Date("date", required: false);
        var keywords = fields.TextList("keywords").Select(k => k.Value).ToList();
        var publication = PublicationReader.Read(fields);
        var (labels, labelsAt) = LabelReader.Read(fields.Mapping("labels"), diagnostics);
        var display = ReadDisplay(fields);
        var renamed = ReadRenamed(fields, diagnostics);
        var templates = fields.TextList("templates");
        var build = fields.Mapping("build") is { } defaults ? BuildDefaultsReader.Read(defaults, locales, planDirectory, diagnostics) : new BuildDefaults();
        return new StrategicPlan
        {
            Id = id,
            Title = title,
            Subtitle = subtitle,
            ShortTitle = shortTitle,
            Entity = entity,
            Series = series,
            Period = period,
            Language = language,
            Locales = locales,
            Date = date?.Value,
            Keywords = keywords,
            Publication = publication,
            Labels = labels,
            Display = display,
            LabelsAt = labelsAt,
            Renamed = renamed,
            Templates = templates,
            Build = build,
            RenamedAt = fields.Mapping("renamed")?.Entries.ToDictionary(e => e.Key.Value, e => e.Key.Span, StringComparer.Ordinal) ?? [],
            Span = fields.Span,
        };
    }

    private static YearPeriod ReadPeriod(MappingReader fields, DiagnosticBag diagnostics)
    {
        if (fields.Mapping("period", required: true, "its first and last year, for example { from: 2025, to: 2027 }") is not { } period)
        {
            return default;
        }

        period.Subject = "the plan's period";
        var from = period.RequiredYear("from");
        var to = period.RequiredYear("to");
        period.Finish();
        if (from > to)
        {
            diagnostics.Add(PlanDiagnostics.InvalidRange.Create(
                period.Span, $"the plan's period ends ({to}) before it starts ({from})", "swap 'from' and 'to'"));
        }

        return new YearPeriod(from ?? 0, to ?? 0);
    }

    private static (string Language, IReadOnlyList<string> Locales) ReadLocales(MappingReader fields, DiagnosticBag diagnostics)
    {
        var language = fields.RequiredText("language");
        var languageSpan = fields.Node("language")?.Span ?? fields.Span;
        CheckLocaleCode(language, languageSpan, diagnostics);
        if (!fields.Has("locales"))
        {
            return (language, language.Length > 0 ? [language] : []);
        }

        var locales = new List<string>();
        foreach (var locale in fields.TextList("locales"))
        {
            CheckLocaleCode(locale.Value, locale.Span, diagnostics);
            if (locales.Contains(locale.Value))
            {
                diagnostics.Add(PlanDiagnostics.ListedTwice.Create(locale.Span, $"locale '{locale.Value}' is listed twice", "remove the repeated locale"));
                continue;
            }

            locales.Add(locale.Value);
        }

        if (language.Length > 0 && !locales.Contains(language))
        {
            diagnostics.Add(PlanDiagnostics.LocaleProblem.Create(
                fields.Node("locales")?.Span ?? fields.Span,
                $"the plan is written in '{language}', which is not among its locales ({string.Join(", ", locales)})",
                $"add '{language}' to 'locales': the source language always has an edition"));
        }

        return (language, locales);
    }

    private static void CheckLocaleCode(string code, SourceSpan span, DiagnosticBag diagnostics)
    {
        if (code.Length > 0 && !LocalePattern().IsMatch(code))
        {
            diagnostics.Add(PlanDiagnostics.InvalidValue.Create(
                span, $"'{code}' is not a language code", "use a BCP 47 code such as it, en or fr-CA"));
        }
    }

    private static DisplaySettings ReadDisplay(MappingReader fields)
    {
        if (fields.Mapping("display") is not { } display)
        {
            return new DisplaySettings();
        }

        display.Subject = "the plan's display";
        var settings = new DisplaySettings { Ids = display.OptionalBool("ids"), DriverObjectives = display.OptionalBool("driver_objectives") };
        if (display.Mapping("numbering") is { } numbering)
        {
            numbering.Subject = "the plan's numbering";
            settings = settings with
            {
                MissionNumbering = ReadNumbering(numbering, "missions"),
                DriverNumbering = ReadNumbering(numbering, "drivers"),
                PhaseNumbering = ReadNumbering(numbering, "phases"),
            };
            numbering.Finish();
        }

        display.Finish();
        return settings;
    }

    private static NumberingStyle ReadNumbering(MappingReader numbering, string key)
    {
        if (numbering.OptionalText(key) is not { } name)
        {
            return NumberingStyle.Decimal;
        }

        if (Numbering.Names.TryGetValue(name, out var style))
        {
            return style;
        }

        var suggestion = DidYouMean.Suggest(name, Numbering.Names.Keys);
        numbering.Diagnostics.Add(PlanDiagnostics.InvalidValue.Create(
            numbering.Node(key)?.Span ?? numbering.Span,
            $"'{name}' is not a numbering style for {key}" + (suggestion is null ? "" : $". Did you mean '{suggestion}'?"),
            "the styles are " + string.Join(", ", Numbering.Names.Keys) + " (1, I, i, A, a)"));
        return NumberingStyle.Decimal;
    }

    /// <summary>Old id → new id: what `pstm diff` follows from an earlier edition to this one.</summary>
    private static Dictionary<string, string> ReadRenamed(MappingReader fields, DiagnosticBag diagnostics) =>
        ReadTextMap(fields, "renamed", diagnostics, key => $"the new id of '{key}' must be an id", "write renames as old-id: new-id, for example M1.4: M2.9");

    /// <summary>A mapping of key: text, each value that is not a text reported with <paramref name="what"/> and <paramref name="hint"/>.</summary>
    private static Dictionary<string, string> ReadTextMap(MappingReader fields, string key, DiagnosticBag diagnostics, Func<string, string> what, string hint)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (fields.Mapping(key) is not { } mapping)
        {
            return map;
        }

        foreach (var entry in mapping.Entries)
        {
            if (entry.Value is YamlScalar { IsNull: false } scalar && scalar.Value.Trim().Length > 0)
            {
                OneLineText.Check(scalar.Value.Trim(), scalar.Span, $"'{entry.Key.Value}' of '{key}'", diagnostics);
                map[entry.Key.Value] = scalar.Value.Trim();
            }
            else
            {
                diagnostics.Add(PlanDiagnostics.WrongType.Create(entry.Value.Span, $"{what(entry.Key.Value)}, found {MappingReader.Describe(entry.Value)}", hint));
            }
        }

        return map;
    }

    [GeneratedRegex(@"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*\z")]
    private static partial Regex LocalePattern();
}
