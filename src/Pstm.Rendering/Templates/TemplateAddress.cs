using System.Text.RegularExpressions;

namespace Pstm.Rendering.Templates;

/// <summary>
/// What an address written in a template file names (a stylesheet's <c>url(…)</c> or <c>@import</c>, the
/// path given to <c>asset</c>): a file of the templates by its path in them, with the <c>#fragment</c>
/// the address carries; or nothing pstm touches (a <c>data:</c> URL, a bare <c>#fragment</c>, an empty
/// address); or a place outside the templates, with why (<see cref="Outside"/>).
/// </summary>
internal sealed partial record TemplateAddress(string? Path, string Fragment, string? Outside)
{
    private static readonly TemplateAddress LeftAlone = new(null, "", null);

    /// <summary>True when the address is no file of the templates and none outside them: it stays as written.</summary>
    public bool IsLeftAlone => Path is null && Outside is null;

    /// <summary>True when the address names a folder of the templates (<c>images/</c>), which no document can use.</summary>
    public bool IsFolder => Path is not null && Path.EndsWith('/');

    /// <summary>
    /// <paramref name="address"/> read relative to <paramref name="folder"/>, a folder's path in the
    /// templates ("" for their root, "fonts" for fonts/); the query of an address is dropped, as
    /// files have none.
    /// </summary>
    public static TemplateAddress Resolve(string folder, string address)
    {
        address = address.Trim();
        if (address.Length == 0 || address[0] == '#' || address.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return LeftAlone;
        }

        if (address.Any(char.IsControl) || address.Contains('\\'))
        {
            return Leaving("it is not a plain relative path: it holds a backslash or a control character");
        }

        if (address.StartsWith("//", StringComparison.Ordinal))
        {
            return Leaving("it is a network address, and a booklet or a deck loads nothing from the network");
        }

        if (Scheme().Match(address) is { Success: true } scheme)
        {
            var name = scheme.Groups["name"].Value.ToLowerInvariant();
            return Leaving(name switch
            {
                "file" => "it is a file: address, outside the templates",
                { Length: 1 } => "it is an absolute path, not one relative to the file that holds it",
                _ => $"it is a network address ({name}:), and a booklet or a deck loads nothing from the network",
            });
        }

        if (address[0] == '/')
        {
            return Leaving("it is an absolute path, not one relative to the file that holds it");
        }

        var fragmentAt = address.IndexOf('#', StringComparison.Ordinal);
        var fragment = fragmentAt < 0 ? "" : "#" + Uri.EscapeDataString(Uri.UnescapeDataString(address[(fragmentAt + 1)..]));
        var end = address.IndexOfAny(['?', '#']);
        var path = Uri.UnescapeDataString(end < 0 ? address : address[..end]);

        var parts = new List<string>(folder.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return Leaving("it climbs above the templates' root through '..'");
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        // A folder keeps its closing slash: it is no file, and is reported as such.
        var folderName = parts.Count == 0 || path.EndsWith('/') ? "/" : "";
        return new TemplateAddress(string.Join('/', parts) + folderName, fragment, null);
    }

    /// <summary>The folder, as a path in the templates, that holds the file <paramref name="relative"/>: "" for the root.</summary>
    public static string FolderOf(string relative) =>
        relative.LastIndexOf('/') is var slash and >= 0 ? relative[..slash] : "";

    private static TemplateAddress Leaving(string why) => new(null, "", why);

    // A URL's scheme (https:, file:, mailto:), or a drive letter (C:).
    [GeneratedRegex(@"\A(?<name>[A-Za-z][A-Za-z0-9+.\-]*):")]
    private static partial Regex Scheme();
}
