using System.Text;
using Pstm.Diagnostics;
using Pstm.Plan.Loading;

namespace Pstm.Plan.Translation;

/// <summary>
/// Reads back a PO file that <see cref="Po.Write"/> wrote and a translator's tool (Poedit, Weblate,
/// msgmerge) filled in, rewrapped or merged, for <see cref="TranslationImporter"/>. Strict: UTF-8 only,
/// the syntax of GNU gettext's PO files (comments, <c>msgctxt</c>, <c>msgid</c>, <c>msgstr</c>, strings
/// split over lines, C's escapes), each fault reported at its line and column. Obsolete entries
/// (<c>#~</c>) are not read; an entry with plural forms is refused, as pstm writes none.
/// </summary>
public static class PoReader
{
    /// <summary>The translations the file holds, through <paramref name="checks"/>; null when it cannot be read.</summary>
    internal static TranslationImport? Read(byte[] bytes, string display, ImportChecks checks, DiagnosticBag diagnostics)
    {
        if (SourceFileReader.Decode(bytes, display, diagnostics) is not { } text)
        {
            return null;
        }

        var found = new DiagnosticBag();
        var entries = new Parser(text, display, found).Entries();
        diagnostics.AddRange(found.ToSortedList());
        if (found.HasErrors)
        {
            return null;
        }

        var headers = entries.Where(e => e.Context is null && e.Id!.Text.Length == 0).ToList();
        foreach (var extra in headers.Skip(1))
        {
            diagnostics.Add(PlanDiagnostics.PoInvalid.Create(
                extra.Id!.Span(display), "a second header entry (an empty msgid without msgctxt): which one names the file's language is not known", "keep the one header pstm i18n extract wrote"));
        }

        if (headers.Count > 1 || Locale(headers.FirstOrDefault(), display, checks, diagnostics) is not { } locale)
        {
            return null;
        }

        foreach (var entry in entries.Where(e => !headers.Contains(e)))
        {
            Unit(entry, display, checks, diagnostics);
        }

        return checks.Result(locale);
    }

    /// <summary>The header's Language, when it and X-Source-Language are the plan's; its charset must be UTF-8.</summary>
    private static string? Locale(Entry? header, string display, ImportChecks checks, DiagnosticBag diagnostics)
    {
        if (header is null)
        {
            diagnostics.Add(PlanDiagnostics.XliffLanguage.Create(
                SourceSpan.At(display, 1, 1), "the file has no header entry (msgid \"\"), so it names no Language", "extract the file again with pstm i18n extract --format po: its header names the languages"));
            return null;
        }

        var fields = new Dictionary<string, (string Value, SourceSpan At)>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in header.Str!.Parts)
        {
            foreach (var line in part.Text.Split('\n'))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    fields.TryAdd(line[..colon].Trim(), (line[(colon + 1)..].Trim(), SourceSpan.At(display, part.Line, part.Column)));
                }
            }
        }

        var headerAt = header.Str.Span(display);
        if (fields.TryGetValue("Content-Type", out var type)
            && type.Value.Split(';').Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("charset=", StringComparison.OrdinalIgnoreCase)) is { } charset
            && !charset["charset=".Length..].Equals("UTF-8", StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Add(PlanDiagnostics.PoInvalid.Create(
                type.At, $"the file says it is written in {charset["charset=".Length..]}: pstm reads PO files in UTF-8 only", "save the file as UTF-8 (in Poedit: Catalogue, Properties, Source code charset UTF-8)"));
            return null;
        }

        var source = fields.TryGetValue("X-Source-Language", out var given) ? given : ((string Value, SourceSpan At)?)null;
        var hasTarget = fields.TryGetValue("Language", out var target);
        return checks.Locale(
            source is { } named ? Tag(named.Value) : checks.SourceLanguage, source?.At ?? headerAt, hasTarget ? Tag(target.Value) : "", hasTarget ? target.At : headerAt);
    }

    /// <summary>A gettext language (<c>pt_BR</c>) as the plan writes locales (<c>pt-BR</c>).</summary>
    private static string Tag(string language) => language.Replace('_', '-');

    private static void Unit(Entry entry, string display, ImportChecks checks, DiagnosticBag diagnostics)
    {
        var id = entry.Id!;
        if (entry.Context is not { } context)
        {
            var shown = id.Text.Length > 40 ? id.Text[..40] + "…" : id.Text;
            diagnostics.Add(PlanDiagnostics.XliffUnknownUnit.Create(
                id.Span(display), $"the entry of msgid \"{Po.Escape(shown)}\" has no msgctxt, so it is no field of the plan", "keep each entry's msgctxt as pstm i18n extract wrote it: it names the field"));
            return;
        }

        var span = context.Span(display);
        if (!checks.Admit(context.Text, span))
        {
            return;
        }

        var target = entry.Str!;
        if (target.Text.Length == 0)
        {
            checks.NotTranslated();
            return;
        }

        checks.Import(new ImportedUnit(context.Text, span, target.Span(display), [new ImportedReading(id.Text, target.Text)])
        {
            Fuzzy = entry.Fuzzy,
            Previous = entry.PreviousId is { } previous ? (entry.PreviousContext == context.Text ? null : entry.PreviousContext ?? "(none)", previous) : null,
        });
    }

    /// <summary>A string of the file, put together from its parts (one per line), and where each part starts.</summary>
    private sealed record PoString(string Text, int Line, int Column, IReadOnlyList<(string Text, int Line, int Column)> Parts)
    {
        public SourceSpan Span(string display) => SourceSpan.At(display, Line, Column);
    }

    private sealed class Entry
    {
        public bool Fuzzy { get; set; }

        public string? PreviousContext { get; set; }

        public string? PreviousId { get; set; }

        public PoString? Context { get; set; }

        public PoString? Id { get; set; }

        public PoString? Str { get; set; }

        /// <summary>Where the entry starts: its first comment or keyword.</summary>
        public (int Line, int Column) At { get; set; }

        public bool HasKeyword => Context is not null || Id is not null;
    }

    /// <summary>The file read line by line into entries; every fault is an error at its line and column.</summary>
    private sealed class Parser(string text, string display, DiagnosticBag diagnostics)
    {
        private readonly List<Entry> _entries = [];
        private Entry _entry = new();

        // The keyword whose string the next "…" line continues, and the parts read so far.
        private string? _open;
        private List<(string Text, int Line, int Column)> _parts = [];
        private (int Line, int Column) _openAt;

        public List<Entry> Entries()
        {
            // Lines as an editor counts them: \r\n, \r and \n each end one (a line break is no character of a string).
            var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
            for (var index = 0; index < lines.Length; index++)
            {
                Line(lines[index], index + 1);
                if (diagnostics.HasErrors)
                {
                    return [];
                }
            }

            Close();
            if (_entry.HasKeyword || _entry.Str is not null)
            {
                Finish();
            }

            return diagnostics.HasErrors ? [] : _entries;
        }

        private void Line(string line, int number)
        {
            var start = line.Length - line.TrimStart(' ', '\t').Length;
            var rest = line[start..];
            var column = start + 1;
            if (rest.Length == 0)
            {
                return;
            }

            if (rest[0] == '"')
            {
                if (_open is null || _open.StartsWith('#'))
                {
                    Error(number, column, "a string that continues no msgctxt, msgid or msgstr", "start the entry with its keyword: msgctxt \"…\", msgid \"…\", msgstr \"…\"");
                    return;
                }

                if (String(rest, number, column) is { } part)
                {
                    _parts.Add(part);
                }

                return;
            }

            if (rest.StartsWith("#|", StringComparison.Ordinal) && rest[2..].TrimStart(' ', '\t') is ['"', ..] continued)
            {
                // A previous msgid continued, as msgmerge wraps it.
                if (_open?.StartsWith('#') != true)
                {
                    Error(number, column, "a #| string that continues no #| msgctxt or #| msgid", "keep the #| lines msgmerge wrote, or remove them");
                }
                else if (String(continued, number, column + (rest.Length - continued.Length)) is { } more)
                {
                    _parts.Add(more);
                }

                return;
            }

            Close();
            if (rest.StartsWith("#~", StringComparison.Ordinal))
            {
                // An obsolete entry: the comments and flags before it were its own. One left half-written before it is a fault.
                if (_entry.HasKeyword && _entry.Str is null)
                {
                    Finish();
                    return;
                }

                StartIfDone(number, column);
                _entry = new Entry();
                return;
            }

            if (rest[0] == '#')
            {
                StartIfDone(number, column);
                if (!_entry.HasKeyword && _entry.At == default)
                {
                    _entry.At = (number, column);
                }

                if (rest.StartsWith("#,", StringComparison.Ordinal))
                {
                    _entry.Fuzzy |= rest[2..].Split(',').Any(f => f.Trim() == "fuzzy");
                }
                else if (rest.StartsWith("#|", StringComparison.Ordinal))
                {
                    Previous(rest, number, column);
                }

                return;
            }

            Keyword(rest, number, column);
        }

        /// <summary>A <c>#|</c> line: what msgmerge says the entry was translated from.</summary>
        private void Previous(string rest, int number, int column)
        {
            var body = rest[2..].TrimStart(' ', '\t');
            var at = column + (rest.Length - body.Length);
            var keyword = body.Split(' ', '\t')[0];
            if (keyword is not ("msgctxt" or "msgid" or "msgid_plural"))
            {
                Error(number, at, $"'{keyword}' is no keyword of a previous entry (#|): msgctxt, msgid or msgid_plural", "keep the #| lines msgmerge wrote, or remove them");
                return;
            }

            var value = body[keyword.Length..].TrimStart(' ', '\t');
            if (String(value, number, at + (body.Length - value.Length)) is { } part)
            {
                _open = "#|" + keyword;
                _openAt = (number, at);
                _parts = [part];
            }
        }

        private void Keyword(string rest, int number, int column)
        {
            var keyword = rest.Split(' ', '\t', '"')[0];
            switch (keyword)
            {
                case "msgctxt" or "msgid" when _entry.Id is not null && _entry.Str is null:
                    Error(_entry.Id.Line, _entry.Id.Column, "a msgid without msgstr", "give each msgid its msgstr, \"\" while it is not translated");
                    return;
                case "msgctxt":
                    StartIfDone(number, column);
                    if (_entry.HasKeyword)
                    {
                        Error(number, column, "msgctxt after this entry's msgctxt or msgid: it comes first, once", "write msgctxt, msgid and msgstr once each, in that order");
                        return;
                    }

                    break;
                case "msgid":
                    StartIfDone(number, column);
                    break;
                case "msgstr":
                    if (_entry.Id is null || _entry.Str is not null)
                    {
                        Error(number, column, _entry.Id is null ? "msgstr without a msgid before it" : "a second msgstr in one entry", "write msgctxt, msgid and msgstr once each, in that order");
                        return;
                    }

                    break;
                case "msgid_plural":
                    Error(number, column, "an entry with plural forms (msgid_plural): pstm writes none, a counted label's forms being entries of their own", "keep the entries pstm i18n extract wrote");
                    return;
                default:
                    Error(
                        number,
                        column,
                        keyword.StartsWith("msgstr[", StringComparison.Ordinal) ? "a plural form (msgstr[n]): pstm writes none, a counted label's forms being entries of their own" : $"'{Printable(keyword)}' is no keyword of a PO file",
                        "a PO entry is made of comments (#), msgctxt, msgid and msgstr, each with its string in double quotes");
                    return;
            }

            if (_entry.At == default)
            {
                _entry.At = (number, column);
            }

            var value = rest[keyword.Length..].TrimStart(' ', '\t');
            if (String(value, number, column + (rest.Length - value.Length)) is { } part)
            {
                _open = keyword;
                _openAt = (number, column);
                _parts = [part];
            }
        }

        /// <summary>Starts a new entry when the current one has its msgstr: a comment or msgctxt or msgid after it begins the next.</summary>
        private void StartIfDone(int number, int column)
        {
            if (_entry.Str is not null)
            {
                Finish();
                _entry = new Entry { At = (number, column) };
            }
        }

        /// <summary>Ends the string being read, giving it to its keyword.</summary>
        private void Close()
        {
            if (_open is null)
            {
                return;
            }

            var value = new PoString(string.Concat(_parts.Select(p => p.Text)), _openAt.Line, _openAt.Column, _parts);
            var text = value.Text;
            switch (_open)
            {
                case "msgctxt":
                    _entry.Context = value;
                    break;
                case "msgid":
                    _entry.Id = value;
                    break;
                case "msgstr":
                    _entry.Str = value;
                    break;
                case "#|msgctxt":
                    _entry.PreviousContext = text;
                    break;
                case "#|msgid":
                    _entry.PreviousId = text;
                    break;
            }

            _open = null;
        }

        private void Finish()
        {
            if (_entry.Id is null)
            {
                Error(_entry.At.Line, _entry.At.Column, "an entry without msgid", "give each entry its msgid and msgstr");
                return;
            }

            if (_entry.Str is null)
            {
                Error(_entry.Id.Line, _entry.Id.Column, "a msgid without msgstr", "give each msgid its msgstr, \"\" while it is not translated");
                return;
            }

            _entries.Add(_entry);
        }

        /// <summary>A string in double quotes at <paramref name="column"/>, its escapes undone; null after reporting a fault.</summary>
        private (string Text, int Line, int Column)? String(string rest, int number, int column)
        {
            if (rest.Length == 0 || rest[0] != '"')
            {
                Error(number, column, "a string in double quotes was expected here", "write the text as \"…\", escaping \" and \\ as \\\" and \\\\");
                return null;
            }

            var value = new StringBuilder();
            var i = 1;
            for (; i < rest.Length && rest[i] != '"'; i++)
            {
                if (rest[i] != '\\')
                {
                    value.Append(rest[i]);
                    continue;
                }

                if (Escape(rest, ref i, number, column) is not { } escaped)
                {
                    return null;
                }

                value.Append(escaped);
            }

            if (i >= rest.Length)
            {
                Error(number, column, "the string is not closed on its line", "end the string with \" on the same line; a long text continues as a string on the next line");
                return null;
            }

            if (rest[(i + 1)..].Trim(' ', '\t').Length > 0)
            {
                Error(number, column + i + 1, "text after the string's closing quote", "put nothing after the closing \" but spaces; a long text continues as a string on the next line");
                return null;
            }

            return (value.ToString(), number, column);
        }

        /// <summary>The character the escape at <c>rest[i]</c> (a backslash) stands for; <paramref name="i"/> is left on its last character.</summary>
        private char? Escape(string rest, ref int i, int number, int column)
        {
            var at = column + i;
            if (i + 1 >= rest.Length)
            {
                Error(number, at, "a backslash at the end of the line", "write a backslash as \\\\");
                return null;
            }

            var c = rest[++i];
            switch (c)
            {
                case 'n': return '\n';
                case 't': return '\t';
                case 'r': return '\r';
                case 'a': return '\a';
                case 'b': return '\b';
                case 'f': return '\f';
                case 'v': return '\v';
                case '\\' or '"' or '\'' or '?': return c;
            }

            var (digits, radix) = c is >= '0' and <= '7' ? (rest[i..].TakeWhile(d => d is >= '0' and <= '7').Take(3), 8)
                : c == 'x' ? (rest[(i + 1)..].TakeWhile(Uri.IsHexDigit).Take(2), 16)
                : (Enumerable.Empty<char>(), 0);
            var code = string.Concat(digits);
            if (radix == 0 || code.Length == 0)
            {
                Error(number, at, $"'\\{Printable(c.ToString())}' is no escape of a PO string", "the escapes are \\n, \\t, \\\" and \\\\ (and C's others); write any other character as it is");
                return null;
            }

            var value = Convert.ToInt32(code, radix);

            if (value > 0x7F)
            {
                Error(number, at, $"the escape '\\{(radix == 16 ? "x" : "")}{code}' is a byte of a character's UTF-8: pstm reads such characters only as they are", "write the character itself, in UTF-8");
                return null;
            }

            i += code.Length - (radix == 8 ? 1 : 0);
            return (char)value;
        }

        private void Error(int line, int column, string message, string hint) =>
            diagnostics.Add(PlanDiagnostics.PoInvalid.Create(SourceSpan.At(display, line, column), $"the file is not a PO file pstm can read: {message}", hint));

        private static string Printable(string text) => text.Length > 20 ? text[..20] + "…" : text;
    }
}
