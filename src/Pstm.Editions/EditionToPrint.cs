using Pstm.Pdf;
using Pstm.Rendering.Booklet;
using Pstm.Rendering.Slides;

namespace Pstm.Editions;

/// <summary>What one locale's edition holds before printing: its booklet and deck when they are to be printed.</summary>
internal sealed record EditionToPrint(string Locale, RenderedBooklet? Booklet, DeckDraft? Slides, PdfMetadata Metadata)
{
    public bool PrintsAnything => Booklet is not null || Slides is not null;
}
