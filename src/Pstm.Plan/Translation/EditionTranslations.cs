using Pstm.Diagnostics;
using Pstm.Plan.Loading;
using Pstm.Plan.Model;

namespace Pstm.Plan.Translation;

/// <summary>
/// Reads the translation files a build reads, one per locale it makes, and reports what is wrong in
/// them as the build reports it: syntax, unknown keys, missing and stale texts. A file in
/// <c>translations/</c> that no build reads (a locale the plan does not declare) is reported too.
/// </summary>
public static class EditionTranslations
{
    public static IReadOnlyList<PlanEdition> Make(
        StrategicPlan plan, string planDirectory, IEnumerable<string> locales, string displayRoot, bool strict, SourceSet sources, DiagnosticBag diagnostics,
        Labels.LabelKeys? labelKeys = null)
    {
        var editions = new List<PlanEdition>();
        foreach (var locale in locales.Distinct(StringComparer.Ordinal))
        {
            if (locale == plan.Language)
            {
                editions.Add(new PlanEdition(locale, plan, null));
                continue;
            }

            var reading = new DiagnosticBag();
            var file = TranslationFile.Load(planDirectory, locale, displayRoot, reading, sources);
            diagnostics.AddRange(reading.ToSortedList());

            // A file that could not be read is one error, not also every one of its texts missing.
            var (edition, status) = Translator.Apply(plan, file, strict, reading.HasErrors ? new DiagnosticBag() : diagnostics, labelKeys);
            editions.Add(new PlanEdition(locale, edition, status));
        }

        return editions;
    }

    /// <summary>Reports each translation file that no edition of the plan reads (PSTM0820).</summary>
    public static void ReportUnread(StrategicPlan plan, string planDirectory, string displayRoot, DiagnosticBag diagnostics)
    {
        var folder = Path.Combine(planDirectory, TranslationFile.Folder);
        if (!Directory.Exists(folder) || !PlanBoundary.Contains(planDirectory, folder))
        {
            return;
        }

        foreach (var path in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var locale = Path.GetFileNameWithoutExtension(path);
            if (plan.Locales.Contains(locale) && locale != plan.Language)
            {
                continue;
            }

            // A near miss (en-gb for en-GB) is most likely the file meant for a declared locale.
            var meant = DidYouMean.Suggest(locale, plan.Locales.Where(l => l != plan.Language));
            var display = PlanLoader.DisplayPath(displayRoot, path);
            var message = locale == plan.Language
                ? $"{display} translates the plan into '{locale}', its own language: no build reads it"
                : $"{display} translates the plan into '{locale}', which is not among its locales ({string.Join(", ", plan.Locales)}): no build reads it";
            var hint = meant is not null
                ? $"did you mean '{meant}'? rename the file to {TranslationFile.Folder}/{meant}.yaml"
                : locale == plan.Language
                    ? "remove the file: the source language's texts are the plan's own"
                    : $"add '{locale}' to 'locales' in plan.yaml to build it, or remove the file";
            diagnostics.Add(PlanDiagnostics.TranslationNotRead.Create(SourceSpan.ForFile(display), message, hint));
        }
    }
}
