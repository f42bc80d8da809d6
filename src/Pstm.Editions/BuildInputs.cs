using System.Security.Cryptography;
using System.Text;
using Pstm.Plan;
using Pstm.Plan.Translation;

namespace Pstm.Editions;

/// <summary>
/// One hash of everything a build reads: the plan's files and translations, every file of the
/// templates folder, the options, the date shown and pstm's version. When it equals the last build's
/// and that build's outputs are all there, the build has nothing to do: it renders and prints nothing.
/// </summary>
internal static class BuildInputs
{
    public static string Fingerprint(
        BuildRequest request, PlanCheck check, IReadOnlyList<string> locales, string targets, string templatesRoot, DateOnly shown)
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

        foreach (var locale in locales)
        {
            AddFile(hash, TranslationFile.PathFor(request.PlanDirectory, locale));
        }

        foreach (var file in Rendering.Templates.TemplateFolder.Files(templatesRoot))
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

    private static void AddFile(IncrementalHash hash, string path)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(path + "\0"));
        hash.AppendData(File.Exists(path) ? File.ReadAllBytes(path) : "\0absent\0"u8);
    }
}
