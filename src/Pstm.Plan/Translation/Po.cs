using System.Globalization;
using System.Text;
using Pstm.Diagnostics;
using Pstm.Plan.Labels;

namespace Pstm.Plan.Translation;

/// <summary>
/// GNU gettext PO for translators' tools (Poedit, Weblate, Lokalize, msgmerge): one entry per field, its
/// <c>msgctxt</c> the field's key (the id of its XLIFF unit), <c>msgid</c> the source text as the plan
/// writes it (Markdown: <c>**bold**</c> stays as it is), <c>msgstr</c> the translation, with extracted
/// comments (<c>#.</c>) naming the object, the field, where it is and what XLIFF's notes say, a
/// reference (<c>#:</c>) to its file and line, and <c>#, fuzzy</c> on a stale translation.
/// </summary>
public static class Po
{
    /// <summary>The width msgcat and msgmerge wrap at: a line holds at most this many characters.</summary>
    public const int Width = 79;

    /// <param name="planDirectory">The plan folder, which the references (<c>#: missions.yaml:27</c>) are relative to.</param>
    public static string Write(
        string planId, string planDirectory, string sourceLanguage, string locale, IReadOnlyList<TranslatableField> fields, IReadOnlyDictionary<string, TranslationEntry> translations)
    {
        var po = new StringBuilder();
        po.Append("# Translations of the plan '").Append(OneLine(planId)).Append("' from '").Append(sourceLanguage).Append("' into '").Append(locale).Append("'.\n");
        po.Append("# Written by pstm i18n extract; bring the translations back with pstm i18n import.\n");
        po.Append("# Each entry's msgctxt names the field it translates: keep it. A fuzzy entry is stale: its\n");
        po.Append("# source changed since it was translated; clear the flag once the translation is updated.\n");
        AppendString(po, "msgid", "");
        AppendString(po, "msgstr", Header(planId, sourceLanguage, locale));
        foreach (var field in fields)
        {
            po.Append('\n');
            var (objectName, fieldName) = Xliff.Describe(field.Key);
            var where = Reference(planDirectory, field.Span);
            translations.TryGetValue(field.Key, out var entry);
            var stale = entry is not null && entry.SourceHash != field.Hash;
            po.Append("#. ").Append(OneLine(objectName)).Append(", field ").Append(fieldName).Append(where is null ? "" : $" ({where})").Append('\n');
            if (field.Context is not null)
            {
                po.Append("#. ").Append(OneLine(field.Context)).Append('\n');
            }

            po.Append("#. source hash ").Append(field.Hash).Append('\n');
            if (stale)
            {
                po.Append("#. stale: the source text changed since this was translated\n");
            }

            // A reference is a word: a path with a space in it stays in the comment above only.
            if (where is not null && !where.Any(char.IsWhiteSpace))
            {
                po.Append("#: ").Append(where).Append('\n');
            }

            if (stale)
            {
                po.Append("#, fuzzy\n");
            }

            AppendString(po, "msgctxt", field.Key);
            AppendString(po, "msgid", field.Text);
            AppendString(po, "msgstr", entry?.Text ?? "");
        }

        return po.ToString();
    }

    /// <summary>
    /// The header entry: the fields msgfmt --check asks for (empty where a tool fills them in), UTF-8,
    /// the plural forms of the locale's language where pstm knows them, and the source language.
    /// </summary>
    private static string Header(string planId, string sourceLanguage, string locale)
    {
        var header = new StringBuilder()
            .Append("Project-Id-Version: ").Append(OneLine(planId)).Append('\n')
            .Append("PO-Revision-Date: \n")
            .Append("Last-Translator: \n")
            .Append("Language-Team: \n")
            .Append("Language: ").Append(GettextLanguage(locale)).Append('\n')
            .Append("MIME-Version: 1.0\n")
            .Append("Content-Type: text/plain; charset=UTF-8\n")
            .Append("Content-Transfer-Encoding: 8bit\n");
        if (PluralForms(locale) is { } plural)
        {
            header.Append("Plural-Forms: ").Append(plural).Append('\n');
        }

        return header.Append("X-Source-Language: ").Append(GettextLanguage(sourceLanguage)).Append('\n')
            .Append("X-Generator: pstm i18n extract\n")
            .ToString();
    }

    /// <summary>A locale as gettext writes it (<c>pt_BR</c> for the plan's <c>pt-BR</c>); import reads either.</summary>
    private static string GettextLanguage(string locale) => locale.Replace('-', '_');

    /// <summary>
    /// gettext's Plural-Forms for the languages whose rules pstm knows (<see cref="PluralRules"/>), for the
    /// tools that show them; null for another. pstm's own texts use no msgid_plural: a counted label's
    /// forms are entries of their own (<c>labels.drivers.one</c>, <c>labels.drivers.other</c>).
    /// </summary>
    public static string? PluralForms(string locale)
    {
        var dash = locale.IndexOf('-', StringComparison.Ordinal);
        var language = dash > 0 ? locale[..dash] : locale;
        if (!PluralRules.Languages.Contains(language, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        // For whole numbers below a million, the languages pstm knows take 'one' for 1, or for 0 and 1.
        return PluralRules.For(language).FormOf(0) == "one" ? "nplurals=2; plural=(n > 1);" : "nplurals=2; plural=(n != 1);";
    }

    /// <summary>Where the text is, relative to the plan folder: <c>missions.yaml:27</c>; null when not known.</summary>
    private static string? Reference(string planDirectory, SourceSpan span)
    {
        if (string.IsNullOrEmpty(span.File))
        {
            return null;
        }

        var relative = Path.GetRelativePath(Path.GetFullPath(planDirectory), Path.GetFullPath(span.File)).Replace('\\', '/');
        return span.HasPosition ? $"{relative}:{span.StartLine.ToString(CultureInfo.InvariantCulture)}" : relative;
    }

    /// <summary>
    /// <c>keyword "text"</c>, or, for a text that has a line break before its end or is longer than a line,
    /// <c>keyword ""</c> and the text as msgcat writes it: a line after each <c>\n</c>, and lines broken
    /// after a space so that none is wider than <see cref="Width"/>.
    /// </summary>
    private static void AppendString(StringBuilder po, string keyword, string text)
    {
        var escaped = Escape(text);
        var breaks = text.IndexOf('\n', StringComparison.Ordinal) is var at && at >= 0 && at < text.Length - 1;
        if (!breaks && keyword.Length + escaped.Length + 3 <= Width)
        {
            po.Append(keyword).Append(" \"").Append(escaped).Append("\"\n");
            return;
        }

        po.Append(keyword).Append(" \"\"\n");
        foreach (var line in Lines(text))
        {
            po.Append('"').Append(line).Append("\"\n");
        }
    }

    /// <summary>The escaped lines of a long text: one after each line feed, each broken after spaces to fit the width.</summary>
    private static IEnumerable<string> Lines(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            var line = new StringBuilder();
            foreach (var word in Words(text[start..end]))
            {
                var escaped = Escape(word);
                if (line.Length > 0 && line.Length + escaped.Length + 2 > Width)
                {
                    yield return line.ToString();
                    line.Clear();
                }

                line.Append(escaped);
            }

            yield return line.ToString();
            start = end;
        }
    }

    /// <summary>The text cut after each run of spaces: the places a line may break.</summary>
    private static IEnumerable<string> Words(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ' && (i + 1 == text.Length || text[i + 1] != ' '))
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    /// <summary>A text as a PO string's content: C's escapes for the backslash, the quote and the control characters.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\\' => @"\\",
                '"' => "\\\"",
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                '\a' => @"\a",
                '\b' => @"\b",
                '\f' => @"\f",
                '\v' => @"\v",
                _ when c < ' ' || c == '\x7F' => "\\" + Convert.ToString(c, 8).PadLeft(3, '0'),
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    // A comment is one line: a line break in a note would end it.
    private static string OneLine(string text) => text.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
