using System.Text.RegularExpressions;
using Pstm.Diagnostics;
using Pstm.Plan.Loading;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Pstm.Plan.Yaml;

/// <summary>
/// Reads one YAML file into <see cref="YamlNode"/>s from the parser's events, so that every node keeps
/// its line and column, duplicate keys are reported instead of thrown, and syntax errors become
/// located diagnostics with a hint.
/// </summary>
public sealed partial class YamlDocumentReader
{
    private readonly string _file;
    private readonly string _text;
    private string[]? _lines;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, (YamlNode Node, long Size)> _anchors = new(StringComparer.Ordinal);
    private readonly Stack<(Mark Start, bool IsSequence)> _openFlows = new();
    private Parser _parser = null!;

    // Nodes read so far, aliases counted as the nodes they stand for; and the part due to aliases.
    private long _nodes;
    private long _aliasNodes;

    private YamlDocumentReader(string file, string text, DiagnosticBag diagnostics)
    {
        _file = file;

        // The parser's positions miss some lone \r line ends, which editors count; the same text with
        // \n in their place has the same length, so every position stays the character's.
        _text = LoneCarriageReturn().Replace(text, "\n");
        _diagnostics = diagnostics;
    }

    /// <summary>
    /// Parses <paramref name="text"/>; returns its root node, or null when the file holds no document
    /// or cannot be parsed (the reason is then in <paramref name="diagnostics"/>).
    /// </summary>
    public static YamlNode? Read(string file, string text, DiagnosticBag diagnostics, bool emptyIsError = true) =>
        new YamlDocumentReader(file, text, diagnostics).ReadRoot(emptyIsError);

    private YamlNode? ReadRoot(bool emptyIsError)
    {
        _parser = new Parser(new StringReader(_text));
        try
        {
            _parser.MoveNext(); // StreamStart
            _parser.MoveNext(); // DocumentStart, or StreamEnd when there is no document at all
            if (_parser.Current is not DocumentStart)
            {
                ReportEmpty(emptyIsError);
                return null;
            }

            _parser.MoveNext();
            var root = ReadNode(depth: 0);
            _parser.MoveNext(); // past DocumentEnd
            if (_parser.Current is DocumentStart second)
            {
                _diagnostics.Add(PlanDiagnostics.MultipleDocuments.Create(
                    Span(second.Start, second.End),
                    "this file holds more than one YAML document; pstm reads one document per file",
                    "remove the '---' line, or move the second document into a file of its own and include it"));
            }

            if (root is YamlScalar { IsNull: true })
            {
                ReportEmpty(emptyIsError);
                return null;
            }

            return root;
        }
        catch (LimitExceededException)
        {
            return null;
        }
        // The parser throws ArgumentException for a tag it cannot name, such as !!str[[.
        catch (Exception exception) when (exception is YamlException or InvalidOperationException or ArgumentException)
        {
            ReportSyntaxError(exception);
            return null;
        }
    }

    private void ReportEmpty(bool asError) =>
        _diagnostics.Add(PlanDiagnostics.EmptyFile.Create(
            SourceSpan.At(_file, 1, 1),
            asError ? Severity.Error : Severity.Warning,
            "the file is empty: it holds no YAML content",
            asError ? "write the plan's fields in it" : "add content to the file or remove it from 'include' in plan.yaml"));

    private YamlNode ReadNode(int depth)
    {
        var current = _parser.Current!;
        var nodesBefore = _nodes++;
        switch (current)
        {
            case Scalar scalar:
                _parser.MoveNext();
                var span = Span(scalar.Start, scalar.End);

                // The file's characters are checked before parsing; escapes decode to characters only now.
                CharacterCheck.IsCleanValue(scalar.Value, span, _diagnostics);
                if (scalar.Style == ScalarStyle.Plain && scalar.End.Line > scalar.Start.Line)
                {
                    ReportItemsInText((int)scalar.Start.Line, (int)scalar.End.Line);
                }

                return Remember(scalar, new YamlScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, span), nodesBefore);

            case AnchorAlias alias:
                _parser.MoveNext();
                if (_anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    CountAlias(alias, target.Size);
                    return target.Node;
                }

                _diagnostics.Add(PlanDiagnostics.UnknownAlias.Create(
                    Span(alias.Start, alias.End),
                    $"alias '*{alias.Value.Value}' refers to no anchor defined before it",
                    $"define '&{alias.Value.Value}' on an earlier value, or write the value out"));
                return new YamlScalar("", true, Span(alias.Start, alias.End));

            case SequenceStart start:
                CheckDepth(start, depth);
                return Remember(start, ReadSequence(start, depth), nodesBefore);

            case MappingStart start:
                CheckDepth(start, depth);
                return Remember(start, ReadMapping(start, depth), nodesBefore);

            default:
                throw new InvalidOperationException($"unexpected {current.GetType().Name}");
        }
    }

    // The tree is read recursively: without a bound, deep nesting would overflow the stack.
    private void CheckDepth(ParsingEvent start, int depth)
    {
        if (depth < PlanLimits.MaxNestingDepth)
        {
            return;
        }

        _diagnostics.Add(PlanDiagnostics.NestingTooDeep.Create(
            SourceSpan.At(_file, (int)start.Start.Line, (int)start.Start.Column),
            $"lists and mappings are nested more than {PlanLimits.MaxNestingDepth} deep here, the limit of nesting",
            "a plan needs a few levels; check for brackets or indentation that open a level by mistake"));
        throw new LimitExceededException();
    }

    // Aliases share their node, so they cost nothing to read; but whatever walks the plan visits a node
    // once per alias, and nested aliases multiply ("billion laughs"): bound what they stand for.
    private void CountAlias(AnchorAlias alias, long size)
    {
        _nodes += size - 1;
        _aliasNodes += size;
        if (_aliasNodes <= PlanLimits.MaxAliasNodes)
        {
            return;
        }

        _diagnostics.Add(PlanDiagnostics.AliasesTooLarge.Create(
            Span(alias.Start, alias.End),
            $"the aliases of this file stand for more than {PlanLimits.MaxAliasNodes:N0} values when written out, the limit for aliases",
            "write the values out, or use fewer aliases to large lists and mappings"));
        throw new LimitExceededException();
    }

    private YamlSequence ReadSequence(SequenceStart start, int depth)
    {
        OpenFlow(start.Start, start.Style == SequenceStyle.Flow, isSequence: true);
        _parser.MoveNext();
        var items = new List<YamlNode>();
        while (_parser.Current is not SequenceEnd)
        {
            items.Add(ReadNode(depth + 1));
        }

        var isFlow = start.Style == SequenceStyle.Flow;
        var span = EndAt(start.Start, isFlow || items.Count == 0 ? null : items[^1].Span);
        CloseFlow(isFlow);
        _parser.MoveNext();
        return new YamlSequence(items, span);
    }

    private YamlMapping ReadMapping(MappingStart start, int depth)
    {
        OpenFlow(start.Start, start.Style == MappingStyle.Flow, isSequence: false);
        _parser.MoveNext();
        var entries = new List<YamlEntry>();
        var seen = new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
        while (_parser.Current is not MappingEnd)
        {
            var key = ReadNode(depth + 1);
            var value = ReadNode(depth + 1);
            if (key is not YamlScalar scalarKey)
            {
                _diagnostics.Add(PlanDiagnostics.ComplexKey.Create(
                    key.Span,
                    $"a key must be a plain name, not {key.KindName}",
                    "write keys as simple names such as 'title:'"));
                continue;
            }

            OneLineText.Check(scalarKey.Value, scalarKey.Span, $"the key '{scalarKey.Value}'", _diagnostics);
            if (seen.TryGetValue(scalarKey.Value, out var first))
            {
                _diagnostics.Add(PlanDiagnostics.DuplicateKey.Create(
                    scalarKey.Span,
                    $"duplicate key '{scalarKey.Value}': it is already set on line {first.Span.StartLine}",
                    "remove one of the two; only the first one is used"));
                continue;
            }

            seen.Add(scalarKey.Value, scalarKey);
            entries.Add(new YamlEntry(scalarKey, value));
        }

        var isFlow = start.Style == MappingStyle.Flow;
        var span = EndAt(start.Start, isFlow || entries.Count == 0 ? null : entries[^1].Value.Span);
        CloseFlow(isFlow);
        _parser.MoveNext();
        return new YamlMapping(entries, span);
    }

    private YamlNode Remember(NodeEvent node, YamlNode value, long nodesBefore)
    {
        if (!node.Anchor.IsEmpty)
        {
            _anchors[node.Anchor.Value] = (value, _nodes - nodesBefore);
        }

        return value;
    }

    private void OpenFlow(Mark start, bool isFlow, bool isSequence)
    {
        if (isFlow)
        {
            _openFlows.Push((start, isSequence));
        }
    }

    private void CloseFlow(bool isFlow)
    {
        if (isFlow)
        {
            _openFlows.Pop();
        }
    }

    private void ReportSyntaxError(Exception exception)
    {
        // A tab in indentation makes the parser fail somewhere after it, often at a wrong position:
        // point at the tab itself, which is what the editor has to fix.
        // The parser's own position for a tab error can be far from the tab, so then look everywhere.
        var errorLine = exception is YamlException located && !located.Message.Contains("tab", StringComparison.Ordinal)
            ? (int)located.Start.Line
            : int.MaxValue;
        var tab = FindIndentationTab(errorLine);
        if (tab is { } tabPosition)
        {
            _diagnostics.Add(PlanDiagnostics.TabIndentation.Create(
                SourceSpan.At(_file, tabPosition.Line, tabPosition.Column),
                "a tab is used for indentation; YAML indents with spaces only",
                "replace the tab with spaces (set your editor to insert spaces for YAML files)"));
            return;
        }

        if (_openFlows.Count > 0 && (exception is InvalidOperationException || exception.Message.Contains("flow", StringComparison.Ordinal) || AtEndOfText(exception)))
        {
            var (start, isSequence) = _openFlows.Peek();
            var (open, close) = isSequence ? ('[', ']') : ('{', '}');
            _diagnostics.Add(PlanDiagnostics.UnclosedFlow.Create(
                SourceSpan.At(_file, (int)start.Line, (int)start.Column),
                $"this '{open}' is never closed with '{close}'",
                $"add the missing '{close}', or write the items as a block list, one '- item' per line"));
            return;
        }

        if (exception is YamlException yaml)
        {
            var message = yaml.Message.TrimEnd('.');
            if (IsMappingInValue(message) && KeyIndentedUnderText((int)yaml.Start.Line, (int)yaml.Start.Column) is { } misplaced)
            {
                _diagnostics.Add(PlanDiagnostics.YamlSyntax.Create(
                    SourceSpan.At(_file, (int)yaml.Start.Line, misplaced.Column),
                    $"invalid YAML: '{misplaced.Key}' is indented further than the line above (column {misplaced.Column}, not {misplaced.Above}), so it is read as more of that line's text, not as a key",
                    $"start '{misplaced.Key}' in column {misplaced.Above}, as the key above it; if the text above goes on here, quote it"));
                return;
            }

            _diagnostics.Add(PlanDiagnostics.YamlSyntax.Create(
                InsideText(Span(yaml.Start, yaml.End)),
                "invalid YAML: " + char.ToLowerInvariant(message[0]) + message[1..],
                HintFor(message)));
            return;
        }

        var near = InsideText(SourceSpan.At(_file, Math.Max(1, (int)(_parser.Current?.Start.Line ?? 1)), Math.Max(1, (int)(_parser.Current?.Start.Column ?? 1))));
        if (exception is ArgumentException)
        {
            _diagnostics.Add(PlanDiagnostics.YamlSyntax.Create(
                near,
                "invalid YAML: a tag ('!' or '!!' before a value) after this point is not a valid name",
                "remove the tag: a plan needs none; quote the value if it starts with '!'"));
            return;
        }

        _diagnostics.Add(PlanDiagnostics.YamlSyntax.Create(
            near,
            "invalid YAML: the document ends where a value was expected",
            "check for a missing value, quote or bracket near here"));
    }

    private bool AtEndOfText(Exception exception) =>
        exception is YamlException yaml && InsideText(Span(yaml.Start, yaml.End)) != Span(yaml.Start, yaml.End);

    /// <summary>
    /// The parser places an error at the end of the text on a line after the last one; point at the
    /// end of the last line instead, which an editor can show.
    /// </summary>
    private SourceSpan InsideText(SourceSpan span)
    {
        var lastLineStart = _text.LastIndexOf('\n') + 1;
        var lastLine = _text.AsSpan().Count('\n') + 1;
        if (span.StartLine <= lastLine)
        {
            return span;
        }

        var column = _text.Length - lastLineStart + 1;
        return new SourceSpan(_file, lastLine, column, lastLine, column);
    }

    /// <summary>The text's lines, split once, for the checks that look at a line around a position.</summary>
    private string[] Lines => _lines ??= _text.Split('\n');

    /// <summary>
    /// An unquoted text that goes on over lines takes a following line that starts with '- ' as more of
    /// its words: most often a list item indented one step too far (keywords: [a, "- b"] read as "a - b").
    /// </summary>
    private void ReportItemsInText(int firstLine, int lastLine)
    {
        for (var line = firstLine + 1; line <= Math.Min(lastLine, Lines.Length); line++)
        {
            var text = Lines[line - 1];
            var content = text.TrimStart(' ');
            if (content == "-" || content.StartsWith("- ", StringComparison.Ordinal))
            {
                var column = text.Length - content.Length + 1;
                _diagnostics.Add(PlanDiagnostics.ItemInText.Create(
                    SourceSpan.At(_file, line, column),
                    $"this '- ' is indented further than the text on line {firstLine}, so it is read as more of that text, not as a new item",
                    "if it is a new item, start its '-' in the same column as the items above; if it is part of the text, quote the text"));
            }
        }
    }

    private static bool IsMappingInValue(string message) =>
        message.Contains("found invalid mapping", StringComparison.Ordinal) || message.Contains("Mapping values are not allowed", StringComparison.Ordinal);

    /// <summary>
    /// A ': ' the parser refuses is either inside a value (title: Fase 1: orientamenti) or ends a key that
    /// is indented further than the line above, which makes it more of that line's text. The second is
    /// told when the ': ' is the first on its line after a lone key, and the key starts right of the key
    /// (or text) of the line above.
    /// </summary>
    private (string Key, int Column, int Above)? KeyIndentedUnderText(int line, int column)
    {
        var lines = Lines;
        if (line < 2 || line > lines.Length || column - 1 > lines[line - 1].Length)
        {
            return null;
        }

        var key = KeyStart().Match(lines[line - 1][..(column - 1)]);
        if (!key.Success)
        {
            return null;
        }

        var above = lines[..(line - 1)].LastOrDefault(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'));
        if (above is null)
        {
            return null;
        }

        var keyColumn = key.Groups["key"].Index + 1;
        var aboveColumn = ItemContent().Match(above).Groups["content"].Index + 1;
        return keyColumn > aboveColumn ? (key.Groups["key"].Value, keyColumn, aboveColumn) : null;
    }

    /// <summary>The start of a line that is only a key before the ': ' found: indentation, '- ' markers, the key.</summary>
    [GeneratedRegex(@"^ *(- +)*(?<key>[A-Za-z_][A-Za-z0-9_.-]*) *$")]
    private static partial Regex KeyStart();

    /// <summary>Where a line's content starts, after its indentation and any '- ' markers.</summary>
    [GeneratedRegex(@"^ *(- +)*(?<content>\S)")]
    private static partial Regex ItemContent();

    private static string HintFor(string message) => message switch
    {
        _ when IsMappingInValue(message)
            => "a value that contains ': ' must be quoted, for example title: \"Fase 1: orientamenti\"",
        _ when message.Contains("quoted scalar", StringComparison.Ordinal)
            => "a quoted value must end with the same quote it starts with",
        _ when message.Contains("'-' indicator", StringComparison.Ordinal) || message.Contains("block", StringComparison.Ordinal)
            => "check the indentation: items of one list or mapping must start in the same column",
        _ => "check the syntax near this position: indentation, quotes and brackets",
    };

    private (int Line, int Column)? FindIndentationTab(int upToLine)
    {
        var line = 1;
        var lineStart = 0;
        var inIndentation = true;
        for (var i = 0; i < _text.Length && line <= upToLine; i++)
        {
            switch (_text[i])
            {
                case '\n':
                    line++;
                    lineStart = i + 1;
                    inIndentation = true;
                    break;
                case '\t' when inIndentation:
                    return (line, i - lineStart + 1);
                case ' ':
                    break;
                default:
                    inIndentation = false;
                    break;
            }
        }

        return null;
    }

    /// <summary>
    /// A block collection ends where its last item ends (the parser's end event stands at the next line);
    /// a flow collection ends at its closing bracket.
    /// </summary>
    private SourceSpan EndAt(Mark start, SourceSpan? lastItem) =>
        lastItem is { } last
            ? new SourceSpan(_file, (int)start.Line, (int)start.Column, last.EndLine, last.EndColumn)
            : Span(start, _parser.Current!.End);

    private SourceSpan Span(Mark start, Mark end) =>
        new(_file, (int)start.Line, (int)start.Column, (int)end.Line, (int)end.Column);

    [GeneratedRegex("\r(?!\n)")]
    private static partial Regex LoneCarriageReturn();

    /// <summary>Stops reading a file once a limit is exceeded; its diagnostic is already reported.</summary>
    private sealed class LimitExceededException : Exception;
}
