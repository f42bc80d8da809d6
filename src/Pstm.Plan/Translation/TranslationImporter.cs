using System.Text;
using Pstm.Diagnostics;
using Pstm.Plan.Labels;
using Pstm.Plan.Loading;

namespace Pstm.Plan.Translation;

/// <summary>The formats pstm exchanges texts with translators' tools in.</summary>
public enum ExchangeFormat
{
    /// <summary>XLIFF 2.0 (<c>.xlf</c>).</summary>
    Xliff,

    /// <summary>GNU gettext PO (<c>.po</c>).</summary>
    Po,
}

/// <summary>What a file of a translator's tool brings back: its locale, the translations to import, how many of them are stale, and how many units it leaves as they were.</summary>
public sealed record TranslationImport(ExchangeFormat Format, string Locale, IReadOnlyDictionary<string, TranslationEntry> Entries, int NotTranslated, int Stale);

/// <summary>
/// Reads back a file that <c>pstm i18n extract</c> wrote and a translator's tool filled in: XLIFF 2.0
/// (<see cref="XliffReader"/>) or PO (<see cref="PoReader"/>), each reader giving its units to the same
/// checks (<see cref="ImportChecks"/>). The file is untrusted: a size limit, and every unit checked before
/// anything is imported.
/// </summary>
public static class TranslationImporter
{
    /// <summary>Bytes of a file to import: the size of a whole plan (the 1000× benchmark plan's XLIFF is about 25 MB).</summary>
    public const int MaxFileBytes = 64 * 1024 * 1024;

    /// <summary>The format a file is in: by its first character (<c>&lt;</c> opens XLIFF, PO's words and comments do not), else by its extension.</summary>
    public static ExchangeFormat FormatOf(string path, ReadOnlySpan<byte> bytes)
    {
        var text = bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;
        var first = text.IndexOfAnyExcept(" \t\r\n"u8);
        if (first >= 0 && text[first] == (byte)'<')
        {
            return ExchangeFormat.Xliff;
        }

        if (first >= 0 && (text[first] == (byte)'#' || text[first..].StartsWith("msg"u8)))
        {
            return ExchangeFormat.Po;
        }

        return FormatOfName(path) ?? ExchangeFormat.Xliff;
    }

    /// <summary>The format a file's extension names (<c>.xlf</c>, <c>.xliff</c>; <c>.po</c>, <c>.pot</c>), or null.</summary>
    public static ExchangeFormat? FormatOfName(string path) =>
        Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".po" or ".pot" => ExchangeFormat.Po,
            ".xlf" or ".xliff" => ExchangeFormat.Xliff,
            _ => null,
        };

    /// <summary>The translations the file holds, or null when it cannot be imported (the reasons are in <paramref name="diagnostics"/>).</summary>
    public static TranslationImport? Read(
        string path, string display, string sourceLanguage, IReadOnlyList<string> locales, IReadOnlyDictionary<string, TranslatableField> fields, DiagnosticBag diagnostics)
    {
        var found = new DiagnosticBag();
        TranslationImport? imported = null;
        if (Load(path, display, found) is { } bytes)
        {
            var format = FormatOf(path, bytes);
            var checks = new ImportChecks(display, format, sourceLanguage, locales, fields, found);
            imported = format == ExchangeFormat.Po ? PoReader.Read(bytes, display, checks, found) : XliffReader.Read(bytes, display, checks, found);
        }

        // A file of a million repeated units says the same a million times. Past the limit, warnings
        // (a big plan's targets left in state initial) still import: the cut is then no error either.
        var capped = DiagnosticLimit.Cap(found.ToSortedList());
        diagnostics.AddRange(found.HasErrors ? capped : capped.Select(d => d.Code == PlanDiagnostics.TooManyProblems.Code ? d with { Severity = Severity.Warning } : d));
        return found.HasErrors ? null : imported;
    }

    private static byte[]? Load(string path, string display, DiagnosticBag diagnostics)
    {
        byte[]? bytes;
        try
        {
            bytes = SourceFileReader.ReadAtMost(path, MaxFileBytes);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(PlanDiagnostics.FileUnreadable.Create(SourceSpan.At(display, 1, 1), $"the file cannot be read: {exception.Message}", "check that the file exists and that you may read it"));
            return null;
        }

        if (bytes is null)
        {
            diagnostics.Add(PlanDiagnostics.FileTooLarge.Create(
                SourceSpan.At(display, 1, 1),
                $"the file is larger than {MaxFileBytes / (1024 * 1024)} MiB, the limit for a file to import (a whole plan's texts)",
                "import the file pstm i18n extract wrote, as the translation tool saved it"));
        }

        return bytes;
    }
}

/// <summary>
/// The checks every imported unit goes through, whichever format it came in: its language, its id (known,
/// once), its target (characters a plan may hold, one line where the field is, the placeholders its
/// label declares), and whether its source is the plan's text, which decides the hash recorded with it.
/// </summary>
internal sealed class ImportChecks
{
    private readonly string _display;
    private readonly ExchangeFormat _format;
    private readonly string _sourceLanguage;
    private readonly IReadOnlyList<string> _locales;
    private readonly IReadOnlyDictionary<string, TranslatableField> _fields;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, SourceSpan> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TranslationEntry> _entries = new(StringComparer.Ordinal);
    private int _notTranslated;
    private int _stale;

    internal ImportChecks(
        string display, ExchangeFormat format, string sourceLanguage, IReadOnlyList<string> locales, IReadOnlyDictionary<string, TranslatableField> fields, DiagnosticBag diagnostics)
    {
        (_display, _format, _sourceLanguage, _locales, _fields, _diagnostics) = (display, format, sourceLanguage, locales, fields, diagnostics);
    }

    /// <summary>The plan's language, which a PO file may leave unsaid.</summary>
    internal string SourceLanguage => _sourceLanguage;

    /// <summary>What a unit is called in the file's format: an XLIFF unit, a PO entry.</summary>
    internal string Noun => _format == ExchangeFormat.Po ? "entry" : "unit";

    private string KeepIds => _format == ExchangeFormat.Po ? "keep each entry's msgctxt as pstm i18n extract wrote it: it names the field" : "keep the unit ids pstm i18n extract wrote";

    /// <summary>
    /// The locale the file translates into, when its languages are the plan's: <paramref name="source"/>
    /// its source language (the plan's when the format may leave it unsaid), <paramref name="target"/> its
    /// target; null after reporting at the one that is wrong.
    /// </summary>
    internal string? Locale(string? source, SourceSpan sourceAt, string? target, SourceSpan targetAt)
    {
        var again = $"extract the file again with pstm i18n extract --locale{(_format == ExchangeFormat.Po ? " and --format po" : "")}";
        var problem =
            source != _sourceLanguage || string.IsNullOrEmpty(target) ? ($"the file translates '{source}' into '{target}', but the plan is written in '{_sourceLanguage}'", again)
            : target == _sourceLanguage ? ($"the file translates into '{target}', the plan's own language", $"extract the file with pstm i18n extract --locale and one of the plan's other locales ({string.Join(", ", _locales.Where(l => l != _sourceLanguage))})")
            : !_locales.Contains(target, StringComparer.Ordinal) ? ($"the file translates into '{target}', which the plan does not declare", "start the locale with pstm i18n add, then import")
            : ((string, string)?)null;
        if (problem is { } refused)
        {
            _diagnostics.Add(PlanDiagnostics.XliffLanguage.Create(source == _sourceLanguage ? targetAt : sourceAt, refused.Item1, refused.Item2));
            return null;
        }

        return target;
    }

    /// <summary>Whether the unit <paramref name="key"/> is to be read: a field of the plan, not seen before (each reported otherwise).</summary>
    internal bool Admit(string key, SourceSpan span)
    {
        if (!_seen.TryAdd(key, span))
        {
            _diagnostics.Add(PlanDiagnostics.XliffDuplicateUnit.Create(
                span,
                $"{Noun} '{key}' comes a second time (first at {_seen[key]}): which of the two to import is not known",
                $"keep one {Noun} per field, as pstm i18n extract wrote it"));
            return false;
        }

        if (!_fields.ContainsKey(key))
        {
            _diagnostics.Add(PlanDiagnostics.XliffUnknownUnit.Create(span, $"{Noun} '{key}' is no field of the plan", KeepIds));
            return false;
        }

        return true;
    }

    /// <summary>A unit left as it was: no target, or one not marked translated.</summary>
    internal void NotTranslated() => _notTranslated++;

    /// <summary>
    /// Takes the unit's target, once checked, with the hash of the text it translates. The reading taken is
    /// the first whose source is the plan's text as written, else the first whose source is once both are
    /// normalised (<see cref="ImportedText"/>), else the first: the source shows how a tool wrote the unit,
    /// and the target is read alike. The hash is the plan's text's only when that source is the plan's
    /// text; else it is that of the unit's own source, so that the entry is stale (PSTM0830). A fuzzy PO
    /// entry is never current: stale, recording the text msgmerge says it was made from, or not imported.
    /// </summary>
    internal void Import(ImportedUnit unit)
    {
        var field = _fields[unit.Key];
        var lineFeedsAreLayout = _format == ExchangeFormat.Xliff;
        string Normal(string text) => ImportedText.Normalise(text, field.IsMarkdown, lineFeedsAreLayout);
        var planText = Normal(field.Text);

        // The reading whose source is the plan's text as it is, else once both are normalised: a source that
        // a tool reindented is the plan's text only read as reindented, and its target is read alike.
        var matching = unit.Readings.Select(r => (ImportedReading?)r).FirstOrDefault(r => ImportedText.Same(r!.Value.Source, field.Text))
            ?? unit.Readings.Select(r => (ImportedReading?)r).FirstOrDefault(r => ImportedText.Same(Normal(r!.Value.Source), planText));
        var reading = matching ?? unit.Readings[0];
        var target = Normal(reading.Target);
        if (target.Length == 0)
        {
            // An empty target is what a tool leaves of a unit nobody translated.
            _notTranslated++;
            return;
        }

        if (Hash(unit, field, matching is not null, Normal(reading.Source), Normal) is not { } hash)
        {
            _notTranslated++;
            return;
        }

        var fine = CharacterCheck.IsCleanValue(target, unit.TargetSpan, _diagnostics)
            && (field.IsMarkdown || OneLineText.Check(target, unit.TargetSpan, $"the target of {Noun} '{unit.Key}'", _diagnostics));
        fine &= TranslatedLabels.CheckTarget(unit.Key, target, unit.TargetSpan, LabelKeys.Shipped, _diagnostics);
        if (!fine)
        {
            return;
        }

        if (UnclosedBold(target))
        {
            _diagnostics.Add(PlanDiagnostics.UnbalancedEmphasis.Create(
                unit.TargetSpan,
                $"the target of {Noun} '{unit.Key}' opens bold emphasis with '**' and never closes it",
                "emphasis is written **like this**: add the closing '**' or remove the opening one"));
        }

        _entries[unit.Key] = new TranslationEntry(unit.Key, target, hash, unit.Span);
        if (hash != field.Hash)
        {
            _stale++;
        }
    }

    internal TranslationImport Result(string locale) => new(_format, locale, _entries, _notTranslated, _stale);

    /// <summary>The hash to record with the unit's target, or null when it is not to be imported (reported).</summary>
    private string? Hash(ImportedUnit unit, TranslatableField field, bool sourceIsPlans, string source, Func<string, string> normal)
    {
        if (!sourceIsPlans)
        {
            _diagnostics.Add(PlanDiagnostics.ImportedSourceChanged.Create(
                unit.Span,
                $"the source of {Noun} '{unit.Key}' is not the plan's text at {field.Span} (it changed since the file was extracted, or a tool changed it): "
                + "the target is imported as a translation of that other text, and counted stale",
                "translate the current text: extract the file again, translate what changed, and import it; until then the build warns (PSTM0802)"));
            return StaleHash(source, field);
        }

        if (!unit.Fuzzy)
        {
            return field.Hash;
        }

        // A fuzzy entry whose source is the plan's: msgmerge says what it was translated from, or nothing does.
        if (unit.Previous is { } previous && (previous.Key is null || previous.Key == unit.Key)
            && normal(previous.Source) is var earlier && !ImportedText.Same(earlier, normal(field.Text)))
        {
            _diagnostics.Add(PlanDiagnostics.PoFuzzy.Create(
                unit.Span,
                $"entry '{unit.Key}' is marked fuzzy, a translation of an earlier text (#| msgid): it is imported, and counted stale",
                "review the translation against the current text, then clear the fuzzy flag (in Poedit: Needs Work) and import again"));
            return StaleHash(earlier, field);
        }

        var from = unit.Previous is { Key: { } other } && other != unit.Key ? $": msgmerge took it from entry '{other}' (#| msgctxt), another field" : "";
        _diagnostics.Add(PlanDiagnostics.PoFuzzy.Create(
            unit.Span,
            $"entry '{unit.Key}' is marked fuzzy, and nothing tells which earlier text of this field it translates{from}: it is not imported, and the field stays as it was",
            "review the translation against the current text, then clear the fuzzy flag (in Poedit: Needs Work) and import again"));
        return null;
    }

    /// <summary>The hash of the text a stale target translates: never the plan's (texts that differ once normalised differ as written).</summary>
    private static string StaleHash(string source, TranslatableField field)
    {
        var hash = TranslatableField.HashOf(source);
        return hash != field.Hash ? hash : TranslatableField.HashOf(source + "\n");
    }

    /// <summary>Whether the text opens a bold it does not close: an odd number of <c>**</c>, an escaped <c>\*\*</c> not counted.</summary>
    private static bool UnclosedBold(string text)
    {
        var plain = new StringBuilder(text).Replace(@"\*\*", "").ToString();
        var count = 0;
        for (var at = plain.IndexOf("**", StringComparison.Ordinal); at >= 0; at = plain.IndexOf("**", at + 2, StringComparison.Ordinal))
        {
            count++;
        }

        return count % 2 != 0;
    }
}
