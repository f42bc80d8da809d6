// The deck's runtime: keyboard, the controls, click, wheel, touch, the address's fragment, scaling,
// the document view and the presenter view. No single-character shortcut (WCAG 2.1.4): the presenter
// view has a button, and Alt+P (the button's data-shortcut; empty turns it off).
// Zoom (WCAG 1.4.4, 1.4.10): the canvas (--slide-width × --slide-height) is scaled to the window, so
// zooming would change nothing on it; a window narrower than 40em, or zoomed in (when the deck opened
// or since), shows the slides instead as a document that reflows (the view without the script), its
// text as large as the zoom makes it. The canvas keeps the slide's body clear of the controls in its
// corner.
// The presenter view opens slides.html?presenter in a second window; the two follow each other through
// a BroadcastChannel and postMessage between opener and window (either may be missing on file://).
// Small on purpose: no library, no network, and the slides stay readable without it.
(function () {
  'use strict';
  var root = document.documentElement;
  root.classList.add('js');
  var slides = Array.prototype.slice.call(document.querySelectorAll('.deck > .slide'));
  var deck = document.querySelector('.deck');
  var bar = document.querySelector('.progress-bar');
  var counter = document.querySelector('.counter-current');
  var status = document.querySelector('.status');
  var notes = document.querySelector('.presenter-notes');
  var nextTitle = document.querySelector('.presenter-next-title');
  var nextSlide = document.querySelector('.presenter-next-slide');
  var clock = document.querySelector('.presenter-clock');
  var pause = document.querySelector('.presenter-pause');
  var presenterButton = document.querySelector('.control-presenter');
  var presenterWindow = /(^|[?&])presenter(=|&|$)/.test(window.location.search.slice(1)) || window.location.hash === '#presenter';
  var current = -1;
  var typed = '';
  var elapsed = 0;
  var runningSince = Date.now();
  var paused = false;
  var controls = document.querySelector('.controls');
  var narrow = window.matchMedia ? window.matchMedia('(max-width: 40em)') : null;
  if (presenterWindow) { root.classList.add('presenter-window', 'presenting'); }

  // The other window: the presenter window this one opened, or the deck that opened this one.
  var peer = presenterWindow ? window.opener : null;
  var channel = null;
  try { channel = new BroadcastChannel('pstm-deck ' + window.location.pathname); } catch (e) { channel = null; }

  function send(index) {
    var message = { pstmDeck: true, slide: index };
    if (channel) { channel.postMessage(message); }
    if (peer && !peer.closed) { try { peer.postMessage(message, '*'); } catch (e) { /* the other window is gone */ } }
  }

  function receive(data) {
    if (data && data.pstmDeck === true && typeof data.slide === 'number') { show(data.slide, true); }
  }

  if (channel) { channel.onmessage = function (event) { receive(event.data); }; }
  window.addEventListener('message', function (event) { if (peer && event.source === peer) { receive(event.data); } });

  function documentView() { return root.classList.contains('document-view'); }

  // The canvas's size in CSS pixels, as the stylesheet (or a theme after it) sets it: 1280×720 unless told.
  function canvas() {
    var style = getComputedStyle(deck);
    return {
      width: parseFloat(style.getPropertyValue('--slide-width')) || 1280,
      height: parseFloat(style.getPropertyValue('--slide-height')) || 720
    };
  }

  function fromHash() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    var index = slides.indexOf(target ? target.closest('.slide') : null);
    return index >= 0 ? index : 0;
  }

  function show(index, remote) {
    index = Math.max(0, Math.min(slides.length - 1, index));
    if (index === current) { return; }
    if (current >= 0) { slides[current].classList.remove('current'); }
    current = index;
    var slide = slides[current];
    slide.classList.add('current');
    bar.style.width = ((current + 1) / slides.length * 100) + '%';
    counter.textContent = String(current + 1);
    status.textContent = (current + 1) + ' / ' + slides.length + ': ' + slide.getAttribute('data-title');
    var aside = slide.querySelector('.notes');
    notes.innerHTML = aside ? aside.innerHTML : '';
    var next = slides[current + 1];
    nextTitle.textContent = next ? next.getAttribute('data-title') : '';
    if (presenterWindow) { preview(next); }
    // An anchor inside the slide (#driver-D3) stays the address; otherwise the slide's own.
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    if (!(target && slide.contains(target))) { history.replaceState(null, '', '#' + slide.id); }
    if (documentView() && remote) { slide.scrollIntoView(); }
    if (!remote) { send(current); }
  }

  // The next slide in the presenter window: a copy without ids, scaled to the notes' column.
  function preview(next) {
    nextSlide.replaceChildren();
    if (!next) { return; }
    var copy = next.cloneNode(true);
    copy.removeAttribute('id');
    copy.removeAttribute('aria-labelledby');
    copy.classList.remove('current');
    Array.prototype.forEach.call(copy.querySelectorAll('[id]'), function (e) { e.removeAttribute('id'); });
    nextSlide.appendChild(copy);
    scalePreview();
  }

  function scalePreview() {
    if (nextSlide) { nextSlide.style.setProperty('--preview', String(nextSlide.clientWidth / canvas().width)); }
  }

  // How far the page is zoomed in (1: not, or the browser does not say). Browsers give the window's
  // size in screen pixels (outerWidth, outerHeight), which zoom leaves alone, and the page's in CSS
  // pixels (innerWidth, innerHeight), which zoom shrinks: the smaller of the two ratios is the zoom plus
  // the window's frame, toolbars or side panel, so it counts from 1.2 up. A zoom raises the device
  // pixels per CSS pixel as much (in Safari they stay): a ratio beyond them is a page shown smaller
  // than its window (a tab that emulates a viewport, as pstm's own that prints the deck), not a zoom.
  // Their growth since the deck opened is a zoom too, as far as the window's ratio allows (a sharper
  // screen the window moved to is none), or wholly where the window's size is unknown.
  var screenRatio = null;
  function zoom() {
    var ratio = window.devicePixelRatio || 1;
    var known = window.outerWidth > 0 && window.outerHeight > 0;
    var frame = known ? Math.min(window.outerWidth / window.innerWidth, window.outerHeight / window.innerHeight) : Infinity;
    var fromWindow = frame >= 1.2 && frame <= ratio * 1.05 ? frame : 1;
    // The screen's own ratio, less the zoom the deck opened at: once the window's size is known (a
    // window still opening may give 0), or at the latest on load.
    if (screenRatio === null && (known || document.readyState === 'complete')) { screenRatio = ratio / fromWindow; }
    var fromRatio = screenRatio === null ? 1 : Math.min(ratio / screenRatio, frame + 0.05);
    return Math.max(fromWindow, fromRatio);
  }

  function scale() {
    var presenting = root.classList.contains('presenting');
    var width = presenting ? window.innerWidth * 0.64 : window.innerWidth;
    var height = window.innerHeight;
    var size = canvas();
    var fit = Math.min(width / size.width, height / size.height);
    var top = presenting ? 0 : (height - size.height * fit) / 2;
    // The controls sit in the canvas's corner. Where they would cover the slide's content (its body, and
    // the descent of a last line below it), the canvas moves up, then shrinks, until that ends above them.
    var style = getComputedStyle(slides[current] || slides[0]);
    var content = size.height - parseFloat(style.paddingBottom) + 16;
    var box = controls.getBoundingClientRect();
    var left = presenting ? 0 : (window.innerWidth - size.width * fit) / 2;
    if (box.left < left + (size.width - parseFloat(style.paddingRight)) * fit && top + content * fit > box.top) {
      fit = Math.max(0.1, Math.min(fit, box.top / content));
      top = Math.max(0, Math.min(presenting ? 0 : (height - size.height * fit) / 2, box.top - content * fit));
    }
    deck.style.setProperty('--scale', String(fit));
    deck.style.setProperty('--top', top + 'px');
    scalePreview();
  }

  // The canvas, or the document view in a narrow or zoomed-in window (not in the presenter window).
  function layout() {
    var factor = zoom();
    var small = narrow !== null && narrow.matches;
    var wanted = !presenterWindow && (small || factor > 1.05);
    // The document's text as large as the zoom makes the canvas's at 100% (its scale in this window
    // unzoomed, times the zoom), while the slides keep the width their rules reflow in (720 CSS pixels,
    // 320 in a narrow window); never smaller than the document's own.
    var size = canvas();
    var scaled = Math.min(window.innerWidth / size.width, window.innerHeight / size.height) * factor;
    root.style.setProperty('--document-zoom', String(Math.max(1, Math.min(scaled, window.innerWidth / (small ? 320 : 720)))));
    if (wanted !== documentView()) {
      root.classList.toggle('document-view', wanted);
      if (wanted && root.classList.contains('presenting')) { present(); }
      if (current >= 0) { slides[current].scrollIntoView(); }
    }
    if (!wanted) { scale(); }
  }

  function seconds() { return Math.floor((elapsed + (paused ? 0 : Date.now() - runningSince)) / 1000); }

  function tick() {
    var s = seconds();
    clock.textContent = clock.getAttribute('data-label') + ': ' + Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
    if (!presenterWindow && peer && peer.closed) { peer = null; presenterButton.setAttribute('aria-pressed', 'false'); }
  }

  // The presenter view beside the slide, in this window: when a second window cannot open.
  function present() {
    var presenting = root.classList.toggle('presenting');
    presenterButton.setAttribute('aria-pressed', String(presenting));
    scale();
  }

  function presenter() {
    if (presenterWindow) { return; }
    if (root.classList.contains('presenting')) { present(); return; }
    if (peer && !peer.closed) { peer.focus(); return; }
    var url = window.location.href.split('#')[0].split('?')[0] + '?presenter#' + slides[current].id;
    var opened = null;
    try { opened = window.open(url, 'pstm-presenter', 'popup,width=1200,height=720'); } catch (e) { opened = null; }
    if (opened) {
      peer = opened;
      presenterButton.setAttribute('aria-pressed', 'true');
    } else if (!documentView()) {
      present();
    }
  }

  document.addEventListener('keydown', function (event) {
    var shortcut = presenterButton.getAttribute('data-shortcut');
    if (shortcut === 'Alt+P' && event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.code === 'KeyP') {
      presenter();
      event.preventDefault();
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey || documentView()) { return; }
    // Keys in the menu of slides move in the menu, not between slides.
    if (event.target.closest && event.target.closest('.slide-menu-list')) { return; }
    if (event.target.closest && event.target.closest('button, a, input, select, textarea') && (event.key === 'Enter' || event.key === ' ')) { return; }
    var key = event.key;
    if (/^[0-9]$/.test(key)) { typed += key; return; }
    if (key === 'Enter' && typed) { show(parseInt(typed, 10) - 1); typed = ''; event.preventDefault(); return; }
    typed = '';
    if (key === 'ArrowRight' || key === ' ' || key === 'PageDown' || key === 'ArrowDown') { show(current + 1); }
    else if (key === 'ArrowLeft' || key === 'PageUp' || key === 'ArrowUp') { show(current - 1); }
    else if (key === 'Home') { show(0); }
    else if (key === 'End') { show(slides.length - 1); }
    else { return; }
    event.preventDefault();
  });

  // The menu of slides: opens on its button, closes on Escape, on a choice or on a click elsewhere.
  var menuButton = document.querySelector('.control-menu');
  var menuList = document.getElementById('slide-menu-list');
  function menu(open, focusButton) {
    menuList.hidden = !open;
    menuButton.setAttribute('aria-expanded', String(open));
    if (open) {
      var links = menuList.querySelectorAll('a');
      links.forEach(function (link, i) { if (i === current) { link.setAttribute('aria-current', 'true'); } else { link.removeAttribute('aria-current'); } });
      links[Math.max(current, 0)].focus();
    } else if (focusButton) {
      menuButton.focus();
    }
  }
  menuButton.addEventListener('click', function () { menu(menuList.hidden, false); });
  menuList.addEventListener('click', function (event) { if (event.target.closest('a')) { menu(false, true); } });
  menuList.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') { menu(false, true); event.preventDefault(); event.stopPropagation(); }
  });
  document.addEventListener('click', function (event) {
    if (!menuList.hidden && !event.target.closest('.slide-menu')) { menu(false, false); }
  });

  document.querySelector('.control-previous').addEventListener('click', function () { show(current - 1); });
  document.querySelector('.control-next').addEventListener('click', function () { show(current + 1); });
  presenterButton.addEventListener('click', presenter);
  pause.addEventListener('click', function () {
    if (paused) { runningSince = Date.now(); } else { elapsed += Date.now() - runningSince; }
    paused = !paused;
    pause.textContent = pause.getAttribute(paused ? 'data-resume' : 'data-pause');
    tick();
  });
  document.querySelector('.presenter-reset').addEventListener('click', function () {
    elapsed = 0;
    runningSince = Date.now();
    tick();
  });

  // A click on the slide goes on, except on a link or what the reader may select or use.
  deck.addEventListener('click', function (event) {
    if (documentView() || event.target.closest('a, button, input, select, textarea, summary, audio, video')) { return; }
    if (window.getSelection && String(window.getSelection()).length > 0) { return; }
    show(current + 1);
  });

  // The wheel turns one slide per gesture: a burst of wheel events is one turn.
  var wheelUntil = 0;
  document.addEventListener('wheel', function (event) {
    if (documentView() || Math.abs(event.deltaY) < 4 || event.target.closest('.presenter')) { return; }
    var now = Date.now();
    if (now < wheelUntil) { wheelUntil = now + 300; return; }
    wheelUntil = now + 300;
    show(current + (event.deltaY > 0 ? 1 : -1));
  }, { passive: true });

  var touchX = null;
  document.addEventListener('touchstart', function (event) { touchX = event.changedTouches[0].clientX; }, { passive: true });
  document.addEventListener('touchend', function (event) {
    if (touchX === null || documentView()) { touchX = null; return; }
    var dx = event.changedTouches[0].clientX - touchX;
    touchX = null;
    if (Math.abs(dx) > 40) { show(current + (dx < 0 ? 1 : -1)); }
  }, { passive: true });

  window.addEventListener('hashchange', function () { show(fromHash()); });
  window.addEventListener('resize', layout);
  window.addEventListener('load', layout);
  show(fromHash(), true);
  layout();
  tick();
  setInterval(tick, 1000);
})();
