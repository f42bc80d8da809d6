using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pstm.Diagnostics;

namespace Pstm.Editions;

/// <summary>A file a release lists: its path relative to the release (with '/'), its SHA-256 and size, and where it is.</summary>
public sealed record ReleaseFile(string Relative, string Sha256, long Bytes, string FullPath);

/// <summary>
/// A release folder read and checked: a release built by <c>build --release</c> (or <c>--manifest</c>),
/// one part of it built on another machine, or one assembled. Every file <c>SHA256SUMS</c> lists must be
/// there, a regular file inside the folder, with that checksum; <c>manifest.json</c> must list the same
/// files with the same checksums and sizes; a file the checksums leave out is told, and is no part of it.
/// </summary>
public sealed partial record ReleaseFolder(string Path, ReleaseHeader Header, IReadOnlyList<ReleaseFile> Files)
{
    /// <summary>The release in <paramref name="folder"/>, checked; null after reporting why it cannot be used.</summary>
    public static ReleaseFolder? Read(string folder, DiagnosticBag diagnostics)
    {
        var manifestPath = System.IO.Path.Combine(folder, ReleaseManifest.ManifestFile);
        var sumsPath = System.IO.Path.Combine(folder, ReleaseManifest.SumsFile);
        if (!Directory.Exists(folder))
        {
            diagnostics.Add(Unusable(folder, $"{folder} is not a folder", "give the folder a build with --release (or --manifest) wrote, as it was downloaded"));
            return null;
        }

        if (!File.Exists(manifestPath) || !File.Exists(sumsPath))
        {
            diagnostics.Add(Unusable(folder, $"{folder} holds no {(File.Exists(manifestPath) ? ReleaseManifest.SumsFile : ReleaseManifest.ManifestFile)}: it is not a release",
                "give the folder a build with --release (or --manifest) wrote, manifest.json and SHA256SUMS included"));
            return null;
        }

        var (header, artifacts) = ReadManifest(manifestPath, diagnostics);
        var listed = ReadSums(sumsPath, diagnostics);
        if (header is null || artifacts is null || listed is null)
        {
            return null;
        }

        var errors = diagnostics.ErrorCount;
        var files = new List<ReleaseFile>();
        foreach (var (line, relative, sha256) in listed)
        {
            if (Check(folder, sumsPath, line, relative, sha256, diagnostics) is { } file)
            {
                files.Add(file);
            }
        }

        AgreeWithManifest(manifestPath, listed, files, artifacts, diagnostics);
        if (diagnostics.ErrorCount > errors)
        {
            return null;
        }

        var names = files.Select(f => f.Relative).ToHashSet(StringComparer.Ordinal);
        foreach (var unlisted in ReleaseManifest.Shipped(folder).Where(f => !names.Contains(f)))
        {
            diagnostics.Add(ReleaseDiagnostics.UnlistedFile.Create(
                SourceSpan.ForFile(System.IO.Path.Combine(folder, unlisted)),
                $"{unlisted} is in {folder} but not in its SHA256SUMS: it is no part of the release, and is left out",
                "it may be left from an earlier build: build each release into a new folder, or delete the file"));
        }

        return new ReleaseFolder(folder, header, files);
    }

    /// <summary>The header and the artifacts (path, sha256, bytes) of manifest.json; nulls after reporting it unreadable.</summary>
    private static (ReleaseHeader? Header, Dictionary<string, (string Sha256, long Bytes)>? Artifacts) ReadManifest(string path, DiagnosticBag diagnostics)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var (header, problem) = ReleaseHeader.Read(document.RootElement);
            var artifacts = new Dictionary<string, (string, long)>(StringComparer.Ordinal);
            if (header is not null && document.RootElement.TryGetProperty("artifacts", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var artifact in list.EnumerateArray())
                {
                    if (artifact.ValueKind != JsonValueKind.Object
                        || !artifact.TryGetProperty("artifact", out var name) || name.ValueKind != JsonValueKind.String
                        || !artifact.TryGetProperty("sha256", out var sha256) || sha256.ValueKind != JsonValueKind.String
                        || !artifact.TryGetProperty("bytes", out var bytes) || !bytes.TryGetInt64(out var size))
                    {
                        problem = "an entry of its 'artifacts' lacks its 'artifact', 'sha256' or 'bytes'";
                        break;
                    }

                    artifacts[name.GetString()!] = (sha256.GetString()!, size);
                }
            }
            else
            {
                problem ??= "it has no 'artifacts' list";
            }

            if (problem is null)
            {
                return (header, artifacts);
            }

            diagnostics.Add(Unusable(path, $"{path} is not a release manifest: {problem}", "build the part again with the same pstm as the others (build --release)"));
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Unusable(path, $"{path} cannot be read as JSON: {exception.Message}", "download the part again, or build it again"));
        }

        return (null, null);
    }

    /// <summary>The lines of SHA256SUMS: line number, path and checksum; null after reporting a line that is none.</summary>
    private static List<(int Line, string Relative, string Sha256)>? ReadSums(string path, DiagnosticBag diagnostics)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(File.ReadAllBytes(path));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            diagnostics.Add(Unusable(path, $"{path} cannot be read: {exception.Message}", "download the part again, or build it again"));
            return null;
        }

        var lines = new List<(int, string, string)>();
        var number = 0;
        foreach (var line in text.Split('\n'))
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            // sha256sum writes "HASH  NAME", or "HASH *NAME" in binary mode.
            var match = SumsLine().Match(line);
            if (!match.Success || !IsSafe(match.Groups["path"].Value))
            {
                diagnostics.Add(ReleaseDiagnostics.PartUnusable.Create(
                    SourceSpan.At(path, number, 1, line.Length),
                    match.Success
                        ? $"SHA256SUMS names '{match.Groups["path"].Value}', which is not a path inside the release"
                        : "this line of SHA256SUMS is not a SHA-256 checksum and a file name",
                    "a release's SHA256SUMS lists 'CHECKSUM  locale/file' lines only: download the part again, or build it again"));
                return null;
            }

            lines.Add((number, match.Groups["path"].Value, match.Groups["sha"].Value));
        }

        return lines;
    }

    /// <summary>The file a line of SHA256SUMS names, if it is there, a regular file, and has that checksum.</summary>
    private static ReleaseFile? Check(string folder, string sumsPath, int line, string relative, string sha256, DiagnosticBag diagnostics)
    {
        var full = System.IO.Path.Combine(folder, relative);
        var span = SourceSpan.At(sumsPath, line, 67, relative.Length);
        var info = new FileInfo(full);
        if (!info.Exists || info.LinkTarget is not null || HasLinkedFolder(folder, relative))
        {
            diagnostics.Add(ReleaseDiagnostics.ChecksumMismatch.Create(
                span,
                info.Exists ? $"{relative} is a symbolic link, not a file of the release" : $"{relative} is listed in SHA256SUMS but is missing",
                "download the part again, whole, or build it again"));
            return null;
        }

        var bytes = File.ReadAllBytes(full);
        var actual = ReleaseManifest.Sha256(bytes);
        if (actual != sha256)
        {
            diagnostics.Add(ReleaseDiagnostics.ChecksumMismatch.Create(
                span,
                $"{relative} does not match its checksum in SHA256SUMS ({bytes.Length} bytes, SHA-256 {actual[..12]}…, listed {sha256[..12]}…): it was changed or cut short since it was built",
                "download the part again, or build it again"));
            return null;
        }

        return new ReleaseFile(relative, sha256, bytes.Length, full);
    }

    /// <summary>manifest.json must list what SHA256SUMS lists, with the same checksums, and the sizes of the files that are there.</summary>
    private static void AgreeWithManifest(
        string manifestPath, List<(int Line, string Relative, string Sha256)> listed, List<ReleaseFile> files, Dictionary<string, (string Sha256, long Bytes)> artifacts, DiagnosticBag diagnostics)
    {
        var sizes = files.ToDictionary(f => f.Relative, f => f.Bytes, StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, relative, sha256) in listed)
        {
            names.Add(relative);
            var agrees = artifacts.TryGetValue(relative, out var artifact) && artifact.Sha256 == sha256
                && (!sizes.TryGetValue(relative, out var size) || artifact.Bytes == size);
            if (!agrees)
            {
                diagnostics.Add(ReleaseDiagnostics.ChecksumMismatch.Create(
                    SourceSpan.ForFile(manifestPath),
                    artifacts.ContainsKey(relative)
                        ? $"manifest.json gives {relative} another checksum or size than SHA256SUMS and the file have"
                        : $"manifest.json does not list {relative}, which SHA256SUMS lists",
                    "the two files must come from one build: download the part again, or build it again"));
            }
        }

        foreach (var name in artifacts.Keys.Where(name => !names.Contains(name)).Order(StringComparer.Ordinal))
        {
            diagnostics.Add(ReleaseDiagnostics.ChecksumMismatch.Create(
                SourceSpan.ForFile(manifestPath),
                $"manifest.json lists {name}, which SHA256SUMS does not",
                "the two files must come from one build: download the part again, or build it again"));
        }
    }

    /// <summary>A relative path that stays inside the release: no root, no '..', no empty part, no backslash, no hidden name.</summary>
    private static bool IsSafe(string relative) =>
        !relative.Contains('\\') && !relative.Contains(':') && !relative.StartsWith('/')
        && relative.Split('/').All(part => part.Length > 0 && part != "." && part != ".." && !part.StartsWith('.'))
        && ReleaseManifest.IsShipped(relative);

    /// <summary>Whether a folder on the way to the file is a symbolic link, which could lead out of the release.</summary>
    private static bool HasLinkedFolder(string folder, string relative)
    {
        var path = folder;
        foreach (var part in relative.Split('/').SkipLast(1))
        {
            path = System.IO.Path.Combine(path, part);
            if (new DirectoryInfo(path).LinkTarget is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static Diagnostic Unusable(string file, string message, string hint) =>
        ReleaseDiagnostics.PartUnusable.Create(SourceSpan.ForFile(file), message, hint);

    [GeneratedRegex(@"^(?<sha>[0-9a-f]{64}) [ *](?<path>[^\r\n]+)$")]
    private static partial Regex SumsLine();
}
