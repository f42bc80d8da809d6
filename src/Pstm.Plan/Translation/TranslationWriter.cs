using System.Globalization;
using System.Text;
using Pstm.Diagnostics;

namespace Pstm.Plan.Translation;

/// <summary>
/// Writes a locale's translation file: every field of the plan in plan order, the source text as a
/// comment for the translator, the hash of that text, and the translation (<c>~</c> while missing).
/// </summary>
public static class TranslationWriter
{
    /// <param name="header">The comment lines that open the file; null for the default ones (a rewrite keeps the editor's).</param>
    public static string Write(
        string locale, string sourceLanguage, IReadOnlyList<TranslatableField> fields, IReadOnlyDictionary<string, TranslationEntry> translations, string? header = null)
    {
        var yaml = new StringBuilder();
        yaml.Append(header ?? Schema.JsonSchemaWriter.ModelineFor(Schema.JsonSchemaWriter.TranslationSchemaFile, "../" + Schema.JsonSchemaWriter.Folder) + "\n"
            + $"# Translations of the plan into '{locale}', one entry per field of the plan.\n"
            + $"# 'source' is the hash of the {sourceLanguage} text translated: pstm warns when that text changes.\n");
        yaml.Append("language: ").Append(locale).Append('\n');
        yaml.Append("entries:\n");
        foreach (var field in fields)
        {
            yaml.Append("  ").Append(field.Key).Append(":\n");
            yaml.Append("    # ").Append(sourceLanguage).Append(": ").Append(OneLine(field.Text)).Append('\n');
            if (translations.TryGetValue(field.Key, out var entry))
            {
                yaml.Append("    source: ").Append(entry.SourceHash).Append('\n');
                yaml.Append("    text: ").Append(Quote(entry.Text)).Append('\n');
            }
            else
            {
                yaml.Append("    source: ").Append(field.Hash).Append('\n');
                yaml.Append("    text: ~\n");
            }
        }

        return yaml.ToString();
    }

    /// <summary>
    /// Writes the translation file at <paramref name="path"/> through <paramref name="writer"/>: safely,
    /// and only when the file read back holds exactly the translations meant (PSTM0015 otherwise).
    /// </summary>
    /// <returns>False, with the reasons in <paramref name="diagnostics"/>, when the old file is left as it was.</returns>
    public static bool WriteFile(
        PlanFileWriter writer, string path, string locale, string sourceLanguage, IReadOnlyList<TranslatableField> fields,
        IReadOnlyDictionary<string, TranslationEntry> translations, DiagnosticBag diagnostics, string? header = null)
    {
        // What the file must hold: the entries of the plan's fields, their texts with line ends as '\n'.
        var meant = fields.Where(f => translations.ContainsKey(f.Key))
            .ToDictionary(f => f.Key, f => (Text: translations[f.Key].Text.Replace("\r", "", StringComparison.Ordinal), translations[f.Key].SourceHash), StringComparer.Ordinal);
        return writer.Write(path, Write(locale, sourceLanguage, fields, translations, header), diagnostics, (text, display, problems) =>
        {
            var parsed = new DiagnosticBag();
            var read = TranslationFile.Parse(text, locale, path, display, parsed).Entries;
            var differs = meant.Keys.Concat(read.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).FirstOrDefault(key =>
                !meant.TryGetValue(key, out var expected) || !read.TryGetValue(key, out var entry) || entry.Text != expected.Text || entry.SourceHash != expected.SourceHash);
            if (differs is null && !parsed.HasErrors)
            {
                return true;
            }

            problems.Add(PlanDiagnostics.FileReadsBackDifferently.Create(
                SourceSpan.ForFile(display),
                differs is null
                    ? $"{display} would not read back as written: {parsed.ToSortedList().First(d => d.IsError).Message}; nothing was written"
                    : $"{display} would not read back as written: the translation of {differs} would change; nothing was written",
                "this is a text pstm cannot store in a translation file: look for invisible characters in it"));
            return false;
        });
    }

    /// <summary>The comment lines at the top of an existing translation file, to keep them on a rewrite.</summary>
    public static string? HeaderOf(string path) =>
        File.Exists(path)
            ? string.Concat(File.ReadLines(path).TakeWhile(l => l.StartsWith('#')).Select(l => l + "\n"))
            : null;

    /// <summary>
    /// A YAML double-quoted scalar: safe for any text, emphasis and colons included. Characters a plan
    /// file may not hold as they are (controls, line separators, byte-order marks) are written as
    /// escapes such as <c>\u2028</c>, which read back as the character itself.
    /// </summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when NeedsEscape(c) => Escape(c),
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    // The characters that CharacterCheck refuses in a plan file's text.
    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF';

    private static string Escape(char c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);

    // A comment holds the text as it is, but for the characters a plan file may not hold.
    private static string OneLine(string text)
    {
        var line = string.Concat(text.Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ⏎ ", StringComparison.Ordinal)
            .Select(c => NeedsEscape(c) ? Escape(c) : c.ToString()));
        // Cut between characters, never inside a surrogate pair.
        var cut = line.Length > 157 && char.IsHighSurrogate(line[156]) ? 156 : 157;
        return line.Length <= 160 ? line : line[..cut] + "…";
    }
}
