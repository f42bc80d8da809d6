using Pstm.Diagnostics;
using Pstm.Plan.Model;
using Pstm.Plan.Yaml;

namespace Pstm.Rendering.Templates;

/// <summary>
/// The words templates show to readers in one language ("Indice", "Pagina x di y", month names), read
/// from <c>strings/&lt;locale&gt;.yaml</c> in the templates folder. Every strings file must have every
/// key any of them has, so that no edition shows an empty label.
/// </summary>
public sealed class TemplateStrings
{
    private readonly Dictionary<string, string> _texts;

    private TemplateStrings(Dictionary<string, string> texts, IReadOnlyList<string> months)
    {
        _texts = texts;
        Months = months;
    }

    public IReadOnlyDictionary<string, string> Texts => _texts;

    public IReadOnlyList<string> Months { get; }

    /// <summary>Loads the strings of a locale; <paramref name="overrides"/>, labels of the plan itself, win over them.</summary>
    /// <param name="fallback">The language whose words are used when the templates have none for <paramref name="locale"/>.</param>
    public static TemplateStrings? Load(
        TemplateFolder folder, string locale, IReadOnlyDictionary<string, string> overrides, DiagnosticBag diagnostics, string fallback = "en")
    {
        var directory = folder.PathOf("strings")!;
        var file = Candidates(locale).Select(c => Path.Combine(directory, c + ".yaml")).FirstOrDefault(File.Exists);
        if (file is null)
        {
            file = Candidates(fallback).Concat(["en"]).Select(c => Path.Combine(directory, c + ".yaml")).FirstOrDefault(File.Exists);
            diagnostics.Add(RenderingDiagnostics.StringsNotFound.Create(
                SourceSpan.ForFile(folder.Display(Path.Combine(directory, locale + ".yaml"))),
                file is null ? Severity.Error : Severity.Warning,
                $"the templates have no strings for '{locale}'" + (file is null ? "" : $"; the words of {Path.GetFileNameWithoutExtension(file)} are used"),
                $"add strings/{locale}.yaml to the templates folder, translating every key of the other strings files"));
            if (file is null)
            {
                return null;
            }
        }

        var own = Read(file, folder, diagnostics);
        if (own is null)
        {
            return null;
        }

        var complete = true;
        foreach (var other in Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal).Where(f => f != file))
        {
            foreach (var key in (Read(other, folder, new DiagnosticBag()) ?? []).Keys.Where(k => !own.ContainsKey(k)))
            {
                complete = false;
                diagnostics.Add(RenderingDiagnostics.StringMissing.Create(
                    SourceSpan.At(folder.Display(file), 1, 1),
                    $"{folder.Display(file)} has no '{key}', which {folder.Display(other)} has",
                    $"add '{key}:' with its text in this language"));
            }
        }

        if (!complete || !HasMonths(own, file, folder, diagnostics, out var months))
        {
            return null;
        }

        foreach (var (key, value) in overrides)
        {
            own[key] = new YamlScalar(value, false, default);
        }

        var texts = own.Where(e => e.Value is YamlScalar).ToDictionary(e => e.Key, e => ((YamlScalar)e.Value).Value, StringComparer.Ordinal);
        return new TemplateStrings(texts, months);
    }

    public string this[string key] => _texts[key];

    /// <summary>A string with <c>{name}</c> placeholders filled in.</summary>
    public string Format(string key, params (string Name, string Value)[] values) =>
        values.Aggregate(_texts[key], (text, value) => text.Replace("{" + value.Name + "}", value.Value, StringComparison.Ordinal));

    /// <summary>"ottobre – novembre 2024", "dicembre 2024 – febbraio 2025".</summary>
    public string Period(MonthPeriod period)
    {
        var from = Months[period.From.Month - 1];
        var to = $"{Months[period.To.Month - 1]} {period.To.Year}";
        if (period.From == period.To)
        {
            return to;
        }

        return period.From.Year == period.To.Year ? $"{from} – {to}" : $"{from} {period.From.Year} – {to}";
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

    private static Dictionary<string, YamlNode>? Read(string file, TemplateFolder folder, DiagnosticBag diagnostics)
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

        var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            if (entry.Value is YamlScalar or YamlSequence)
            {
                result[entry.Key.Value] = entry.Value;
            }
            else
            {
                diagnostics.Add(RenderingDiagnostics.StringsInvalid.Create(entry.Value.Span, $"'{entry.Key.Value}' must be a text", "write one 'key: text' per line"));
            }
        }

        return result;
    }

    private static bool HasMonths(Dictionary<string, YamlNode> strings, string file, TemplateFolder folder, DiagnosticBag diagnostics, out IReadOnlyList<string> months)
    {
        months = strings.TryGetValue("months", out var node) && node is YamlSequence sequence
            ? sequence.Items.OfType<YamlScalar>().Select(s => s.Value).ToList()
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
