namespace Pstm.Editions;

/// <summary>What a build makes: <c>--target booklet|slides|all</c>.</summary>
public enum BuildTarget
{
    /// <summary>Both: the booklet and the deck.</summary>
    All,

    /// <summary>The PDF booklet, with the print HTML it is made from.</summary>
    Booklet,

    /// <summary>The slide deck, as HTML and PDF.</summary>
    Slides,
}
