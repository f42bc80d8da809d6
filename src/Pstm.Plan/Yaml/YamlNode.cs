using Pstm.Diagnostics;

namespace Pstm.Plan.Yaml;

/// <summary>A node of a YAML document that remembers where it stands in its file.</summary>
public abstract record YamlNode(SourceSpan Span)
{
    /// <summary>What the node is, in the words used by "expected X, found Y" messages.</summary>
    public abstract string KindName { get; }
}

/// <summary>A scalar: its text, and whether it was written plain (unquoted), which decides its type.</summary>
public sealed record YamlScalar(string Value, bool IsPlain, SourceSpan Span) : YamlNode(Span)
{
    /// <summary>A plain <c>~</c>, <c>null</c> or empty value: YAML's way of writing "nothing".</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string KindName => IsNull ? "nothing (null)" : "text";
}

/// <summary>A sequence (list) of nodes.</summary>
public sealed record YamlSequence(IReadOnlyList<YamlNode> Items, SourceSpan Span) : YamlNode(Span)
{
    public override string KindName => "a list";
}

/// <summary>One <c>key: value</c> pair of a mapping.</summary>
public sealed record YamlEntry(YamlScalar Key, YamlNode Value);

/// <summary>A mapping of unique scalar keys to nodes, in the order they were written.</summary>
public sealed record YamlMapping(IReadOnlyList<YamlEntry> Entries, SourceSpan Span) : YamlNode(Span)
{
    public override string KindName => "a mapping";

    public YamlEntry? Find(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key.Value == key)
            {
                return entry;
            }
        }

        return null;
    }
}
