using Pstm.Diagnostics;
using Pstm.Plan.Loading;
using Pstm.Plan.Yaml;

namespace Pstm.Plan.Translation;

/// <summary>One translated text: what it says, the hash of the source text it was made from, and where it is written.</summary>
public sealed record TranslationEntry(string Key, string Text, string SourceHash, SourceSpan Span)
{
    /// <summary>Where the translated text is written, when it is known: for the checks of its placeholders.</summary>
    public SourceSpan TextSpan { get; init; }
}

/// <summary>
/// The translations of a plan into one locale: <c>translations/&lt;locale&gt;.yaml</c> in the plan
/// folder, with an entry per field (<c>missions.M2.title: { source: HASH, text: … }</c>).
/// </summary>
public sealed class TranslationFile
{
    public const string Folder = "translations";

    private TranslationFile(string locale, string path, string displayPath, IReadOnlyDictionary<string, TranslationEntry> entries)
    {
        Locale = locale;
        Path = path;
        DisplayPath = displayPath;
        Entries = entries;
    }

    public string Locale { get; }

    /// <summary>The file's full path, whether or not it exists.</summary>
    public string Path { get; }

    public string DisplayPath { get; }

    public IReadOnlyDictionary<string, TranslationEntry> Entries { get; }

    /// <summary>
    /// The translations with the entries of renamed ids (<c>renamed: { M1.4: M2.9 }</c> in plan.yaml)
    /// under the new ids, so that a rename does not lose its translations: each such entry is reported
    /// (PSTM0808) so that its key can be renamed too. An entry already under the new id wins.
    /// </summary>
    public TranslationFile FollowingRenames(IReadOnlyDictionary<string, string> renamed, DiagnosticBag diagnostics)
    {
        if (renamed.Count == 0)
        {
            return this;
        }

        var entries = new Dictionary<string, TranslationEntry>(Entries, StringComparer.Ordinal);
        foreach (var entry in Entries.Values.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            // Keys are COLLECTION.ID.FIELD, and ids may hold dots (M1.4).
            var (first, last) = (entry.Key.IndexOf('.', StringComparison.Ordinal), entry.Key.LastIndexOf('.'));
            if (first < 0 || last <= first || !renamed.TryGetValue(entry.Key[(first + 1)..last], out var newId))
            {
                continue;
            }

            var key = $"{entry.Key[..first]}.{newId}{entry.Key[last..]}";
            if (entries.TryAdd(key, entry with { Key = key }))
            {
                entries.Remove(entry.Key);
                diagnostics.Add(PlanDiagnostics.TranslationRenamed.Create(
                    entry.Span,
                    $"the '{Locale}' translation of {entry.Key} is used for {key}: {entry.Key[(first + 1)..last]} was renamed {newId}",
                    $"rename the key to {key}"));
            }
        }

        return new TranslationFile(Locale, Path, DisplayPath, entries);
    }

    public static string PathFor(string planDirectory, string locale) =>
        System.IO.Path.Combine(planDirectory, Folder, locale + ".yaml");

    /// <summary>
    /// The translations of <paramref name="locale"/>; none when the file does not exist yet, or when it
    /// links outside the plan folder (PSTM0007: a plan reads only its own files).
    /// </summary>
    /// <param name="sources">When given, the file's text joins them, so that diagnostics can quote its lines.</param>
    public static TranslationFile Load(string planDirectory, string locale, string displayRoot, DiagnosticBag diagnostics, SourceSet? sources = null)
    {
        var path = PathFor(planDirectory, locale);
        var display = PlanLoader.DisplayPath(displayRoot, path);
        if (!PlanBoundary.Contains(planDirectory, path))
        {
            diagnostics.Add(PlanDiagnostics.IncludeOutsidePlan.Create(
                SourceSpan.ForFile(display),
                $"{display} links to a place outside the plan folder; a plan may use only its own files, so it is not read",
                "copy the translation file into the plan's translations folder instead of linking to it"));
            return new TranslationFile(locale, path, display, new Dictionary<string, TranslationEntry>(StringComparer.Ordinal));
        }

        if (File.Exists(path) && SourceFileReader.Read(path, display, diagnostics) is { } text)
        {
            sources?.Add(new SourceFile(display, System.IO.Path.GetFullPath(path), text));
            return Parse(text, locale, path, display, diagnostics);
        }

        return new TranslationFile(locale, path, display, new Dictionary<string, TranslationEntry>(StringComparer.Ordinal));
    }

    /// <summary>The translations that <paramref name="text"/>, the text of the file at <paramref name="path"/>, holds.</summary>
    public static TranslationFile Parse(string text, string locale, string path, string display, DiagnosticBag diagnostics)
    {
        var entries = new Dictionary<string, TranslationEntry>(StringComparer.Ordinal);
        if (YamlDocumentReader.Read(display, text, diagnostics, emptyIsError: false) is not { } root
            || MappingReader.Open(root, $"translation file {display}", diagnostics) is not { } fields)
        {
            return new TranslationFile(locale, path, display, entries);
        }

        var language = fields.RequiredText("language");
        if (language.Length > 0 && language != locale)
        {
            diagnostics.Add(PlanDiagnostics.TranslationLanguage.Create(
                fields.Node("language")!.Span,
                $"{display} says it is in '{language}', but it is the file of '{locale}'",
                $"set language: {locale}, or move the file to {Folder}/{language}.yaml"));
        }

        foreach (var entry in fields.Mapping("entries")?.Entries ?? [])
        {
            if (MappingReader.Open(entry.Value, $"translation '{entry.Key.Value}'", diagnostics) is not { } item)
            {
                continue;
            }

            var source = item.OptionalText("source") ?? "";
            var translated = TranslatableFields.IsMarkdown(entry.Key.Value) ? item.OptionalMarkdown("text") : item.OptionalText("text");
            var textSpan = item.Node("text")?.Span ?? entry.Key.Span;
            item.Finish();
            if (translated is not null)
            {
                entries[entry.Key.Value] = new TranslationEntry(entry.Key.Value, translated, source, entry.Key.Span) { TextSpan = textSpan };
            }
        }

        fields.Finish();
        return new TranslationFile(locale, path, display, entries);
    }
}
