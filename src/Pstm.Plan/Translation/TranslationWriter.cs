using System.Text;

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

    /// <summary>The comment lines at the top of an existing translation file, to keep them on a rewrite.</summary>
    public static string? HeaderOf(string path) =>
        File.Exists(path)
            ? string.Concat(File.ReadLines(path).TakeWhile(l => l.StartsWith('#')).Select(l => l + "\n"))
            : null;

    /// <summary>A YAML double-quoted scalar: safe for any text, emphasis and colons included.</summary>
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
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    private static string OneLine(string text)
    {
        var line = text.Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ⏎ ", StringComparison.Ordinal);
        return line.Length <= 160 ? line : line[..157] + "…";
    }
}
