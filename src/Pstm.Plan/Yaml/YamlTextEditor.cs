using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Pstm.Plan.Yaml;

/// <summary>
/// Edits a plan file's YAML as text, where YamlDotNet's parser says a key and its value are, so that
/// everything else (comments, blank lines, quoting, order, line breaks) stays as the editor wrote it.
/// Used by the commands that change plan.yaml (<c>pstm i18n add</c>).
/// </summary>
public static partial class YamlTextEditor
{
    /// <summary>
    /// <paramref name="text"/> with the top-level <paramref name="key"/> set to a one-line list of
    /// <paramref name="values"/>: its old value (a one-line or block list) is replaced; a missing key
    /// is added on the line after the top-level key <paramref name="after"/>, or at the end.
    /// </summary>
    /// <exception cref="YamlException">The text is not YAML, or its document is not a mapping.</exception>
    public static string SetTopLevelList(string text, string key, IReadOnlyList<string> values, string after)
    {
        var list = "[" + string.Join(", ", values.Select(ListItem)) + "]";
        var entries = TopLevelEntries(text);
        if (entries.FirstOrDefault(e => e.Key == key) is { Key: not null } entry)
        {
            // From just after the key's colon to the end of its value: the comment after it, if any, stays.
            var colon = text.IndexOf(':', entry.KeyEnd);
            return text[..(colon + 1)] + " " + list + text[entry.ValueEnd..];
        }

        var newLine = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var line = $"{key}: {list}";
        if (entries.FirstOrDefault(e => e.Key == after) is { Key: not null } previous)
        {
            var end = text.IndexOf('\n', previous.ValueEnd);
            return end < 0 ? text + newLine + line : text[..(end + 1)] + line + newLine + text[(end + 1)..];
        }

        return text.Length == 0 || text.EndsWith('\n') ? text + line + newLine : text + newLine + line + newLine;
    }

    /// <summary>A top-level key, where its text ends, and where its value's text ends.</summary>
    private readonly record struct Entry(string? Key, int KeyEnd, int ValueEnd);

    private static List<Entry> TopLevelEntries(string text)
    {
        var parser = new Parser(new StringReader(text));
        parser.Consume<StreamStart>();
        if (!parser.Accept<DocumentStart>(out _))
        {
            return [];
        }

        parser.Consume<DocumentStart>();
        if (!parser.TryConsume<MappingStart>(out _))
        {
            throw new YamlException("the document is not a mapping of keys and values");
        }

        var entries = new List<Entry>();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = parser.Consume<NodeEvent>();
            var keyEnd = SkipRest(parser, key);
            var value = parser.Consume<NodeEvent>();
            var valueEnd = SkipRest(parser, value);
            entries.Add(new Entry(key is Scalar scalar ? scalar.Value : null, keyEnd, valueEnd));
        }

        return entries;
    }

    /// <summary>Reads to the end of a node whose first event was <paramref name="first"/>; where its last scalar or closing bracket ends.</summary>
    private static int SkipRest(IParser parser, NodeEvent first)
    {
        var end = (int)first.End.Index;

        // Whether each open collection is a flow one, whose closing bracket is part of its text.
        var flows = new Stack<bool>();
        if (Flow(first) is { } firstIsFlow)
        {
            flows.Push(firstIsFlow);
        }

        while (flows.Count > 0)
        {
            var next = parser.Consume<ParsingEvent>();
            if (Flow(next) is { } flow)
            {
                flows.Push(flow);
            }
            else if (next is MappingEnd or SequenceEnd)
            {
                // A block collection "ends" where the next token starts: only a flow one's end, its bracket, counts.
                if (flows.Pop())
                {
                    end = Math.Max(end, (int)next.Start.Index + 1);
                }
            }
            else
            {
                end = Math.Max(end, (int)next.End.Index);
            }
        }

        return end;
    }

    private static bool? Flow(ParsingEvent node) => node switch
    {
        SequenceStart sequence => sequence.Style == SequenceStyle.Flow,
        MappingStart mapping => mapping.Style == MappingStyle.Flow,
        _ => null,
    };

    private static string ListItem(string value) =>
        PlainScalar().IsMatch(value) ? value : JsonSerializer.Serialize(value);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.-]*\z")]
    private static partial Regex PlainScalar();
}
