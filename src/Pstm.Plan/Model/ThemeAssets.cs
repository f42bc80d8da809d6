using Pstm.Plan.Images;

namespace Pstm.Plan.Model;

/// <summary>
/// The files the plan's theme names, read and checked by validation: the bytes checked are the ones
/// the booklet copies beside its HTML and the deck inlines.
/// </summary>
public sealed record ThemeAssets
{
    public static ThemeAssets None { get; } = new();

    public PlanImage? Logo { get; init; }

    public PlanImage? LogoOnDark { get; init; }

    public PlanImage? CoverImage { get; init; }

    /// <summary>The typefaces' files, each with the family, weight and style it is declared for.</summary>
    public IReadOnlyList<ThemeFontFace> FontFaces { get; init; } = [];

    /// <summary>Every file, for what copies them beside the booklet.</summary>
    public IEnumerable<(string AssetName, string FullPath)> Files =>
        new[] { Logo, LogoOnDark, CoverImage }.OfType<PlanImage>().Select(i => (i.AssetName, i.FullPath))
            .Concat(FontFaces.Select(f => (f.AssetName, f.FullPath)));
}

/// <summary>One file of a theme's typeface, as an @font-face rule needs it.</summary>
public sealed record ThemeFontFace(string Family, int Weight, bool Italic, string FullPath, string AssetName, string DataUrl, string Format);
