namespace Pstm.Rendering.Templates;

/// <summary>
/// The conditions of an <c>@import</c> (<c>layer(base) supports(display: grid) print</c>) as the blocks
/// that give the imported rules the same conditions once the rule is replaced by them.
/// </summary>
internal static class CssConditions
{
    /// <summary><paramref name="css"/> inside <c>@layer</c>, <c>@supports</c> and <c>@media</c> blocks as <paramref name="conditions"/> ask; as it is without conditions.</summary>
    public static string Wrap(string css, string conditions)
    {
        var rest = conditions.Trim();
        var blocks = new List<string>();
        if (Function(ref rest, "layer") is { } layer)
        {
            blocks.Add($"@layer {layer}");
        }
        else if (rest.Equals("layer", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("layer ", StringComparison.OrdinalIgnoreCase))
        {
            // An anonymous layer.
            blocks.Add("@layer");
            rest = rest["layer".Length..].TrimStart();
        }

        if (Function(ref rest, "supports") is { } supports)
        {
            blocks.Add($"@supports ({supports})");
        }

        if (rest.Length > 0)
        {
            blocks.Add($"@media {rest}");
        }

        return blocks.Count == 0
            ? css
            : string.Concat(blocks.Select(b => b + " {\n")) + css + "\n" + string.Concat(blocks.Select(_ => "}\n"));
    }

    // name(…) at the start of text: what the parentheses hold, text then what follows them.
    private static string? Function(ref string text, string name)
    {
        if (!text.StartsWith(name + "(", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var depth = 0;
        for (var i = name.Length; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0)
            {
                var inside = text[(name.Length + 1)..i].Trim();
                text = text[(i + 1)..].TrimStart();
                return inside;
            }
        }

        return null;
    }
}
