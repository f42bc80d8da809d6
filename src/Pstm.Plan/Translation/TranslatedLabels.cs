using Pstm.Diagnostics;
using Pstm.Plan.Labels;

namespace Pstm.Plan.Translation;

/// <summary>The checks of a translation file's <c>labels.*</c> entries: the placeholders their key declares, and "did you mean" for a misspelt one.</summary>
internal static class TranslatedLabels
{
    private const string Prefix = "labels.";

    /// <summary>Reports a placeholder of a translated label that its key does not declare, at the translated text.</summary>
    public static void Check(IEnumerable<TranslationEntry> entries, LabelKeys keys, DiagnosticBag diagnostics)
    {
        foreach (var entry in entries.Where(e => e.Key.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var label = entry.Key[Prefix.Length..];
            if (keys.Find(label.Split('.', 2)[0]) is { } key)
            {
                LabelRules.CheckPlaceholders(label, key, entry.Text, entry.TextSpan.HasPosition ? entry.TextSpan : entry.Span, diagnostics);
            }
        }
    }

    /// <summary>
    /// Checks the imported target of the field <paramref name="fieldKey"/>, when it is a label, as the build
    /// checks the translation file: false, after reporting it at <paramref name="span"/>, when it uses a
    /// placeholder its key does not declare.
    /// </summary>
    public static bool CheckTarget(string fieldKey, string text, SourceSpan span, LabelKeys keys, DiagnosticBag diagnostics)
    {
        if (!fieldKey.StartsWith(Prefix, StringComparison.Ordinal) || keys.Find(fieldKey[Prefix.Length..].Split('.', 2)[0]) is not { } key)
        {
            return true;
        }

        var found = new DiagnosticBag();
        LabelRules.CheckPlaceholders(fieldKey[Prefix.Length..], key, text, span, found);
        diagnostics.AddRange(found.ToSortedList());
        return !found.HasErrors;
    }

    /// <summary>An entry for a label no templates declare: an error, as it is in the plan's labels; null for any other entry.</summary>
    public static Diagnostic? UndeclaredKey(TranslationEntry entry, LabelKeys keys)
    {
        if (!entry.Key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var name = entry.Key[Prefix.Length..].Split('.', 2)[0];
        if (keys.Find(name) is not null)
        {
            return null;
        }

        var suggestion = DidYouMean.Suggest(name, keys.All.Where(k => k.ListLength is null).Select(k => k.Name));
        return PlanDiagnostics.UnknownLabel.Create(
            entry.Span, $"'{name}' of {entry.Key} is no label of the templates, so it would change nothing",
            (suggestion is null ? "" : $"did you mean '{Prefix}{suggestion}'? ") + $"the keys are declared in {keys.Display} and listed in docs/templates.md (Labels)");
    }

    /// <summary>The hint for an entry of no field that names a label: the label it was meant for, or that the plan must set it first.</summary>
    public static string? UnknownEntryHint(string key, IReadOnlySet<string> known)
    {
        if (!key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        return DidYouMean.Suggest(key, known.Where(k => k.StartsWith(Prefix, StringComparison.Ordinal))) is { } suggestion
            ? $"did you mean '{suggestion}'? a translation file translates only the labels plan.yaml sets"
            : $"a translation file translates only the labels plan.yaml sets: set '{key[Prefix.Length..]}' in its labels first, or remove the entry";
    }
}
