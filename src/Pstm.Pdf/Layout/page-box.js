// The page box the print stylesheet asks for, in CSS px: the page's size, its margins, and the text
// width left between the margins on its narrowest side (:left and :right pages may differ, for
// binding). From the @page rules without a page name. Evaluated by pstm (PageBox.cs); null when there is none.
() => {
  const sizes = { a3: ['297mm', '420mm'], a4: ['210mm', '297mm'], a5: ['148mm', '210mm'], b4: ['250mm', '353mm'], b5: ['176mm', '250mm'],
    letter: ['8.5in', '11in'], legal: ['8.5in', '14in'], ledger: ['11in', '17in'] };
  const rules = [];
  const collect = list => { for (const rule of list) { if (rule instanceof CSSPageRule) { rules.push(rule); } else if (rule.cssRules) { collect(rule.cssRules); } } };
  for (const sheet of document.styleSheets) { try { collect(sheet.cssRules); } catch { /* a sheet that cannot be read says nothing */ } }
  const of = selector => rules.filter(r => r.selectorText === selector);
  const plain = of('');
  if (plain.length === 0) { return null; }
  const value = (list, name) => { let found = ''; for (const r of list) { const v = r.style.getPropertyValue(name).trim(); if (v) { found = v; } } return found; };
  const probe = document.createElement('div');
  probe.style.position = 'absolute';
  probe.style.visibility = 'hidden';
  document.body.appendChild(probe);
  const px = length => { if (!length || length === 'auto') { return 0; } probe.style.width = length; return probe.getBoundingClientRect().width; };
  let width = px('210mm'), height = px('297mm');
  const words = value(plain, 'size').toLowerCase().split(/\s+/).filter(Boolean);
  const lengths = words.filter(w => /^[\d.]/.test(w));
  const named = words.find(w => sizes[w]);
  if (named) { width = px(sizes[named][0]); height = px(sizes[named][1]); }
  if (lengths.length >= 1) { width = px(lengths[0]); height = px(lengths[1] ?? lengths[0]); }
  if ((words.includes('landscape') && width < height) || (words.includes('portrait') && width > height)) { [width, height] = [height, width]; }
  const margin = (list, side) => px(value(list, 'margin-' + side));
  const sides = [plain, [...plain, ...of(':left')], [...plain, ...of(':right')]];
  const widest = Math.max(...sides.map(list => margin(list, 'left') + margin(list, 'right')));
  const box = { width, height, top: margin(plain, 'top'), bottom: margin(plain, 'bottom'), textWidth: width - widest };
  probe.remove();
  return box;
}
