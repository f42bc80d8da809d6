// The deck's runtime: keyboard, the controls, click, wheel, touch, the address's fragment, scaling and
// the presenter view. No single-character shortcut (WCAG 2.1.4): the presenter view has a button.
// Small on purpose: no library, no network, and the slides stay readable without it.
(function () {
  'use strict';
  var root = document.documentElement;
  root.classList.add('js');
  var slides = Array.prototype.slice.call(document.querySelectorAll('.slide'));
  var deck = document.querySelector('.deck');
  var bar = document.querySelector('.progress-bar');
  var counter = document.querySelector('.counter-current');
  var status = document.querySelector('.status');
  var notes = document.querySelector('.presenter-notes');
  var nextTitle = document.querySelector('.presenter-next-title');
  var clock = document.querySelector('.presenter-clock');
  var presenterButton = document.querySelector('.control-presenter');
  var current = -1;
  var typed = '';
  var started = Date.now();

  function fromHash() {
    var match = /^#slide-(\d+)$/.exec(window.location.hash);
    return match ? parseInt(match[1], 10) - 1 : 0;
  }

  function show(index) {
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
    nextTitle.textContent = current + 1 < slides.length ? slides[current + 1].getAttribute('data-title') : '';
    if (window.location.hash !== '#' + slide.id) { history.replaceState(null, '', '#' + slide.id); }
  }

  function scale() {
    var presenting = root.classList.contains('presenting');
    var width = presenting ? window.innerWidth * 0.64 : window.innerWidth;
    deck.style.setProperty('--scale', String(Math.min(width / 1280, window.innerHeight / 720)));
  }

  function tick() {
    var seconds = Math.floor((Date.now() - started) / 1000);
    clock.textContent = clock.getAttribute('data-label') + ': ' + Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0');
  }

  document.addEventListener('keydown', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
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

  function present() {
    var presenting = root.classList.toggle('presenting');
    presenterButton.setAttribute('aria-pressed', String(presenting));
    scale();
  }

  document.querySelector('.control-previous').addEventListener('click', function () { show(current - 1); });
  document.querySelector('.control-next').addEventListener('click', function () { show(current + 1); });
  presenterButton.addEventListener('click', present);

  // A click on the slide goes on, except on a link or what the reader may select or use.
  deck.addEventListener('click', function (event) {
    if (event.target.closest('a, button, input, select, textarea, summary, audio, video')) { return; }
    if (window.getSelection && String(window.getSelection()).length > 0) { return; }
    show(current + 1);
  });

  // The wheel turns one slide per gesture: a burst of wheel events is one turn.
  var wheelUntil = 0;
  document.addEventListener('wheel', function (event) {
    if (Math.abs(event.deltaY) < 4 || event.target.closest('.presenter')) { return; }
    var now = Date.now();
    if (now < wheelUntil) { wheelUntil = now + 300; return; }
    wheelUntil = now + 300;
    show(current + (event.deltaY > 0 ? 1 : -1));
  }, { passive: true });

  var touchX = null;
  document.addEventListener('touchstart', function (event) { touchX = event.changedTouches[0].clientX; }, { passive: true });
  document.addEventListener('touchend', function (event) {
    if (touchX === null) { return; }
    var dx = event.changedTouches[0].clientX - touchX;
    touchX = null;
    if (Math.abs(dx) > 40) { show(current + (dx < 0 ? 1 : -1)); }
  }, { passive: true });

  window.addEventListener('hashchange', function () { show(fromHash()); });
  window.addEventListener('resize', scale);
  scale();
  show(fromHash());
  tick();
  setInterval(tick, 1000);
})();
