/* The reader's display settings (text size, high contrast), deferred. The
   choice lives in the cookie "hien-thi" ("lon", "rat-lon",
   "cao", "lon.cao"…), which the portal also reads to serve pages with it
   when JavaScript is off (site/display.go) and sets from the bar's form
   (GET /hien-thi/), so the portal's pages come with it before any script
   runs. Here: the classes on <html> from the cookie (for a static host),
   the bar's controls checked to match, and a change applied and stored at
   once, without reloading. */
(function () {
  'use strict';
  var d = document;
  var root = d.documentElement;
  var NAME = 'hien-thi';
  var SIZES = { lon: 1, 'rat-lon': 1 };
  var pref = { size: '', contrast: '' };

  function read() {
    var m = ('; ' + d.cookie).match(/; hien-thi=([a-z.-]{0,32})/);
    (m ? m[1] : '').split('.').forEach(function (p) {
      if (SIZES[p]) pref.size = p;
      else if (p === 'cao') pref.contrast = 'cao';
    });
  }
  function store() {
    var v = [pref.size, pref.contrast].filter(Boolean).join('.');
    d.cookie = NAME + '=' + v + '; path=/; samesite=lax; max-age=' + (v ? 31536000 : 0);
  }
  function apply() {
    root.classList.remove('co-chu-lon', 'co-chu-rat-lon', 'tuong-phan-cao');
    if (pref.size) root.classList.add('co-chu-' + pref.size);
    if (pref.contrast) root.classList.add('tuong-phan-cao');
  }
  function show() {
    var size = d.getElementById('co-chu-' + (pref.size || 'vua'));
    if (size) size.checked = true;
    var contrast = d.getElementById('tuong-phan-' + (pref.contrast || 'thuong'));
    if (contrast) contrast.checked = true;
  }
  read();
  apply();
  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', show);
  else show();
  // The browser may restore the controls' state when going back.
  window.addEventListener('pageshow', show);
  d.addEventListener('change', function (e) {
    var t = e.target;
    if (t.name === 'co-chu') pref.size = SIZES[t.value] ? t.value : '';
    else if (t.name === 'tuong-phan') pref.contrast = t.value === 'cao' ? 'cao' : '';
    else return;
    store();
    apply();
  });
  // Already stored: the form's button only folds the settings away.
  d.addEventListener('submit', function (e) {
    var f = e.target;
    if (!f.classList || !f.classList.contains('display-prefs-body')) return;
    e.preventDefault();
    store();
    var box = f.closest('details');
    if (box) {
      box.open = false;
      var s = box.querySelector('summary');
      if (s) s.focus();
    }
  });
})();
