namespace Pstm.Pdf;

/// <summary>
/// Has Chromium write the /Lang of every part of a page in another language than the text around it
/// (PDF/UA-1 7.2). Its tagged PDF holds a structure element, with its /Lang, only for an element its
/// accessibility tree exposes; a span or a div that has nothing but its <c>lang</c> is left out, and its
/// words take the language around them. A global ARIA attribute at its default value,
/// <c>aria-busy="false"</c>, has Chromium expose such an element (a NonStruct with its /Lang, measured with
/// Chromium 156) and changes nothing a screen reader says. It is set for the print only and taken away
/// after it, so that the page stays as its HTML file made it (a kept page is compared with its markup).
/// </summary>
internal static class OtherLanguageParts
{
    /// <summary>Marks each element whose language differs from its parent's, and remembers which.</summary>
    public const string Mark = """
        (() => {
          window.pstmLanguageParts = [];
          for (const part of document.querySelectorAll('body [lang]:not([aria-busy])')) {
            const around = part.parentElement?.closest('[lang]')?.lang ?? '';
            if (part.lang !== '' && part.lang.toLowerCase() !== around.toLowerCase()) {
              part.setAttribute('aria-busy', 'false');
              window.pstmLanguageParts.push(part);
            }
          }
        })()
        """;

    /// <summary>Takes the marks away.</summary>
    public const string Unmark = "for (const part of window.pstmLanguageParts ?? []) { part.removeAttribute('aria-busy'); }";
}
