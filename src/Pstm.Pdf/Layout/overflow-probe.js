// The overflow probe: finds, in the page as it is laid out now, content that does not fit its box.
// Evaluated by pstm (OverflowProbe.cs), never part of a template. Returns one finding per element:
//   clips    an element that clips its own content (overflow other than visible) hides some of it;
//   beyond   an element (or a run of text) reaches past the box that clips it (a slide) or past the
//            page's text width;
//   overflows a run of text (a long word, a URL) runs past the element that holds it.
// Each finding names the nearest ancestor's data-item, the key of the plan item it belongs to.
async (options) => {
  await document.fonts.ready;
  await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const tolerance = 1.5;
  const findings = [];
  const root = document.documentElement;
  const keyOf = el => el.closest('[data-item]')?.getAttribute('data-item') ?? null;
  const nameOf = el => el.tagName.toLowerCase() + (el.classList.length ? '.' + [...el.classList].join('.') : '');
  const clips = style => style.overflowX !== 'visible' || style.overflowY !== 'visible';
  const textOf = el => (el.innerText || el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 60);
  // Rectangles are in the window's pixels; a transformed deck is scaled, and amounts are given in CSS px.
  const scaleOf = el => el.offsetWidth > 0 ? el.getBoundingClientRect().width / el.offsetWidth : 1;

  // The padding box of el in window pixels, as its descendants are clipped to it.
  function paddingBox(el) {
    const rect = el.getBoundingClientRect();
    const scale = scaleOf(el);
    const left = rect.left + el.clientLeft * scale;
    const top = rect.top + el.clientTop * scale;
    return { left, top, right: left + el.clientWidth * scale, bottom: top + el.clientHeight * scale, scale, el };
  }

  // The page's text width: the window is as wide as the page's text area when the booklet is measured.
  const page = { left: 0, top: -Infinity, right: root.clientWidth, bottom: Infinity, scale: 1, el: null };
  const frames = new Map();
  // The box el must stay within: its nearest clipping ancestor, or the page; null inside an element
  // made tiny on purpose (text only for screen readers).
  function frameOf(el) {
    if (frames.has(el)) { return frames.get(el); }
    let frame = page;
    const parent = el.parentElement;
    if (parent && parent !== root && parent !== document.body) {
      const style = getComputedStyle(parent);
      if (clips(style)) {
        frame = parent.clientWidth <= 2 || parent.clientHeight <= 2 ? null : paddingBox(parent);
      } else {
        frame = frameOf(parent);
      }
    }
    frames.set(el, frame);
    return frame;
  }

  function beyond(rect, frame) {
    return Math.max(rect.right - frame.right, frame.left - rect.left, rect.bottom - frame.bottom, frame.top - rect.top) / frame.scale;
  }

  const reported = new Set();
  const within = el => { for (let a = el.parentElement; a; a = a.parentElement) { if (reported.has(a)) { return true; } } return false; };
  function add(kind, el, amount, what) {
    findings.push({ kind, key: keyOf(el), element: nameOf(el), text: what ?? textOf(el), amount: Math.round(amount), node: el });
  }

  const scopes = [...document.querySelectorAll(options.scope)];
  for (const scope of scopes) {
    for (const el of [scope, ...scope.querySelectorAll('*')]) {
      if (el.getClientRects().length === 0) { continue; }
      const frame = el === scope && options.scope !== 'body' ? page : frameOf(el);
      if (frame === null) { continue; }
      const style = getComputedStyle(el);

      // An element that reaches past the box that clips it, or past the page.
      if (frame !== page || options.checkPage) {
        let most = 0;
        for (const rect of el.getClientRects()) {
          if (rect.width === 0 && rect.height === 0) { continue; }
          most = Math.max(most, beyond(rect, frame));
        }

        // Its descendants reach past it too: the outermost element says it once.
        if (most > tolerance && !within(el)) {
          add('beyond', el, most);
          reported.add(el);
        }
      }

      if (reported.has(el) || within(el)) { continue; }

      // An element that hides part of its own content.
      if (clips(style) && el.clientWidth > 2 && el.clientHeight > 2) {
        const hidden = Math.max(el.scrollWidth - el.clientWidth, el.scrollHeight - el.clientHeight);
        if (hidden > tolerance) {
          add('clips', el, hidden);
        }
      }

      // Text that runs past the element holding it: a word or a URL that cannot break.
      if (style.display !== 'inline' && style.whiteSpace !== 'nowrap' && el.clientWidth > 2) {
        const box = paddingBox(el);
        for (const node of el.childNodes) {
          if (node.nodeType !== Node.TEXT_NODE && !(node.nodeType === Node.ELEMENT_NODE && getComputedStyle(node).display === 'inline')) { continue; }
          if (!node.textContent.trim()) { continue; }
          const range = document.createRange();
          range.selectNodeContents(node);
          let most = 0;
          for (const rect of range.getClientRects()) {
            most = Math.max(most, (rect.right - box.right) / box.scale, (box.left - rect.left) / box.scale);
          }

          if (most > tolerance) {
            add('overflows', el, most, node.textContent.replace(/\s+/g, ' ').trim().slice(0, 60));
            break;
          }
        }
      }
    }
  }

  // A clipping element whose hidden content was reported element by element need not be reported again.
  const beyondNodes = findings.filter(f => f.kind !== 'clips').map(f => f.node);
  return findings
    .filter(f => f.kind !== 'clips' || !beyondNodes.some(n => f.node.contains(n)))
    .map(({ node, ...finding }) => finding);
}
