using Pstm.Diagnostics;
using Pstm.Plan.Loading;
using Pstm.Plan.Translation;

namespace Pstm.PlanGenerator;

/// <summary>Writes a complete, current translation of a generated plan, as the shipped plan has one for English.</summary>
public static class TranslationGenerator
{
    /// <summary>The text each field gets: its source with a marker, so that the editions differ and generation stays deterministic.</summary>
    public static string Translate(string locale, string text) => $"{locale.ToUpperInvariant()} {text}";

    /// <summary>Writes <c>translations/&lt;locale&gt;.yaml</c>, every field translated from its current source text.</summary>
    public static void Write(string planFolder, string locale)
    {
        // Loaded with pstm's own loader: the keys and the source hashes are then exactly those pstm checks.
        var loaded = PlanLoader.Load(planFolder, planFolder);
        if (loaded.Plan is not { } plan || loaded.Diagnostics.Any(d => d.IsError))
        {
            var first = loaded.Diagnostics.FirstOrDefault(d => d.IsError);
            throw new InvalidOperationException($"the generated plan in {planFolder} does not load: {first?.Message}");
        }

        var fields = TranslatableFields.Of(plan);
        var entries = fields.ToDictionary(
            f => f.Key,
            f => new TranslationEntry(f.Key, Translate(locale, f.Text), f.Hash, SourceSpan.ForFile(f.Key)),
            StringComparer.Ordinal);
        var header = $"# Translations of the synthetic plan into '{locale}', written by Pstm.PlanGenerator.\n";
        var path = TranslationFile.PathFor(planFolder, locale);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, TranslationWriter.Write(locale, plan.Language, fields, entries, header));
    }
}
