using Pstm.Diagnostics;

namespace Pstm.Plan.Labels;

/// <summary>
/// Checks labels against the keys the templates declare: an unknown key (with "did you mean"), a
/// placeholder the key does not declare, plural forms the language does not have or that are missing.
/// The same rules hold for a plan's <c>labels:</c>, their translations and the templates' strings files.
/// </summary>
public static class LabelRules
{
    /// <param name="labels">The texts, one per key or per plural form (<c>drivers_heading.one</c>).</param>
    /// <param name="at">Where each key and each form is written; a key given as forms is there without its texts.</param>
    /// <param name="language">The language of the texts, whose plural rules apply.</param>
    /// <param name="where">How messages name the mapping, such as "the plan's labels".</param>
    public static void Check(
        IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, LabelSource> at, LabelKeys keys, string language,
        string where, DiagnosticBag diagnostics)
    {
        var rules = PluralRules.For(language);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (written, source) in at)
        {
            var dot = written.IndexOf('.', StringComparison.Ordinal);
            var name = dot < 0 ? written : written[..dot];
            var form = dot < 0 ? null : written[(dot + 1)..];
            if (keys.Find(name) is not { } key)
            {
                if (reported.Add(name))
                {
                    UnknownKey(name, at.GetValueOrDefault(name)?.Key ?? source.Key, keys, where, diagnostics);
                }

                continue;
            }

            if (key.ListLength is not null)
            {
                if (reported.Add(name))
                {
                    diagnostics.Add(PlanDiagnostics.UnknownLabel.Create(
                        source.Key, $"'{name}' is a list of the templates ({keys.Display}), not a label {where} can set",
                        $"leave it out of {where}: the templates' strings files give it"));
                }

                continue;
            }

            if (form is not null && !CheckForm(key, form, source, at, rules, language, reported, diagnostics))
            {
                continue;
            }

            if (labels.TryGetValue(written, out var text))
            {
                CheckPlaceholders(written, key, text, source.Value, diagnostics);
            }
        }

        foreach (var key in at.Keys.Where(k => !k.Contains('.', StringComparison.Ordinal) && !labels.ContainsKey(k)))
        {
            if (keys.Find(key) is { Plural: true } counted)
            {
                CheckRequiredForms(counted, at, rules, language, diagnostics);
            }
        }
    }

    /// <summary>Checks a text against its key's placeholders: a placeholder it does not declare is reported at <paramref name="span"/>.</summary>
    public static void CheckPlaceholders(string written, LabelKey key, string text, SourceSpan span, DiagnosticBag diagnostics)
    {
        foreach (var (placeholder, _) in LabelKeys.PlaceholdersIn(text).Where(p => !key.Placeholders.Contains(p.Name)))
        {
            var suggestion = DidYouMean.Suggest(placeholder, key.Placeholders);
            var allowed = key.Placeholders.Count == 0
                ? $"{key.Name} takes no placeholder: write the words as they are shown"
                : $"{key.Name} may use {string.Join(", ", key.Placeholders.Select(p => "{" + p + "}"))}";
            diagnostics.Add(PlanDiagnostics.UnknownPlaceholder.Create(
                span, $"'{{{placeholder}}}' in '{written}' is no placeholder of {key.Name}: it would be shown as it is written",
                (suggestion is null ? "" : $"did you mean '{{{suggestion}}}'? ") + allowed));
        }
    }

    private static void UnknownKey(string name, SourceSpan span, LabelKeys keys, string where, DiagnosticBag diagnostics)
    {
        var suggestion = DidYouMean.Suggest(name, keys.All.Where(k => k.ListLength is null).Select(k => k.Name));
        diagnostics.Add(PlanDiagnostics.UnknownLabel.Create(
            span, $"'{name}' in {where} is no label of the templates, so it would change nothing",
            (suggestion is null ? "" : $"did you mean '{suggestion}'? ") + $"the keys are declared in {keys.Display} and listed in docs/templates.md (Labels)"));
    }

    private static bool CheckForm(
        LabelKey key, string form, LabelSource source, IReadOnlyDictionary<string, LabelSource> at, PluralRules rules, string language,
        HashSet<string> reported, DiagnosticBag diagnostics)
    {
        if (!key.Plural)
        {
            if (reported.Add(key.Name))
            {
                diagnostics.Add(PlanDiagnostics.PluralFormsNotCounted.Create(
                    at.GetValueOrDefault(key.Name)?.Value ?? source.Value,
                    $"'{key.Name}' shows no count, so it has no plural forms",
                    $"write one text: {key.Name}: \"…\"; only the keys with a {{count}} (such as drivers_heading) take forms"));
            }

            return false;
        }

        if (!rules.Forms.Contains(form))
        {
            var suggestion = DidYouMean.Suggest(form, rules.Forms);
            diagnostics.Add(PlanDiagnostics.UnknownPluralForm.Create(
                source.Key,
                PluralRules.Categories.Contains(form)
                    ? $"'{form}' of '{key.Name}' is no plural form of '{language}'"
                    : $"'{form}' of '{key.Name}' is no plural form: the forms are named as in the CLDR ({string.Join(", ", PluralRules.Categories)})",
                (suggestion is null ? "" : $"did you mean '{suggestion}'? ") + $"the plural forms of '{language}' are {string.Join(", ", rules.Forms)}"));
            return false;
        }

        return true;
    }

    private static void CheckRequiredForms(LabelKey key, IReadOnlyDictionary<string, LabelSource> at, PluralRules rules, string language, DiagnosticBag diagnostics)
    {
        foreach (var form in rules.Required.Where(f => !at.ContainsKey($"{key.Name}.{f}")))
        {
            var example = Enumerable.Range(0, 100).FirstOrDefault(n => rules.FormOf(n) == form, 2);
            diagnostics.Add(PlanDiagnostics.PluralFormMissing.Create(
                at[key.Name].Value,
                $"'{key.Name}' has no '{form}' form, which '{language}' uses for a count of {example}",
                $"give every form of '{language}': {key.Name}: {{ {string.Join(", ", rules.Required.Select(f => f == "one" ? "one: \"1 …\"" : $"{f}: \"{{count}} …\""))} }}"));
        }
    }
}
