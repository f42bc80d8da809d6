// pstm's page patch (pstm build --watch). The page was loaded from an HTML file whose <main> held
// `old`; everything outside <main> is the same in the new HTML (pstm compared the text), whose <main>
// holds `html`. Each child of <main> whose markup changed is put in place of the old one. Answers
// "patched", or "reload" when that cannot make the page what loading the new HTML would: children
// added or taken away, a script or noscript among them, or a child to replace that is not as its
// markup made it (the page's own script changed it, or <main> was not where pstm found it). Then, as
// a load would, it waits for images and fonts.
async ({ old, html }) => {
  const serialize = (node) => (node.nodeType === 1 ? node.outerHTML : node.nodeType + ':' + node.textContent);
  const parse = (text) => {
    const template = document.createElement('template');
    template.innerHTML = text;
    return template.content;
  };
  const before = parse(old);
  const after = parse(html);
  const live = document.querySelector('main');
  if (!live || before.querySelector('script, noscript') || after.querySelector('script, noscript')) { return 'reload'; }
  const current = Array.from(live.childNodes);
  const children = Array.from(after.childNodes);
  const markup = Array.from(before.childNodes, serialize);
  if (markup.length !== children.length || current.length !== children.length) { return 'reload'; }
  const changed = children.map((node, i) => serialize(node) !== markup[i]);
  if (current.some((node, i) => changed[i] && serialize(node) !== markup[i])) { return 'reload'; }
  children.forEach((node, i) => { if (changed[i]) { current[i].replaceWith(document.importNode(node, true)); } });
  void document.body.offsetHeight;
  await Promise.all(Array.from(document.images, (image) => image.decode().catch(() => {})));
  await document.fonts.ready;
  return 'patched';
}
