// The overflow probe: finds, in the page as it is laid out now, content that does not fit its box.
// Evaluated by pstm (OverflowProbe.cs), never part of a template. Returns one finding per element:
//   beyond     an element, or a run of its text, reaches past the box that clips it (a slide, a box
//              with overflow other than visible) or past the page's text width: it is cut off;
//   overflows  a run of text (a long word, a URL) runs past the element that holds it.
// Each finding names the nearest ancestor's data-item (the plan item it belongs to) and what it
// reaches past: "page", or the clipping element as tag.class.
async (options) => {
  await document.fonts.ready;
  await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const tolerance = 1.5;
  const findings = [];
  const root = document.documentElement;
  const keyOf = el => el.closest('[data-item]')?.getAttribute('data-item') ?? null;
  const nameOf = el => el.tagName.toLowerCase() + (el.classList.length ? '.' + [...el.classList].join('.') : '');
  const clips = style => style.overflowX !== 'visible' || style.overflowY !== 'visible';
  const squash = text => (text || '').replace(/\s+/g, ' ').trim().slice(0, 60);
  // The boxes of a node's words, its spaces left out: a space that ends a line (kept by pre-wrap)
  // hangs past the line's end without being seen, and is no overflow.
  function* wordRects(node) {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = node.nodeType === Node.TEXT_NODE ? node : walker.nextNode(); text; text = node.nodeType === Node.TEXT_NODE ? null : walker.nextNode()) {
      for (const word of text.data.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(text, word.index);
        range.setEnd(text, word.index + word[0].length);
        yield* range.getClientRects();
      }
    }
  }
  // Whether all of a node's boxes lie within the frame and the element's sides: then so do its words,
  // which need not be measured one by one (most of a page's text).
  function fitsWhole(node, frame, sides) {
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) {
      if (rect.width === 0 && rect.height === 0) { continue; }
      if (frame && past(rect, frame) > tolerance) { return false; }
      if (sides && Math.max((rect.right - sides.right) / sides.scale, (sides.left - rect.left) / sides.scale) > tolerance) { return false; }
    }
    return true;
  }

  // Rectangles are in the window's pixels; a transformed deck is scaled, and amounts are given in CSS px.
  const scaleOf = el => el.offsetWidth > 0 ? el.getBoundingClientRect().width / el.offsetWidth : 1;

  // The padding box of el in window pixels: what it clips its content to.
  function paddingBox(el) {
    const rect = el.getBoundingClientRect();
    const scale = scaleOf(el);
    const left = rect.left + el.clientLeft * scale;
    const top = rect.top + el.clientTop * scale;
    return { left, top, right: left + el.clientWidth * scale, bottom: top + el.clientHeight * scale, scale, name: nameOf(el) };
  }

  // The page's text area: the window is as wide as the page's text when the booklet is measured.
  const page = { left: 0, top: -Infinity, right: root.clientWidth, bottom: Infinity, scale: 1, name: 'page' };
  const frames = new Map();
  // The box el must stay within: its nearest clipping ancestor, else the page (null when the page is
  // not checked); 'hidden' inside an element made tiny on purpose (text only for screen readers).
  function frameOf(el) {
    if (frames.has(el)) { return frames.get(el); }
    let frame = options.checkPage ? page : null;
    const parent = el.parentElement;
    if (parent && parent !== root && parent !== document.body) {
      frame = clips(getComputedStyle(parent))
        ? (parent.clientWidth <= 2 || parent.clientHeight <= 2 ? 'hidden' : paddingBox(parent))
        : frameOf(parent);
    }
    frames.set(el, frame);
    return frame;
  }

  const past = (rect, frame) =>
    Math.max(rect.right - frame.right, frame.left - rect.left, rect.bottom - frame.bottom, frame.top - rect.top) / frame.scale;

  // An element reported as cut off: its descendants are too, and are not reported again.
  const reported = new Set();
  const within = el => { for (let a = el.parentElement; a; a = a.parentElement) { if (reported.has(a)) { return true; } } return false; };
  const add = (kind, el, amount, text, frame) => {
    findings.push({ kind, key: keyOf(el), element: nameOf(el), text: squash(text), amount: Math.round(amount), frame, node: el });
    reported.add(el);
  };

  const pending = [];
  for (const scope of document.querySelectorAll(options.scope)) {
    for (const el of [scope, ...scope.querySelectorAll('*')]) {
      // Decoration hidden from assistive technology (a cover's pattern of names) may be clipped: no reader loses it.
      if (el.getClientRects().length === 0 || within(el) || el.closest('[aria-hidden="true"]')) { continue; }
      const frame = el === scope && options.scope !== 'body' ? null : frameOf(el);
      if (frame === 'hidden') { continue; }
      const style = getComputedStyle(el);

      if (frame) {
        let most = 0;
        for (const rect of el.getClientRects()) {
          if (rect.width > 0 || rect.height > 0) { most = Math.max(most, past(rect, frame)); }
        }

        // Items inside it are reported one by one, so that each names its own plan item; it is
        // reported itself only when none of them is.
        if (most > tolerance && el.querySelector('[data-item]')) {
          pending.push({ el, most, frame: frame.name });
        } else if (most > tolerance) {
          add('beyond', el, most, el.innerText || el.textContent, frame.name);
          continue;
        }
      }

      // The element's own text: a word that cannot break, past the element's side; or lines past the
      // box that clips them (the element itself, if it clips).
      if (style.display === 'inline' || el.clientWidth <= 2) { continue; }
      const own = paddingBox(el);
      const textFrame = clips(style) ? own : frame;
      for (const node of el.childNodes) {
        const inline = node.nodeType === Node.ELEMENT_NODE && getComputedStyle(node).display === 'inline';
        if ((node.nodeType !== Node.TEXT_NODE && !inline) || !node.textContent.trim()) { continue; }
        const wraps = style.whiteSpace !== 'nowrap' && style.whiteSpace !== 'pre';
        if (fitsWhole(node, textFrame, wraps ? own : null)) { continue; }
        let cut = 0, wide = 0;
        for (const rect of wordRects(node)) {
          if (textFrame) { cut = Math.max(cut, past(rect, textFrame)); }
          if (wraps) {
            wide = Math.max(wide, (rect.right - own.right) / own.scale, (own.left - rect.left) / own.scale);
          }
        }

        // A word too wide is said as such, wherever it ends: breaking it is the fix.
        if (wide > tolerance) {
          add('overflows', el, wide, node.textContent, own.name);
          break;
        }

        if (cut > tolerance) {
          add('beyond', el, cut, node.textContent, textFrame.name);
          break;
        }
      }
    }
  }

  for (const { el, most, frame } of pending) {
    if (!findings.some(f => el.contains(f.node))) {
      add('beyond', el, most, el.innerText || el.textContent, frame);
    }
  }

  return findings.map(({ node, ...finding }) => finding);
}
