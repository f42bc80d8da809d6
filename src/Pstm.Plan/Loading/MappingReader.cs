using System.Globalization;
using System.Text.RegularExpressions;
using Pstm.Diagnostics;
using Pstm.Plan.Model;
using Pstm.Plan.Yaml;

namespace Pstm.Plan.Loading;

/// <summary>
/// Reads the fields of one YAML mapping against what an entity expects: every read names a key, and
/// <see cref="Finish"/> reports the keys nobody asked for, with "did you mean". Problems become
/// diagnostics and reads return neutral values, so one run reports everything.
/// </summary>
internal sealed partial class MappingReader
{
    private readonly YamlMapping _mapping;
    private readonly DiagnosticBag _diagnostics;
    private readonly List<string> _known = [];

    private MappingReader(YamlMapping mapping, string subject, DiagnosticBag diagnostics)
    {
        _mapping = mapping;
        Subject = subject;
        _diagnostics = diagnostics;
    }

    /// <summary>How messages name the entity, such as "driver D5"; refined once its id is read.</summary>
    public string Subject { get; set; }

    public SourceSpan Span => _mapping.Span;

    public DiagnosticBag Diagnostics => _diagnostics;

    public static MappingReader? Open(YamlNode node, string subject, DiagnosticBag diagnostics)
    {
        if (node is YamlMapping mapping)
        {
            return new MappingReader(mapping, subject, diagnostics);
        }

        diagnostics.Add(PlanDiagnostics.WrongType.Create(
            node.Span,
            $"{subject} must be a mapping of fields (key: value), found {Describe(node)}",
            "write one 'key: value' per line, indented under the item"));
        return null;
    }

    /// <summary>The value of <paramref name="key"/>, or null when it is absent or written as null.</summary>
    public YamlNode? Node(string key)
    {
        _known.Add(key);
        var value = _mapping.Find(key)?.Value;
        return value is YamlScalar { IsNull: true } ? null : value;
    }

    /// <summary>Whether the key is written; asking makes it a key this mapping may have.</summary>
    public bool Has(string key)
    {
        _known.Add(key);
        return _mapping.Find(key) is not null;
    }

    /// <summary>A one-line text (<see cref="OneLineText"/>); an empty one is reported.</summary>
    public string RequiredText(string key) => Text(key, required: true, multiline: false) ?? "";

    public string? OptionalText(string key) => Text(key, required: false, multiline: false);

    /// <summary>A Markdown text (a chapter's body, notes): the one kind of text that may have several lines.</summary>
    public string? OptionalMarkdown(string key) => Text(key, required: false, multiline: true);

    /// <summary>Inline text that may carry Markdown emphasis; warns when a <c>**</c> is left open.</summary>
    public string RequiredInlineText(string key) => CheckEmphasis(key, RequiredText(key));

    public string? OptionalInlineText(string key) => OptionalText(key) is { } text ? CheckEmphasis(key, text) : null;

    /// <summary>The longest code a chip or a matrix header can show.</summary>
    public const int MaxCodeLength = 20;

    /// <summary>A reader-facing code such as "Asse 1" or "DS3": one line of plain text, short enough for a chip.</summary>
    public Located<string>? OptionalCode(string key)
    {
        if (OptionalText(key) is not { } code)
        {
            return null;
        }

        var span = Node(key)?.Span ?? Span;
        if (code.Length > MaxCodeLength)
        {
            _diagnostics.Add(PlanDiagnostics.CodeTooLong.Create(
                span,
                $"'{key}' of {Subject} has {code.Length} characters, more than the {MaxCodeLength} a chip or a matrix header can show",
                "a code is a short name such as 'Asse 1', 'DS3' or 'M1'; the title says the rest"));
        }

        return new Located<string>(code, span);
    }

    /// <summary>A colour written #rrggbb (or #rgb) that white text drawn on it can be read on (WCAG AA, 4.5:1).</summary>
    public Located<string>? OptionalColor(string key)
    {
        if (OptionalHexColor(key) is not { } color)
        {
            return null;
        }

        var contrast = HexColor.Contrast(color.Value, HexColor.White);
        if (contrast < HexColor.AaRatio)
        {
            _diagnostics.Add(PlanDiagnostics.ColorContrast.Create(
                color.Span,
                string.Create(CultureInfo.InvariantCulture, $"white text on {color.Value} of {Subject} has a contrast of {contrast:0.00}:1, below the 4.5:1 that WCAG AA asks"),
                "choose a darker shade of the colour, or leave 'color' out to use the theme's palette"));
        }

        return new Located<string>(color.Value.ToString(), color.Span);
    }

    /// <summary>A colour written #rrggbb (or #rgb), whatever is drawn on it: the caller checks the contrast its use needs.</summary>
    public Located<HexColor>? OptionalHexColor(string key)
    {
        var node = Node(key);
        if (node is null)
        {
            if (_mapping.Find(key) is { } written)
            {
                // color: #0b5394 unquoted is a YAML comment: the key is left with no value.
                _diagnostics.Add(PlanDiagnostics.InvalidColor.Create(
                    written.Key.Span,
                    $"'{key}' of {Subject} has no value",
                    $"write the colour between quotes, for example {key}: \"#0b5394\": a bare # starts a YAML comment"));
            }

            return null;
        }

        return HexColorOf(node, $"'{key}' of {Subject}", _diagnostics);
    }

    /// <summary>The colour <paramref name="node"/> holds, or null after reporting that it holds none.</summary>
    public static Located<HexColor>? HexColorOf(YamlNode node, string what, DiagnosticBag diagnostics)
    {
        var text = node is YamlScalar scalar ? scalar.Value.Trim() : "";
        if (!HexColor.TryParse(text, out var color))
        {
            diagnostics.Add(PlanDiagnostics.InvalidColor.Create(
                node.Span,
                $"{what} must be a colour written #rrggbb, found {Describe(node)}",
                "write the colour in hexadecimal between quotes, for example color: \"#0b5394\" (a bare # starts a YAML comment)"));
            return null;
        }

        return new Located<HexColor>(color, node.Span);
    }

    /// <summary>A yes/no setting, written true or false.</summary>
    public bool OptionalBool(string key)
    {
        var node = Node(key);
        if (node is null)
        {
            return false;
        }

        if (node is YamlScalar { IsPlain: true } scalar && scalar.Value is "true" or "false")
        {
            return scalar.Value == "true";
        }

        ReportWrongType(key, node, "true or false");
        return false;
    }

    public Located<string> RequiredId()
    {
        // The id's pattern refuses a line break with the rest: no second diagnostic for it.
        var text = Text("id", required: true, multiline: true) ?? "";
        var span = Node("id")?.Span ?? Span;
        if (text.Length > 0 && !IdPattern().IsMatch(text))
        {
            _diagnostics.Add(PlanDiagnostics.InvalidId.Create(
                span,
                $"'{text}' is not a valid id for {Subject}",
                "an id starts with a letter and holds only letters, digits, '.', '-' and '_', such as M1, M1.2 or fase-1"));
        }

        return new Located<string>(text, span);
    }

    public Located<int> RequiredNumber(string key)
    {
        var node = Node(key);
        if (node is null)
        {
            ReportMissing(key, "a whole number such as 1");
            return new Located<int>(0, Span);
        }

        if (node is YamlScalar { IsPlain: true } scalar
            && int.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            if (number >= 1)
            {
                return new Located<int>(number, node.Span);
            }

            _diagnostics.Add(PlanDiagnostics.InvalidValue.Create(
                node.Span, $"'{key}' of {Subject} must be 1 or more, found {number}", "numbering starts at 1"));
            return new Located<int>(number, node.Span);
        }

        ReportWrongType(key, node, "a whole number");
        return new Located<int>(0, node.Span);
    }

    public int? RequiredYear(string key)
    {
        var node = Node(key);
        if (node is null)
        {
            ReportMissing(key, "a year such as 2025");
            return null;
        }

        if (node is YamlScalar { IsPlain: true } scalar
            && scalar.Value.Length == 4
            && int.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return year;
        }

        _diagnostics.Add(PlanDiagnostics.InvalidValue.Create(
            node.Span, $"'{key}' of {Subject} must be a year such as 2025, found {Describe(node)}", "write the year with four digits"));
        return null;
    }

    public YearMonth? RequiredMonth(string key)
    {
        var node = Node(key);
        if (node is null)
        {
            ReportMissing(key, "a month such as 2024-10");
            return null;
        }

        if (node is YamlScalar scalar && YearMonth.TryParse(scalar.Value, out var month))
        {
            return month;
        }

        _diagnostics.Add(PlanDiagnostics.InvalidValue.Create(
            node.Span, $"'{key}' of {Subject} must be a month written YYYY-MM, found {Describe(node)}", "for example 2024-10 for October 2024"));
        return null;
    }

    public Located<DateOnly>? Date(string key, bool required)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required)
            {
                ReportMissing(key, "a date such as 2025-02-27");
            }

            return null;
        }

        if (node is YamlScalar scalar
            && DateOnly.TryParseExact(scalar.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new Located<DateOnly>(date, node.Span);
        }

        _diagnostics.Add(PlanDiagnostics.InvalidValue.Create(
            node.Span, $"'{key}' of {Subject} must be a date written YYYY-MM-DD, found {Describe(node)}", "for example 2025-02-27"));
        return null;
    }

    /// <summary>A list of ids or names; each item keeps its own span for later reference checks.</summary>
    public IReadOnlyList<Located<string>> TextList(string key, bool required = false)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required)
            {
                ReportMissing(key, "a list such as [a, b]");
            }

            return [];
        }

        if (node is not YamlSequence sequence)
        {
            ReportWrongType(key, node, $"a list, for example {key}: [{(node is YamlScalar s ? s.Value : "…")}]");
            return [];
        }

        var items = new List<Located<string>>();
        foreach (var item in sequence.Items)
        {
            if (item is YamlScalar { IsNull: false } scalar && scalar.Value.Trim().Length > 0)
            {
                OneLineText.Check(scalar.Value.Trim(), scalar.Span, $"an item of '{key}' of {Subject}", _diagnostics);
                items.Add(new Located<string>(scalar.Value.Trim(), scalar.Span));
            }
            else
            {
                _diagnostics.Add(PlanDiagnostics.WrongType.Create(
                    item.Span, $"each item of '{key}' of {Subject} must be a single value, found {Describe(item)}", "write the items as [a, b] or one '- a' per line"));
            }
        }

        return items;
    }

    public YamlSequence? Sequence(string key, bool required = false)
    {
        var node = Node(key);
        switch (node)
        {
            case null when required:
                ReportMissing(key, "a list of items, one '- ' per item");
                return null;
            case null:
                return null;
            case YamlSequence sequence:
                return sequence;
            default:
                ReportWrongType(key, node, "a list of items, one '- ' per item");
                return null;
        }
    }

    public MappingReader? Mapping(string key, bool required = false, string example = "a mapping of fields")
    {
        var node = Node(key);
        if (node is null)
        {
            if (required)
            {
                ReportMissing(key, example);
            }

            return null;
        }

        return Open(node, $"'{key}' of {Subject}", _diagnostics);
    }

    /// <summary>The raw entries of the mapping, for maps whose keys are the user's (such as labels).</summary>
    public IReadOnlyList<YamlEntry> Entries => _mapping.Entries;

    /// <summary>Reports every key that no read asked for, suggesting the nearest known one.</summary>
    public void Finish(Func<string, string?>? explainUnknown = null)
    {
        foreach (var entry in _mapping.Entries)
        {
            var key = entry.Key.Value;
            if (_known.Contains(key))
            {
                continue;
            }

            var suggestion = DidYouMean.Suggest(key, _known);
            var message = $"unknown key '{key}' in {Subject}" + (suggestion is null ? "" : $". Did you mean '{suggestion}'?");
            var hint = explainUnknown?.Invoke(key) ?? "the keys it may have are: " + string.Join(", ", _known.Distinct());
            _diagnostics.Add(PlanDiagnostics.UnknownKey.Create(entry.Key.Span, message, hint));
        }
    }

    public void ReportMissing(string key, string example) =>
        _diagnostics.Add(PlanDiagnostics.MissingField.Create(
            Span, $"{Subject} has no '{key}', which is required", $"add '{key}:' with {example}"));

    public void ReportWrongType(string key, YamlNode found, string expected) =>
        _diagnostics.Add(PlanDiagnostics.WrongType.Create(
            found.Span, $"'{key}' of {Subject} must be {expected}, found {Describe(found)}", $"write '{key}' as {expected}; 'pstm init' writes an example of every field"));

    public static string Describe(YamlNode node) => node switch
    {
        YamlScalar { IsNull: true } => "nothing",
        YamlScalar scalar => $"'{Shorten(scalar.Value)}'",
        _ => node.KindName,
    };

    private string? Text(string key, bool required, bool multiline)
    {
        _known.Add(key);
        var entry = _mapping.Find(key);
        if (entry is null || (entry.Value is YamlScalar { IsNull: true } && !required))
        {
            if (required)
            {
                ReportMissing(key, "a text");
            }

            return null;
        }

        if (entry.Value is not YamlScalar scalar)
        {
            ReportWrongType(key, entry.Value, "text");
            return required ? "" : null;
        }

        var text = scalar.IsNull ? "" : scalar.Value.Trim();
        if (text.Length == 0)
        {
            _diagnostics.Add(PlanDiagnostics.EmptyText.Create(
                entry.Key.Span,
                required ? Severity.Error : Severity.Warning,
                $"'{key}' of {Subject} is empty",
                required ? $"write the {key}" : $"write the {key}, or remove the key while the text is not ready"));
            return required ? "" : null;
        }

        if (!multiline)
        {
            OneLineText.Check(text, scalar.Span, $"'{key}' of {Subject}", _diagnostics);
        }

        return text;
    }

    private string CheckEmphasis(string key, string text)
    {
        if (CountOccurrences(text, "**") % 2 != 0)
        {
            var span = _mapping.Find(key)?.Value.Span ?? Span;
            _diagnostics.Add(PlanDiagnostics.UnbalancedEmphasis.Create(
                span,
                $"'{key}' of {Subject} opens bold emphasis with '**' and never closes it",
                "emphasis is written **like this**: add the closing '**' or remove the opening one"));
        }

        return text;
    }

    private static int CountOccurrences(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..37] + "…";

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9._-]*\z")]
    private static partial Regex IdPattern();
}
