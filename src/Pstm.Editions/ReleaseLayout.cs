namespace Pstm.Editions;

/// <summary>
/// How a release names its files. The editions keep their locale folders (the booklet's print HTML beside
/// the <c>assets/</c> it reads), but each edition file carries the plan's id, its locale, what it is and the
/// release's version, joined by '_' (which no locale or version holds):
/// <c>it/psttm-2025-2027_it_booklet_1.4.0.pdf</c>, so that the files stay apart once downloaded side by side.
/// </summary>
public static class ReleaseLayout
{
    public const string Booklet = "booklet";
    public const string Slides = "slides";
    public const string Asset = "asset";

    private static readonly string[] EditionKinds = [Booklet, Slides];

    /// <summary>The name of an edition file in a release: <c>PLAN_LOCALE_KIND_VERSION.EXT</c>.</summary>
    public static string FileName(string plan, string locale, string kind, string version, string extension) =>
        $"{plan}_{locale}_{kind}_{version}{extension}";

    /// <summary>Gives the edition files staged for <paramref name="locales"/> their release names; the assets keep theirs.</summary>
    public static void Rename(OutputStaging staging, string plan, string version, IEnumerable<string> locales)
    {
        foreach (var locale in locales)
        {
            foreach (var file in BuildOutputs.BookletFiles.Concat(BuildOutputs.DeckFiles))
            {
                var staged = staging.PathOf(Path.Combine(locale, file));
                if (File.Exists(staged))
                {
                    var kind = Path.GetFileNameWithoutExtension(file);
                    File.Move(staged, staging.PathOf(Path.Combine(locale, FileName(plan, locale, kind, version, Path.GetExtension(file)))));
                }
            }
        }
    }

    /// <summary>What a file of a release or an output folder is, from its path ("it/booklet.pdf", "it/assets/theme.css"): booklet, slides, asset, or null.</summary>
    public static string? KindOf(string relative)
    {
        var parts = relative.Split('/');
        if (parts.Length > 2 && parts[1] == "assets")
        {
            return Asset;
        }

        if (parts.Length != 2)
        {
            return null;
        }

        var (locale, stem) = (parts[0], Path.GetFileNameWithoutExtension(parts[1]));
        return EditionKinds.FirstOrDefault(kind => stem == kind || stem.Contains($"_{locale}_{kind}_", StringComparison.Ordinal));
    }
}
