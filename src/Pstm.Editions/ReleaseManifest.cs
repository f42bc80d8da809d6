using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using UglyToad.PdfPig;

namespace Pstm.Editions;

/// <summary>
/// What a release publishes, written beside the editions: <c>manifest.json</c> (artifact, locale,
/// pages, bytes, sha256 of every edition file) and <c>SHA256SUMS</c> in the format of sha256sum, so
/// that anyone can check the files they downloaded.
/// </summary>
public static class ReleaseManifest
{
    public const string ManifestFile = "manifest.json";
    public const string SumsFile = "SHA256SUMS";

    /// <summary>Writes both files into <paramref name="staging"/>, describing the editions staged there.</summary>
    public static void Write(OutputStaging staging)
    {
        var artifacts = Directory.EnumerateFiles(staging.Root, "*", SearchOption.AllDirectories)
            .Select(path => (Path: path, Relative: Path.GetRelativePath(staging.Root, path).Replace('\\', '/')))
            .Where(a => !a.Relative.Contains("/assets/", StringComparison.Ordinal) && !a.Relative.StartsWith('.'))
            .OrderBy(a => a.Relative, StringComparer.Ordinal)
            .ToList();

        var sums = new StringBuilder();
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("generator", EditionBuilder.Generator);
            json.WriteStartArray("artifacts");
            foreach (var (path, relative) in artifacts)
            {
                var bytes = File.ReadAllBytes(path);
                var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
                sums.Append(sha256).Append("  ").Append(relative).Append('\n');
                json.WriteStartObject();
                json.WriteString("artifact", relative);
                json.WriteString("locale", relative.Split('/')[0]);
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

        staging.WriteAllBytes(ManifestFile, [.. stream.ToArray(), (byte)'\n']);
        staging.WriteAllText(SumsFile, sums.ToString());
    }
}
