using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Pstm.Diagnostics;

namespace Pstm.Editions;

/// <summary>
/// What the last build read and made, kept in <c>OUT/.pstm-build.json</c>. First, one hash of all its
/// inputs (<see cref="BuildInputs"/>) with what it reported: the same inputs again and the build has
/// nothing to do. Then, for each output, a hash of its rendered HTML (which holds the plan's texts for
/// its locale and pstm's version), of the templates' assets and of SOURCE_DATE_EPOCH: an output whose
/// hash is unchanged and whose files are there is neither printed nor rewritten. Last, the page of each
/// booklet heading: the next print of the booklet tries them first, and mostly needs no second print.
/// And the SHA-256 of every file it wrote: an output changed or cut short since (by hand, a full disk, an
/// interrupted copy) no longer matches, and is made again instead of being reported unchanged.
/// </summary>
public sealed partial class BuildFingerprints
{
    public const string FileName = ".pstm-build.json";

    private readonly string _output;
    private readonly Dictionary<string, string> _previous;
    private readonly Dictionary<string, Dictionary<string, int>> _previousPages;
    private readonly Dictionary<string, string> _previousFiles;
    private readonly Dictionary<string, string> _currentFiles = new(StringComparer.Ordinal);
    private readonly string? _previousInputs;
    private string? _inputs;
    private IReadOnlyList<Diagnostic> _diagnostics = [];

    // Booklets print side by side and record their pages as they finish.
    private readonly ConcurrentDictionary<string, Dictionary<string, int>> _currentPages = new(StringComparer.Ordinal);

    public BuildFingerprints(string outputDirectory)
    {
        _output = outputDirectory;
        var path = Path.Combine(outputDirectory, FileName);
        Saved? saved = null;
        try
        {
            saved = File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), SavedJson.Default.Saved) : null;
        }
        catch (JsonException)
        {
            // An unreadable file (or one of an older pstm) means a full build.
        }

        _previous = saved?.Outputs ?? [];
        _previousPages = saved?.PageNumbers ?? [];
        _previousFiles = saved?.Files ?? [];
        _previousInputs = saved?.Inputs;
        PreviousDiagnostics = saved?.Diagnostics ?? [];
        Exists = saved is not null;
    }

    /// <summary>What the last build reported after checking the plan (translations, templates, printing).</summary>
    public IReadOnlyList<Diagnostic> PreviousDiagnostics { get; }

    /// <summary>True when the output folder holds the record of an earlier build.</summary>
    public bool Exists { get; }

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

    /// <summary>True when <paramref name="key"/>'s output was built from the same inputs and its files are all there, as written.</summary>
    public bool IsUnchanged(string key, string fingerprint, IEnumerable<string> files) =>
        _previous.TryGetValue(key, out var previous) && previous == fingerprint && AreAsWritten(files);

    public void Record(string key, string fingerprint) => Current[key] = fingerprint;

    /// <summary>True when the last build read the same inputs and its files (relative paths) are all there, as written.</summary>
    public bool HasSameInputs(string inputs, IEnumerable<string> files) =>
        _previousInputs == inputs && AreAsWritten(files);

    /// <summary>The files the last build wrote under <paramref name="folder"/> (a relative path ending in '/').</summary>
    public IEnumerable<string> WrittenUnder(string folder) =>
        _previousFiles.Keys.Where(f => f.StartsWith(folder, StringComparison.Ordinal));

    /// <summary>Records the hash of every file staged in <paramref name="stagingRoot"/>, by its path in the output folder.</summary>
    public void RecordFiles(string stagingRoot)
    {
        foreach (var file in Directory.EnumerateFiles(stagingRoot, "*", SearchOption.AllDirectories))
        {
            _currentFiles[Path.GetRelativePath(stagingRoot, file).Replace('\\', '/')] = HashOf(file);
        }
    }

    /// <summary>Records what this build read, and what it reported after checking the plan, for the next one.</summary>
    public void RecordInputs(string inputs, IEnumerable<Diagnostic> diagnostics)
    {
        _inputs = inputs;
        _diagnostics = [.. diagnostics];
    }

    /// <summary>The page of each heading of <paramref name="key"/>'s booklet in the last build, if known.</summary>
    public IReadOnlyDictionary<string, int>? PagesOf(string key) =>
        _currentPages.TryGetValue(key, out var current) ? current
        : _previousPages.TryGetValue(key, out var previous) ? previous : null;

    public void RecordPages(string key, IReadOnlyDictionary<string, int> pages) =>
        _currentPages[key] = new Dictionary<string, int>(pages, StringComparer.Ordinal);

    /// <summary>The file's new content: the previous entries kept, this build's written over them.</summary>
    public string Serialize()
    {
        var outputs = new SortedDictionary<string, string>(_previous, StringComparer.Ordinal);
        foreach (var (key, value) in Current)
        {
            outputs[key] = value;
        }

        var pages = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        foreach (var (key, value) in _previousPages.Concat(_currentPages.OrderBy(p => p.Key, StringComparer.Ordinal)))
        {
            pages[key] = new SortedDictionary<string, int>(value, StringComparer.Ordinal);
        }

        var files = new SortedDictionary<string, string>(_previousFiles, StringComparer.Ordinal);
        foreach (var (file, hash) in _currentFiles)
        {
            files[file] = hash;
        }

        var saved = new Saved(
            new(outputs, StringComparer.Ordinal),
            pages.ToDictionary(p => p.Key, p => p.Value.ToDictionary(), StringComparer.Ordinal),
            _inputs,
            [.. _diagnostics],
            new(files, StringComparer.Ordinal));
        return JsonSerializer.Serialize(saved, SavedJson.Default.Saved) + "\n";
    }

    // Generated at compile time: reflection-based JSON took 60 ms of a 0.3 s build with nothing to do.
    [JsonSourceGenerationOptions(
        WriteIndented = true,
        PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UseStringEnumConverter = true)]
    [JsonSerializable(typeof(Saved))]
    private sealed partial class SavedJson : JsonSerializerContext;

    private sealed record Saved(
        Dictionary<string, string>? Outputs,
        Dictionary<string, Dictionary<string, int>>? PageNumbers,
        string? Inputs,
        List<Diagnostic>? Diagnostics,
        Dictionary<string, string>? Files);

    // A file the record does not know (an older pstm's record) counts as changed: it is made again once.
    private bool AreAsWritten(IEnumerable<string> files) =>
        files.All(f => _previousFiles.TryGetValue(f, out var written) && IsAsWritten(Path.Combine(_output, f), written));

    private static bool IsAsWritten(string path, string hash)
    {
        try
        {
            return File.Exists(path) && HashOf(path) == hash;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Unreadable now: made again, and the build reports it if it cannot be written either.
            return false;
        }
    }

    private static string HashOf(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
