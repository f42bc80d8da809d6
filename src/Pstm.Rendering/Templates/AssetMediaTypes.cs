namespace Pstm.Rendering.Templates;

/// <summary>The media type of a template file by its extension, for the data: URLs of a single-file document.</summary>
internal static class AssetMediaTypes
{
    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".woff2"] = "font/woff2",
        [".woff"] = "font/woff",
        [".ttf"] = "font/ttf",
        [".otf"] = "font/otf",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".webp"] = "image/webp",
        [".gif"] = "image/gif",
        [".avif"] = "image/avif",
        [".css"] = "text/css",
    };

    /// <summary>The media type of <paramref name="path"/>; bytes of no known kind are <c>application/octet-stream</c>.</summary>
    public static string Of(string path) =>
        ByExtension.TryGetValue(Path.GetExtension(path), out var type) ? type : "application/octet-stream";

    public static bool IsStylesheet(string path) => Path.GetExtension(path).Equals(".css", StringComparison.OrdinalIgnoreCase);
}
