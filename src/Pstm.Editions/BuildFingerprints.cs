using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Pstm.Editions;

/// <summary>
/// What each output was last built from, kept in <c>OUT/.pstm-build.json</c>: a hash of its rendered
/// HTML (which holds the plan's texts for its locale and pstm's version), of the templates' assets
/// (stylesheets, fonts) and of SOURCE_DATE_EPOCH. An output whose hash is unchanged and whose files are
/// there is neither printed nor rewritten.
/// </summary>
public sealed class BuildFingerprints
{
    public const string FileName = ".pstm-build.json";

    private readonly string _output;
    private readonly Dictionary<string, string> _previous;

    public BuildFingerprints(string outputDirectory)
    {
        _output = outputDirectory;
        var path = Path.Combine(outputDirectory, FileName);
        try
        {
            _previous = File.Exists(path)
                ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? []
                : [];
        }
        catch (JsonException)
        {
            _previous = [];
        }
    }

    /// <summary>The fingerprints after this build: the previous ones, updated by <see cref="Record"/>.</summary>
    public Dictionary<string, string> Current { get; } = new(StringComparer.Ordinal);

    public static string Of(string html, IEnumerable<string> assetFiles, string? sourceDateEpoch)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(html));
        hash.AppendData(Encoding.UTF8.GetBytes("\0" + (sourceDateEpoch ?? "") + "\0"));
        foreach (var file in assetFiles.Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file)));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>True when <paramref name="key"/>'s output was built from the same inputs and its files are all there.</summary>
    public bool IsUnchanged(string key, string fingerprint, IEnumerable<string> files) =>
        _previous.TryGetValue(key, out var previous) && previous == fingerprint
        && files.All(f => File.Exists(Path.Combine(_output, f)));

    public void Record(string key, string fingerprint) => Current[key] = fingerprint;

    /// <summary>The file's new content: the previous entries kept, this build's written over them.</summary>
    public string Serialize()
    {
        var all = new SortedDictionary<string, string>(_previous, StringComparer.Ordinal);
        foreach (var (key, value) in Current)
        {
            all[key] = value;
        }

        return JsonSerializer.Serialize(all, new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
