using System.Security.Cryptography;
using System.Text;
using Pstm.Plan;
using Pstm.Plan.Loading;
using Pstm.Plan.Translation;
using Pstm.Rendering.Templates;

namespace Pstm.Editions;

/// <summary>
/// One hash of everything a build reads: the plan's files, images and translations, every file of the
/// templates folder, the options, the date shown and pstm's version. When it equals the last build's
/// and that build's outputs are all there, the build has nothing to do: it renders and prints nothing.
/// </summary>
internal static class BuildInputs
{
    public static string Fingerprint(
        BuildRequest request, PlanCheck check, IReadOnlyList<string> locales, string targets, TemplateFolder templates, DateOnly shown)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\0"));

        Add(EditionBuilder.Generator);

        // Diagnostics name files relative to the working folder: another folder, other messages.
        Add(Directory.GetCurrentDirectory());
        Add(string.Join(",", locales));
        Add(targets);
        Add(request.Strict ? "strict" : "");
        Add(request.SourceDateEpoch ?? "");
        Add(shown.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        foreach (var file in check.Sources.Files.OrderBy(f => f.FullPath, StringComparer.Ordinal))
        {
            Add(file.FullPath);
            Add(file.Text);
        }

        // The images the texts show, as validation read them: a changed picture is a changed booklet.
        foreach (var (address, image) in (check.Plan?.Images.All ?? new Dictionary<string, Plan.Images.PlanImage>()).OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            Add(address);
            hash.AppendData(image.Bytes.Span);
        }

        // A translation file linked outside the plan is not read here either: the build refuses it (PSTM0007).
        foreach (var path in locales.Select(locale => TranslationFile.PathFor(request.PlanDirectory, locale)))
        {
            if (PlanBoundary.Contains(request.PlanDirectory, path))
            {
                AddFile(hash, path);
            }
            else
            {
                Add(path + "\0outside\0");
            }
        }

        foreach (var file in templates.Files())
        {
            AddFile(hash, file);
        }

        // The earlier edition may be a new temporary folder each time (taken out of git): its files count, not its path.
        if (request.ChangesSince is { } since)
        {
            Add(since.Name);
            foreach (var file in Directory.EnumerateFiles(since.PlanDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                Add(Path.GetRelativePath(since.PlanDirectory, file));
                hash.AppendData(File.ReadAllBytes(file));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// The files the build read, as full paths: the plan's files (included ones too), the images its texts
    /// and its theme show, its theme's fonts, and the translation files of the locales built, present or not.
    /// </summary>
    public static IReadOnlyList<string> Files(BuildRequest request, BuildInputCheck input)
    {
        var check = input.Check;
        var locales = input.Locales.Count > 0 ? input.Locales : request.Locales;
        return
        [
            .. check.Sources.Files.Select(f => f.FullPath)
                .Concat(check.Plan?.Images.All.Values.Select(i => i.FullPath) ?? [])
                .Concat(check.Plan?.ThemeAssets.Files.Select(f => f.FullPath) ?? [])
                .Concat(locales.Select(locale => TranslationFile.PathFor(request.PlanDirectory, locale)))
                .Select(Path.GetFullPath)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal),
        ];
    }

    private static void AddFile(IncrementalHash hash, string path)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(path + "\0"));
        hash.AppendData(File.Exists(path) ? File.ReadAllBytes(path) : "\0absent\0"u8);
    }
}
