// pstm's deck measure, run in the tab that prints the deck (not a template's script). The page is the
// measuring deck: one slide per section with all its items. For each section it fills a slide with
// items while the slide's content still fits its box (scrollHeight <= clientHeight: 1280x720, or the
// size a theme sets, so that a 4:3 deck cuts into more slides rather than clipping), then
// starts the next slide; short objectives may flow into two columns when that fits more of them; an
// item taller than a slide is cut between words, at the end of a sentence where one is near; a last
// slide under half full takes items from the one before while both stay at least half full; a
// section on one slide shares its neighbour's slide when one of them is under half full and both
// fit; one still alone on a slide under half full is set larger (the stylesheet's .larger) where it
// fits so. It returns where it cut, joined and enlarged, for pstm's planner to render the deck from.
//
// In pstm build --watch the page stays loaded between rebuilds, the slides that changed put in place
// (keep is true): the page then remembers what it measured of each slide, and measures again only
// the slides that changed. Each slide is put back as it was after it is measured, so that the page
// stays the one its HTML describes.
async ({ sections, keep }) => {
  await document.fonts.ready;
  const started = performance.now();
  const memory = keep ? (window.pstmDeckMeasure ??= { slides: [] }) : null;
  const slides = Array.from(document.querySelectorAll('main .slide'));
  const space = /[ \t\n\r\f]/;
  const sentenceEnd = /[.!?;:…]["'’”»)\]]*$/;
  const fits = (slide) => slide.scrollHeight <= slide.clientHeight;
  // Set larger, a table or a grid may also grow wider than the slide.
  const fitsBoth = (slide) => fits(slide) && slide.scrollWidth <= slide.clientWidth;

  // The words of a text as ranges of its DOM (a word runs across tags, as pstm's HtmlWords counts it).
  function wordsOf(root) {
    const words = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let open = null;
    let last = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.data;
      for (let i = 0; i < text.length; i++) {
        if (space.test(text[i])) {
          if (open) { words.push({ start: open, end: last, text: '' }); open = null; }
        } else {
          if (!open) { open = { node, offset: i }; }
          last = { node, offset: i + 1 };
        }
      }
    }
    if (open) { words.push({ start: open, end: last }); }
    for (const word of words) {
      const range = document.createRange();
      range.setStart(word.start.node, word.start.offset);
      range.setEnd(word.end.node, word.end.offset);
      word.text = range.toString();
    }
    return words;
  }

  function measureSection(section, slide) {
    const units = section.units.map((unit) => {
      const all = slide.querySelectorAll('[data-item="' + CSS.escape(unit.key) + '"]');
      const element = all.length ? all[all.length - 1] : null;
      if (!element) { return null; }
      const target = unit.split ? (element.querySelector('[data-split]') || element) : null;
      const original = target ? target.cloneNode(true) : null;
      return { key: unit.key, element, target, original, words: original ? wordsOf(original) : null };
    });
    if (units.some((u) => !u)) { return { slides: [], unfit: [], missing: true }; }
    if (units.length === 0) { return { slides: [], unfit: [] }; }
    const list = units[0].element.parentElement;

    function show(index, from, to) {
      const unit = units[index];
      unit.element.style.display = '';
      if (!unit.target) { return; }
      if (from === 0 && to === unit.words.length) {
        unit.target.replaceChildren(...Array.from(unit.original.cloneNode(true).childNodes));
        return;
      }
      const range = document.createRange();
      range.setStart(unit.words[from].start.node, unit.words[from].start.offset);
      range.setEnd(unit.words[to - 1].end.node, unit.words[to - 1].end.offset);
      const parts = [range.cloneContents()];
      if (from > 0) { parts.unshift('… '); }
      if (to < unit.words.length) { parts.push(' …'); }
      unit.target.replaceChildren(...parts);
    }
    function hideAll() { for (const unit of units) { unit.element.style.display = 'none'; } }
    // What the template shows on a section's first slide only (data-first-part, a driver's subtitle),
    // shown on the slide that starts at the first word of the first unit, hidden on the others.
    const firstOnly = Array.from(slide.querySelectorAll('[data-first-part]'));
    function firstPart(index, word) { for (const element of firstOnly) { element.style.display = index === 0 && word === 0 ? '' : 'none'; } }
    function setColumns(columns) { list.classList.toggle('columns-2', columns === 2); }
    const count = (index) => (units[index].words ? units[index].words.length : 0);

    // Whether an item on its own, whole, is taller than a slide; asked in the middle of a fill, whose
    // parts are shown again after. Measured only when asked: most items fit where they come.
    const tall = [];
    function tooTallAlone(index, parts, columns) {
      if (tall[index] === undefined) {
        hideAll();
        setColumns(1);
        show(index, 0, count(index));
        tall[index] = !fits(slide);
        units[index].element.style.display = 'none';
        setColumns(columns);
        for (const part of parts) { show(part.unit, part.from, part.to < 0 ? count(part.unit) : part.to); }
      }
      return tall[index];
    }

    // The most words of unit index, from word from, that fit with what is shown; a sentence's end
    // when one ends in the second half of them. 0 when not one word fits.
    function mostWords(index, from) {
      let low = from;
      let high = units[index].words.length;
      while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        show(index, from, middle);
        if (fits(slide)) { low = middle; } else { high = middle - 1; }
      }
      if (low === from) { units[index].element.style.display = 'none'; return 0; }
      const words = units[index].words;
      for (let end = low; end > from + (low - from) / 2; end--) {
        if (sentenceEnd.test(words[end - 1].text)) { low = end; break; }
      }
      show(index, from, low);
      return low;
    }

    const line = (element) => {
      const style = getComputedStyle(element);
      return parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.35;
    };
    // Short: at most two lines in one column, so that two columns keep it readable. Measured once,
    // and only for a section that two columns might help.
    let short = null;
    function measureShort() {
      short = units.map((unit, index) => {
        hideAll();
        setColumns(1);
        show(index, 0, count(index));
        return unit.element.getBoundingClientRect().height <= 2.5 * line(unit.element);
      });
    }

    // Whether the slide, without unit index (hidden here), ends above half its body.
    function sparseWithout(index) {
      units[index].element.style.display = 'none';
      return fillOf(slide) < 0.5;
    }

    // One slide from (index, word) in the given columns: its parts, and where the next one starts.
    function fill(index, word, columns, unfit) {
      hideAll();
      setColumns(columns);
      firstPart(index, word);
      const parts = [];
      let i = index;
      let w = word;
      while (i < units.length) {
        const unit = units[i];
        if (columns === 2 && !short[i]) { break; }
        if (unit.target) {
          show(i, w, count(i));
          if (fits(slide)) { parts.push({ unit: i, from: w, to: w === 0 ? -1 : count(i) }); i++; w = 0; continue; }
          // Cut here only a text too tall for any slide, the first on this one, or one that moved whole
          // to the next slide would leave this one under half full.
          if (columns === 1 && (parts.length === 0 || tooTallAlone(i, parts, columns) || sparseWithout(i))) {
            const end = mostWords(i, w);
            if (end > w) { parts.push({ unit: i, from: w, to: end }); if (end === count(i)) { i++; w = 0; } else { w = end; } break; }
            if (parts.length === 0) { unfit.push(unit.key); show(i, w, w + 1); parts.push({ unit: i, from: w, to: w + 1 }); if (w + 1 === count(i)) { i++; w = 0; } else { w++; } break; }
          }
          unit.element.style.display = 'none';
          break;
        }
        show(i, 0, 0);
        if (fits(slide)) { parts.push({ unit: i, from: 0, to: -1 }); i++; continue; }
        if (parts.length === 0) { unfit.push(unit.key); parts.push({ unit: i, from: 0, to: -1 }); i++; } else { unit.element.style.display = 'none'; }
        break;
      }
      return { slide: { columns, units: parts }, index: i, word: w };
    }

    const result = [];
    const unfit = [];
    let index = 0;
    let word = 0;
    while (index < units.length) {
      let best = fill(index, word, 1, unfit);
      // Two columns only when one column does not take every item left and two take more.
      if (section.columns && best.index < units.length && word === 0 && best.slide.units.every((p) => p.to === -1)) {
        if (!short) { measureShort(); }
        const two = fill(index, 0, 2, []);
        if (two.index > best.index) { best = two; }
      }
      if (best.slide.units.length === 0) { break; }
      result.push(best.slide);
      index = best.index;
      word = best.word;
    }

    // A last slide under half full takes whole items from the end of the one before, while it still
    // fits and the one before stays the fuller and at least half full: two balanced slides, not a
    // full one and a nearly empty one.
    function lay(parts, columns) {
      hideAll();
      setColumns(columns);
      firstPart(parts[0].unit, parts[0].from);
      for (const part of parts) { show(part.unit, part.from, part.to < 0 ? count(part.unit) : part.to); }
    }
    const whole = (part) => part.from === 0 && part.to === -1;
    while (result.length > 1) {
      const last = result[result.length - 1];
      const before = result[result.length - 2];
      const moving = before.units[before.units.length - 1];
      if (before.units.length < 2 || before.columns !== last.columns || !whole(moving) || !whole(last.units[0])) { break; }
      lay(last.units, last.columns);
      if (fillOf(slide) >= 0.5) { break; }
      lay([moving].concat(last.units), last.columns);
      if (!fits(slide)) { break; }
      const lastFill = fillOf(slide);
      lay(before.units.slice(0, -1), before.columns);
      const beforeFill = fillOf(slide);
      if (beforeFill < 0.5 || beforeFill < lastFill) { break; }
      before.units.pop();
      last.units.unshift(moving);
    }

    // A text cut between the last two slides that leaves the last under half full is cut earlier, at
    // a sentence's end where one is near, while the slide before stays the fuller and at least half
    // full: two balanced parts, not a full slide and a few words.
    if (result.length > 1) {
      const last = result[result.length - 1];
      const before = result[result.length - 2];
      const cut = before.units[before.units.length - 1];
      const next = last.units[0];
      lay(last.units, last.columns);
      if (before.columns === 1 && last.columns === 1 && cut.to > 0 && next.unit === cut.unit && next.from === cut.to && fillOf(slide) < 0.5) {
        const lastAt = (at) => [{ unit: cut.unit, from: at, to: next.to }].concat(last.units.slice(1));
        const beforeAt = (at) => before.units.slice(0, -1).concat([{ unit: cut.unit, from: cut.from, to: at }]);
        const lastFill = (at) => { lay(lastAt(at), 1); return fits(slide) ? fillOf(slide) : 2; };
        // The latest cut that makes the last slide half full: its fill falls as the cut moves on.
        let low = cut.from + 1;
        let high = cut.to - 1;
        while (low < high) {
          const middle = Math.ceil((low + high) / 2);
          if (lastFill(middle) >= 0.5) { low = middle; } else { high = middle - 1; }
        }
        const words = units[cut.unit].words;
        let sentence = low;
        while (sentence > cut.from + (low - cut.from) / 2 && !sentenceEnd.test(words[sentence - 1].text)) { sentence--; }
        const candidates = sentence > cut.from + (low - cut.from) / 2 && sentence !== low ? [sentence, low] : [low];
        for (const at of candidates) {
          const after = lastFill(at);
          if (after < 0.5 || after > 1) { continue; }
          lay(beforeAt(at), 1);
          const fuller = fillOf(slide);
          if (fuller >= 0.5 && fuller >= after) {
            before.units[before.units.length - 1] = beforeAt(at)[before.units.length - 1];
            last.units[0] = lastAt(at)[0];
            break;
          }
        }
      }
    }

    return { slides: result, unfit };
  }

  // Text below the deck's minimum size in a slide, named by slide kind and class, once each.
  const minimum = parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--deck-min-text')) || 0;
  function smallText(slide) {
    const small = [];
    for (const element of slide.querySelectorAll('*')) {
      if (element.closest('.notes')) { continue; }
      const hasText = Array.from(element.childNodes).some((n) => n.nodeType === 3 && n.data.trim());
      if (hasText && parseFloat(getComputedStyle(element).fontSize) < minimum) {
        small.push(slide.className.replace(/^slide /, '') + ' ' + element.tagName.toLowerCase() + (element.className ? '.' + String(element.className).split(' ').join('.') : ''));
      }
    }
    return small;
  }

  // A slide is laid out from its own markup, its place among the slides and the stylesheet (the
  // page's head, the same while the page is kept): what was measured of a slide is still true while
  // its markup, the start tags of all the slides, its place and its section's units are.
  const starts = slides.map((slide) => slide.cloneNode(false).outerHTML).join('\n');
  const small = new Set();
  const measured = sections.map((section, i) => {
    if (!slides[i]) { return { slides: [], unfit: [], missing: true }; }
    const key = memory ? [starts, i, slides[i].outerHTML, JSON.stringify(section)].join('\u0000') : null;
    const known = memory && memory.slides[i];
    if (known && known.key === key) {
      known.small.forEach((s) => small.add(s));
      return known.result;
    }
    // Put back as the HTML describes it (every item whole), for the joining below and a kept page.
    const pristine = slides[i].cloneNode(true);
    const result = measureSection(section, slides[i]);
    const found = smallText(slides[i]);
    found.forEach((s) => small.add(s));
    slides[i].replaceWith(pristine);
    slides[i] = pristine;
    if (memory) { memory.slides[i] = { key, result, small: found }; }
    return result;
  });
  for (const slide of slides.slice(sections.length)) { smallText(slide).forEach((s) => small.add(s)); }

  // How far down its body a slide's content ends: 0 empty, 1 full (the content box, less padding).
  function fillOf(slide) {
    const box = slide.getBoundingClientRect();
    const style = getComputedStyle(slide);
    const scale = box.height / slide.offsetHeight;
    const top = box.top + parseFloat(style.paddingTop) * scale;
    const height = (slide.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)) * scale;
    let bottom = top;
    for (const element of slide.querySelectorAll('.slide-inner *')) {
      const r = element.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && !element.closest('.notes')) { bottom = Math.max(bottom, r.bottom); }
    }
    return (bottom - top) / height;
  }

  // A section on one slide shares the previous section's slide when either of them is under half
  // full and both fit together at the deck's text size: the measure decides, never a count of items,
  // so a long section keeps its slide. The slides are put back as they were after.
  const joinable = (i) => slides[i] && sections[i].join && !measured[i].missing && measured[i].slides.length <= 1
    && (measured[i].slides.length === 0 || measured[i].slides[0].units.every((p) => p.to === -1));
  const undo = [];
  function columns(i) {
    const fill = measured[i].slides[0];
    const first = sections[i].units.length ? slides[i].querySelector('[data-item="' + CSS.escape(sections[i].units[0].key) + '"]') : null;
    if (fill && fill.columns === 2 && first && first.parentElement) {
      first.parentElement.classList.add('columns-2');
      undo.push(() => first.parentElement.classList.remove('columns-2'));
    }
  }
  // Moves a slide's sections to the end of another's; what it answers puts them back exactly where
  // they were, between the same nodes, so that the page still serializes as its HTML.
  function move(from, to) {
    const blocks = Array.from(from.querySelectorAll(':scope > .slide-inner')).map((block) => ({ block, next: block.nextSibling }));
    const before = to.querySelector(':scope > .notes');
    for (const { block } of blocks) { to.insertBefore(block, before); }
    return () => { for (const { block, next } of blocks.reverse()) { from.insertBefore(block, next); } };
  }
  // Below the host first; beside it (two columns) when the host is alone and neither list has two.
  const oneColumn = (i) => !measured[i].slides.length || measured[i].slides[0].columns === 1;
  let host = -1;
  let joined = 0;
  for (let i = 0; i < sections.length; i++) {
    if (!joinable(i)) { host = -1; continue; }
    columns(i);
    if (host >= 0 && (fillOf(slides[host]) < 0.5 || fillOf(slides[i]) < 0.5)) {
      const back = move(slides[i], slides[host]);
      let beside = false;
      if (!fits(slides[host]) && joined === 0 && oneColumn(host) && oneColumn(i)) {
        slides[host].classList.add('joined-beside');
        beside = fits(slides[host]);
        if (!beside) { slides[host].classList.remove('joined-beside'); }
      }
      if (beside || fits(slides[host])) {
        measured[i] = Object.assign({}, measured[i], { joinsPrevious: true, beside });
        const front = slides[host];
        undo.push(() => {
          front.classList.remove('joined-beside');
          back();
        });
        joined++;
        if (beside) { host = -1; }
        continue;
      }
      back();
    }
    host = i;
    joined = 0;
  }

  // A section still alone on a slide under half full (neither joined nor host of a join) carries
  // little: what is under its heading is set larger (.larger, a step the stylesheet bounds), where
  // the measure finds it fits so, whole and in width. It is measured as the deck will show it: on
  // one slide, so without the part mark the measuring deck gives every heading.
  for (let i = 0; i < sections.length; i++) {
    const hosts = i + 1 < sections.length && measured[i + 1].joinsPrevious;
    if (!joinable(i) || measured[i].joinsPrevious || hosts) { continue; }
    const slide = slides[i];
    const marks = Array.from(slide.querySelectorAll('.part')).map((mark) => ({ mark, parent: mark.parentNode, next: mark.nextSibling }));
    marks.forEach(({ mark }) => mark.remove());
    columns(i);
    if (fillOf(slide) < 0.5) {
      slide.classList.add('larger');
      if (fitsBoth(slide)) { measured[i] = Object.assign({}, measured[i], { larger: true }); }
      slide.classList.remove('larger');
    }
    marks.reverse().forEach(({ mark, parent, next }) => parent.insertBefore(mark, next));
  }
  undo.reverse().forEach((f) => f());
  return JSON.stringify({ sections: measured, smallText: Array.from(small).sort(), milliseconds: performance.now() - started });
}
