using Pstm.Diagnostics;
using Pstm.Plan.Labels;
using Pstm.Plan.Model;
using Pstm.Plan.Yaml;

namespace Pstm.Rendering.Templates;

/// <summary>
/// The words templates show to readers in one language ("Indice", "Pagina x di y", month names), read
/// from <c>strings/&lt;locale&gt;.yaml</c> in the templates folder. Every strings file must have every
/// key that <c>strings/keys.yaml</c> declares, and no other, so that no edition shows an empty label;
/// a counted text may be given as CLDR plural forms, which <see cref="Count"/> chooses from.
/// </summary>
public sealed class TemplateStrings
{
    private readonly Dictionary<string, string> _texts;
    private readonly Dictionary<string, Dictionary<string, string>> _forms;
    private readonly PluralRules _plural;

    private TemplateStrings(
        Dictionary<string, string> texts, Dictionary<string, Dictionary<string, string>> forms, IReadOnlyList<string> months, string language)
    {
        _texts = texts;
        _forms = forms;
        _plural = PluralRules.For(language);
        Months = months;
    }

    /// <summary>Every text by key; a counted text given as plural forms is there as its <c>other</c> form.</summary>
    public IReadOnlyDictionary<string, string> Texts => _texts;

    public IReadOnlyList<string> Months { get; }

    /// <summary>Loads the strings of a locale; <paramref name="overrides"/>, labels of the plan itself, win over them.</summary>
    /// <param name="overrides">Texts by key, a plural form as <c>key.form</c>: a key's forms replace all of the strings file's.</param>
    /// <param name="fallback">The language whose words are used when the templates have none for <paramref name="locale"/>.</param>
    public static TemplateStrings? Load(
        TemplateFolder folder, string locale, IReadOnlyDictionary<string, string> overrides, DiagnosticBag diagnostics, string fallback = "en")
    {
        string? FileFor(string name) => folder.PathOf($"strings/{name}.yaml") is { } path && File.Exists(path) ? path : null;
        var file = Candidates(locale).Select(FileFor).FirstOrDefault(f => f is not null);
        if (file is null)
        {
            file = Candidates(fallback).Concat(["en"]).Select(FileFor).FirstOrDefault(f => f is not null);
            diagnostics.Add(RenderingDiagnostics.StringsNotFound.Create(
                SourceSpan.ForFile(folder.Display(Path.Combine(folder.Root, "strings", locale + ".yaml"))),
                file is null ? Severity.Error : Severity.Warning,
                $"the templates have no strings for '{locale}'" + (file is null ? "" : $"; the words of {Path.GetFileNameWithoutExtension(file)} are used"),
                $"put strings/{locale}.yaml in a folder passed as --templates, translating every key (pstm templates eject strings/en.yaml --out that folder gives one to start from)"));
            if (file is null)
            {
                return null;
            }
        }

        var keys = DeclaredKeys(folder, diagnostics);
        var own = Read(file, folder, diagnostics);
        if (own is null || keys is null)
        {
            return null;
        }

        var language = Path.GetFileNameWithoutExtension(file);
        var checks = new DiagnosticBag();
        LabelRules.Check(own.Texts, own.At, keys, language, folder.Display(file), checks);
        foreach (var key in keys.All.Where(k => !own.At.ContainsKey(k.Name) && !own.Lists.ContainsKey(k.Name)))
        {
            checks.Add(RenderingDiagnostics.StringMissing.Create(
                SourceSpan.At(folder.Display(file), 1, 1),
                $"{folder.Display(file)} has no '{key.Name}', which {keys.Display} declares",
                $"add '{key.Name}:' with its text in this language"));
        }

        diagnostics.AddRange(checks.ToSortedList());
        if (checks.HasErrors || !HasMonths(own.Lists, file, folder, diagnostics, out var months))
        {
            return null;
        }

        var texts = new Dictionary<string, string>(own.Texts, StringComparer.Ordinal);
        foreach (var name in overrides.Keys.Select(NameOf).Distinct(StringComparer.Ordinal).ToList())
        {
            texts.Keys.Where(k => NameOf(k) == name).ToList().ForEach(k => texts.Remove(k));
        }

        foreach (var (key, value) in overrides)
        {
            texts[key] = value;
        }

        var forms = texts.Where(e => e.Key.Contains('.', StringComparison.Ordinal))
            .GroupBy(e => NameOf(e.Key), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToDictionary(e => e.Key[(g.Key.Length + 1)..], e => e.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        var plain = texts.Where(e => !e.Key.Contains('.', StringComparison.Ordinal)).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        foreach (var (name, byForm) in forms)
        {
            plain[name] = byForm.GetValueOrDefault("other") ?? byForm.Values.First();
        }

        return new TemplateStrings(plain, forms, months, language);
    }

    public string this[string key] => _texts[key];

    /// <summary>A string with <c>{name}</c> placeholders filled in.</summary>
    public string Format(string key, params (string Name, string Value)[] values) =>
        values.Aggregate(_texts[key], (text, value) => text.Replace("{" + value.Name + "}", value.Value, StringComparison.Ordinal));

    /// <summary>
    /// A counted text in the form its count takes ("1 driver", "2 drivers"), <c>{count}</c> and the other
    /// placeholders filled in. A key written as one text has that text for every count.
    /// </summary>
    public string Count(string key, long count, params (string Name, string Value)[] values)
    {
        var text = _forms.TryGetValue(key, out var forms)
            ? forms.GetValueOrDefault(_plural.FormOf(count)) ?? forms.GetValueOrDefault("other") ?? _texts[key]
            : _texts[key];
        return values.Prepend((Name: "count", Value: count.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Aggregate(text, (result, value) => result.Replace("{" + value.Name + "}", value.Value, StringComparison.Ordinal));
    }

    /// <summary>"ottobre – novembre 2024", "dicembre 2024 – febbraio 2025", in the words of <c>month_year</c> and the <c>period_*</c> keys.</summary>
    public string Period(MonthPeriod period)
    {
        string Year(int year) => year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string MonthYear(YearMonth month) => Format("month_year", ("month", Months[month.Month - 1]), ("year", Year(month.Year)));
        if (period.From == period.To)
        {
            return MonthYear(period.To);
        }

        return period.From.Year == period.To.Year
            ? Format("period_in_year", ("from", Months[period.From.Month - 1]), ("to", Months[period.To.Month - 1]), ("year", Year(period.To.Year)))
            : Format("period_across_years", ("from", MonthYear(period.From)), ("to", MonthYear(period.To)));
    }

    /// <summary>"27 febbraio 2025".</summary>
    public string Date(DateOnly date) =>
        Format("date_format", ("day", date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("month", Months[date.Month - 1]), ("year", date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static IEnumerable<string> Candidates(string locale)
    {
        yield return locale;
        var dash = locale.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0)
        {
            yield return locale[..dash];
        }
    }

    /// <summary>The key a text belongs to: <c>drivers_heading</c> for its form <c>drivers_heading.one</c>.</summary>
    private static string NameOf(string key) => key.Split('.', 2)[0];

    private static LabelKeys? DeclaredKeys(TemplateFolder folder, DiagnosticBag diagnostics)
    {
        var file = folder.PathOf("strings/" + LabelKeys.FileName);
        return file is not null && File.Exists(file) ? LabelKeys.Read(folder.Display(file), File.ReadAllText(file), diagnostics) : LabelKeys.Shipped;
    }

    /// <summary>A strings file read: its texts (a plural form as <c>key.form</c>), where each is, and its lists.</summary>
    private sealed record StringsFile(
        Dictionary<string, string> Texts, Dictionary<string, LabelSource> At, Dictionary<string, YamlSequence> Lists);

    private static StringsFile? Read(string file, TemplateFolder folder, DiagnosticBag diagnostics)
    {
        var display = folder.Display(file);
        var root = YamlDocumentReader.Read(display, File.ReadAllText(file), diagnostics);
        if (root is not YamlMapping mapping)
        {
            if (root is not null)
            {
                diagnostics.Add(RenderingDiagnostics.StringsInvalid.Create(root.Span, $"{display} must be a mapping of keys to texts", "write one 'key: text' per line"));
            }

            return null;
        }

        var result = new StringsFile(new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal));
        var valid = true;
        void Text(string key, YamlScalar keyNode, YamlNode value)
        {
            result.At[key] = new LabelSource(keyNode.Span, value.Span);
            if (value is YamlScalar scalar)
            {
                result.Texts[key] = scalar.Value;
            }
            else
            {
                valid = false;
                diagnostics.Add(RenderingDiagnostics.StringsInvalid.Create(value.Span, $"'{key}' must be a text", "write one 'key: text' per line"));
            }
        }

        foreach (var entry in mapping.Entries)
        {
            switch (entry.Value)
            {
                case YamlSequence list:
                    result.Lists[entry.Key.Value] = list;
                    break;
                case YamlMapping forms:
                    result.At[entry.Key.Value] = new LabelSource(entry.Key.Span, forms.Span);
                    foreach (var form in forms.Entries)
                    {
                        Text($"{entry.Key.Value}.{form.Key.Value}", form.Key, form.Value);
                    }

                    break;
                default:
                    Text(entry.Key.Value, entry.Key, entry.Value);
                    break;
            }
        }

        return valid ? result : null;
    }

    private static bool HasMonths(Dictionary<string, YamlSequence> lists, string file, TemplateFolder folder, DiagnosticBag diagnostics, out IReadOnlyList<string> months)
    {
        months = lists.TryGetValue("months", out var node)
            ? node.Items.OfType<YamlScalar>().Select(s => s.Value).ToList()
            : [];
        if (months.Count == 12)
        {
            return true;
        }

        diagnostics.Add(RenderingDiagnostics.StringsInvalid.Create(
            node?.Span ?? SourceSpan.At(folder.Display(file), 1, 1),
            $"'months' in {folder.Display(file)} must list the twelve month names",
            "write months: [January, February, …, December] in this language"));
        return false;
    }
}
