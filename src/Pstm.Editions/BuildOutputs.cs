namespace Pstm.Editions;

/// <summary>What a build is asked to make: booklets, decks or both, for these locales, and the files that makes.</summary>
internal sealed record BuildOutputs(bool Booklets, bool Decks, IReadOnlyList<string> Locales)
{
    public static readonly string[] BookletFiles = ["booklet.pdf", "booklet.html"];
    public static readonly string[] DeckFiles = ["slides.pdf", "slides.html"];

    /// <summary>The outputs of <paramref name="targets"/>: none named, or <c>all</c>, is both.</summary>
    public static BuildOutputs Of(IReadOnlyList<BuildTarget> targets, IReadOnlyList<string> locales)
    {
        var all = targets.Count == 0 || targets.Contains(BuildTarget.All);
        return new(all || targets.Contains(BuildTarget.Booklet), all || targets.Contains(BuildTarget.Slides), locales);
    }

    /// <summary>How many documents a full build prints: one per locale and output.</summary>
    public int Documents => Locales.Count * ((Booklets ? 1 : 0) + (Decks ? 1 : 0));

    /// <summary>The files made, relative to the output folder ("it/booklet.pdf"), assets aside.</summary>
    public IReadOnlyList<string> Files =>
        [.. Locales.SelectMany(locale => (Booklets ? BookletFiles : []).Concat(Decks ? DeckFiles : []).Select(file => $"{locale}/{file}"))];

    /// <summary>The targets as part of the inputs' fingerprint: a booklet-only build is not a full one.</summary>
    public string Fingerprint => $"{Booklets}/{Decks}";
}
