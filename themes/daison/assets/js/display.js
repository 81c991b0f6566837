/* The reader's display settings (text size, high contrast): loaded in
   <head> without defer, so that a stored choice applies before the first
   paint. The controls in the page's top bar are radio buttons and a
   checkbox that work without this script (the stylesheet reads them, for
   the page being read); this script keeps the choice in the browser's
   localStorage and sets it as classes on <html> on every page. Nothing is
   sent to a server: a static host or a CDN serves everyone the same
   files. */
(function () {
  'use strict';
  var d = document;
  var root = d.documentElement;
  var KEY = 'hien-thi';
  var SIZES = { lon: 1, 'rat-lon': 1 };
  var pref = { size: '', contrast: '' };
  try {
    var saved = JSON.parse(localStorage.getItem(KEY) || '{}');
    if (SIZES[saved.size]) pref.size = saved.size;
    if (saved.contrast === 'cao') pref.contrast = 'cao';
  } catch (e) { /* no storage (private mode): the page's controls still work */ }

  function apply() {
    root.classList.remove('co-chu-lon', 'co-chu-rat-lon', 'tuong-phan-cao');
    if (pref.size) root.classList.add('co-chu-' + pref.size);
    if (pref.contrast) root.classList.add('tuong-phan-cao');
  }
  function show() {
    var size = d.getElementById('co-chu-' + (pref.size || 'vua'));
    if (size) size.checked = true;
    var contrast = d.getElementById('tuong-phan-cao');
    if (contrast) contrast.checked = pref.contrast === 'cao';
  }
  apply();
  d.addEventListener('DOMContentLoaded', show);
  // The browser may restore the controls' state when going back.
  window.addEventListener('pageshow', show);
  d.addEventListener('change', function (e) {
    var t = e.target;
    if (t.name === 'co-chu') pref.size = SIZES[t.value] ? t.value : '';
    else if (t.name === 'tuong-phan') pref.contrast = t.checked ? 'cao' : '';
    else return;
    try { localStorage.setItem(KEY, JSON.stringify(pref)); } catch (e) { /* kept for this page only */ }
    apply();
  });
})();
