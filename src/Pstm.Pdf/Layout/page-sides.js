// The elements that the stylesheet asks to start on a left or a right page (break-before: left,
// right, verso or recto), which Chromium prints after a plain page break. For each, in document
// order: the side, its id, the ids inside it (one of them may be a destination of the PDF, which
// says the page it starts on), whether nothing shown follows it (then it starts the last page), and
// its tag and classes.
// Evaluated by pstm (PageSides.cs), which puts a blank page before each one that falls on the wrong side.
() => {
  const sides = { left: 'left', verso: 'left', right: 'right', recto: 'right' };
  const shown = el => el.getClientRects().length > 0;
  const nothingAfter = el => {
    for (let at = el; at && at !== document.body; at = at.parentElement) {
      for (let next = at.nextElementSibling; next; next = next.nextElementSibling) {
        if (shown(next)) { return false; }
      }
    }
    return true;
  };
  return [...document.body.querySelectorAll('*')]
    .filter(el => sides[getComputedStyle(el).breakBefore] && shown(el))
    .map(el => ({
      side: sides[getComputedStyle(el).breakBefore],
      id: el.id || null,
      ids: [el.id, ...[...el.querySelectorAll('[id]')].map(inner => inner.id)].filter(Boolean),
      last: nothingAfter(el),
      name: [el.tagName.toLowerCase(), ...el.classList].join('.'),
    }));
}
