using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using UglyToad.PdfPig;

namespace Pstm.Editions;

/// <summary>
/// What a release publishes, written beside the editions: <c>manifest.json</c> (the release's
/// <see cref="ReleaseHeader"/>, then artifact, locale, kind, pages, bytes and sha256 of every file) and
/// <c>SHA256SUMS</c> in the format of sha256sum, both covering every file shipped, the booklet's assets
/// included, so that anyone can check the files they downloaded. Both are made from the files alone, in
/// ordinal order of their paths, so the same files and header give the same bytes: on one machine, or
/// assembled from parts built on several.
/// </summary>
public static class ReleaseManifest
{
    public const string ManifestFile = "manifest.json";
    public const string SumsFile = "SHA256SUMS";

    /// <summary>Writes both files into <paramref name="staging"/>, describing every file staged there.</summary>
    public static void Write(OutputStaging staging, ReleaseHeader header)
    {
        var (manifest, sums) = Describe(staging.Root, Shipped(staging.Root), header);
        staging.WriteAllBytes(ManifestFile, manifest);
        staging.WriteAllBytes(SumsFile, sums);
    }

    /// <summary>
    /// The files of <paramref name="root"/> a release ships, relative with '/' and in ordinal order: all but
    /// the manifest, the checksums and the build's own bookkeeping (any name starting with '.').
    /// </summary>
    public static IReadOnlyList<string> Shipped(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(IsShipped)
            .Order(StringComparer.Ordinal)];

    /// <summary>Whether a file at this path (relative, with '/') is one a release ships.</summary>
    public static bool IsShipped(string relative) =>
        relative is not (ManifestFile or SumsFile) && !relative.Split('/').Any(part => part.StartsWith('.'));

    /// <summary>manifest.json and SHA256SUMS of <paramref name="files"/> (relative to <paramref name="root"/>).</summary>
    public static (byte[] Manifest, byte[] Sums) Describe(string root, IEnumerable<string> files, ReleaseHeader header)
    {
        var sums = new StringBuilder();
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            header.WriteTo(json);
            json.WriteStartArray("artifacts");
            foreach (var relative in files.Order(StringComparer.Ordinal))
            {
                var bytes = File.ReadAllBytes(Path.Combine(root, relative));
                var sha256 = Sha256(bytes);
                sums.Append(sha256).Append("  ").Append(relative).Append('\n');
                json.WriteStartObject();
                json.WriteString("artifact", relative);
                json.WriteString("locale", relative.Split('/')[0]);
                if (ReleaseLayout.KindOf(relative) is { } kind)
                {
                    json.WriteString("kind", kind);
                }

                if (relative.EndsWith(".pdf", StringComparison.Ordinal))
                {
                    using var document = PdfDocument.Open(bytes);
                    json.WriteNumber("pages", document.NumberOfPages);
                }

                json.WriteNumber("bytes", bytes.Length);
                json.WriteString("sha256", sha256);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return ([.. stream.ToArray(), (byte)'\n'], Encoding.UTF8.GetBytes(sums.ToString()));
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
