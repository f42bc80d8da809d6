using Pstm.Diagnostics;
using Pstm.Pdf;

namespace Pstm.Editions;

/// <summary>
/// A release put together from parts built apart (one CI job per locale, each <c>build --release V --locale L</c>):
/// every part is checked against its own checksums, all must come from the same plan, version, commit,
/// pstm and SOURCE_DATE_EPOCH, and no two may ship different files under one name. The files are copied
/// into the output folder with a manifest.json and SHA256SUMS made from them as a build makes them, so
/// the result is byte for byte what one build of all the locales writes.
/// </summary>
public static class ReleaseAssembly
{
    /// <summary>Assembles <paramref name="parts"/> into <paramref name="output"/>; the files written, none when it is refused.</summary>
    public static async Task<IReadOnlyList<string>> AssembleAsync(
        IReadOnlyList<string> parts, string output, DiagnosticBag diagnostics, Action<string>? progress, CancellationToken cancellation)
    {
        if (OutputInsideAPart(parts, output) is { } inside)
        {
            diagnostics.Add(inside);
            return [];
        }

        var read = parts.Select(part => ReleaseFolder.Read(part, diagnostics)).ToList();
        if (diagnostics.HasErrors)
        {
            return [];
        }

        var folders = read.OfType<ReleaseFolder>().ToList();
        foreach (var folder in folders)
        {
            progress?.Invoke($"checked {folder.Path}: {folder.Files.Count} files of {string.Join(", ", folder.Header.Locales)}");
        }

        Agree(folders, diagnostics);
        var files = Merge(folders, diagnostics);
        if (diagnostics.HasErrors)
        {
            return [];
        }

        using var held = await OutputFolder.OpenAsync(output, diagnostics, progress, cancellation);
        if (held is null)
        {
            return [];
        }

        try
        {
            using var staging = new OutputStaging(output);
            foreach (var file in files)
            {
                cancellation.ThrowIfCancellationRequested();
                staging.Copy(file.FullPath, file.Relative);
            }

            var header = folders[0].Header with { Locales = [.. folders.SelectMany(f => f.Header.Locales).Distinct().Order(StringComparer.Ordinal)] };
            ReleaseManifest.Write(staging, header);
            return staging.Commit(diagnostics);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(PdfDiagnostics.OutputNotWritten.Create(
                SourceSpan.ForFile(output),
                $"the release cannot be written: {exception.Message}",
                "check that the output folder is writable and that the disk has room"));
            return [];
        }
    }

    /// <summary>Every part must say the same of the release as the first: the same plan, version, commit, pstm, SOURCE_DATE_EPOCH and dates.</summary>
    private static void Agree(List<ReleaseFolder> folders, DiagnosticBag diagnostics)
    {
        var first = folders[0];
        foreach (var other in folders.Skip(1))
        {
            foreach (var (name, value) in ReleaseHeader.Shared)
            {
                if (value(first.Header) != value(other.Header))
                {
                    diagnostics.Add(ReleaseDiagnostics.PartsDisagree.Create(
                        SourceSpan.ForFile(Path.Combine(other.Path, ReleaseManifest.ManifestFile)),
                        $"this part's {name} is {Shown(value(other.Header))}, {first.Path}'s is {Shown(value(first.Header))}: the parts are not of one release",
                        name switch
                        {
                            "source_commit" => "build every part from the same commit (in CI, the same run's checkout)",
                            "source_date_epoch" => "build every part with the same SOURCE_DATE_EPOCH (git log -1 --format=%ct of the same commit)",
                            "pstm_version" or "generator" => "build every part with the same version of pstm",
                            _ => $"build every part from the same plan with the same --release VERSION",
                        }));
                }
            }
        }

        static string Shown(string? value) => value is null ? "none" : $"'{value}'";
    }

    /// <summary>The files of every part, each name once; the same name with other bytes in two parts is a conflict.</summary>
    private static List<ReleaseFile> Merge(List<ReleaseFolder> folders, DiagnosticBag diagnostics)
    {
        var merged = new Dictionary<string, (ReleaseFolder Folder, ReleaseFile File)>(StringComparer.Ordinal);
        var lowered = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var folder in folders)
        {
            foreach (var file in folder.Files)
            {
                if (merged.TryGetValue(file.Relative, out var earlier))
                {
                    if (earlier.File.Sha256 != file.Sha256)
                    {
                        diagnostics.Add(ReleaseDiagnostics.PartsConflict.Create(
                            SourceSpan.ForFile(file.FullPath),
                            $"{file.Relative} is in {earlier.Folder.Path} and in {folder.Path} with other contents",
                            "build each locale in one part only (one --locale per job), and give each part a folder of its own"));
                    }

                    continue;
                }

                // Two names that differ only in case would be one file on Windows and macOS.
                if (lowered.TryGetValue(file.Relative, out var other))
                {
                    diagnostics.Add(ReleaseDiagnostics.PartsConflict.Create(
                        SourceSpan.ForFile(file.FullPath),
                        $"{file.Relative} and {other} differ only in case: they would be one file where names ignore case",
                        "build each locale in one part only, and name no two files alike"));
                    continue;
                }

                merged[file.Relative] = (folder, file);
                lowered[file.Relative] = file.Relative;
            }
        }

        return [.. merged.Values.Select(v => v.File).OrderBy(f => f.Relative, StringComparer.Ordinal)];
    }

    /// <summary>An output folder that is a part, or lies inside one, would change a part while it is read.</summary>
    private static Diagnostic? OutputInsideAPart(IReadOnlyList<string> parts, string output)
    {
        if (string.IsNullOrWhiteSpace(output))
        {
            return null;
        }

        var target = Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        foreach (var part in parts)
        {
            var folder = Path.GetFullPath(part).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            if (target.StartsWith(folder, StringComparison.Ordinal))
            {
                return EditionDiagnostics.OutputFolderUnusable.Create(
                    SourceSpan.ForFile(output),
                    $"the output folder {output} is the part {part} or lies inside it",
                    "give --out a new folder outside the parts");
            }
        }

        return null;
    }
}
