// The booklet's headings that a link can reach (they have an id, so the PDF has a destination for
// each), with the plan item each belongs to and whether the heading ends its page on purpose (a
// forced page break after it, as on a chapter opener) or ends the document. Evaluated by pstm
// (PageFootHeadings.cs) to find a heading left alone at the foot of a page.
() => {
  const forced = value => ['page', 'left', 'right', 'recto', 'verso'].includes(value);
  const shown = el => el.getClientRects().length > 0;
  return [...document.querySelectorAll('h1[id], h2[id], h3[id], h4[id]')].filter(shown).map(heading => {
    let ends = true;
    for (let el = heading; el && el !== document.body; el = el.parentElement) {
      if (forced(getComputedStyle(el).breakAfter)) { break; }
      let next = el.nextElementSibling;
      while (next && !shown(next)) { next = next.nextElementSibling; }
      if (next) { ends = forced(getComputedStyle(next).breakBefore); break; }
    }
    return { id: heading.id, key: heading.closest('[data-item]')?.getAttribute('data-item') ?? null, text: heading.innerText, ends };
  });
}
