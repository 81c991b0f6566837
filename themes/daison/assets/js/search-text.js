/* Vietnamese words for the search of /tim-kiem/: internal/vnsearch/text.go's
   rules, line for line (words folded: no diacritics, đ → d, lower case,
   ký/kí one; telex leftovers read; one wrong letter forgiven). It offers
   window.portalSearchText to the index and ranking (search-index.js,
   loaded after this script); scripts/sitetest runs the same table of
   queries here and on the server. */
(function () {
  'use strict';
  if (!document.getElementById('tim-kiem') || !''.normalize) return;

  var reMn, reWord;
  try {
    reMn = new RegExp('\\p{Mn}', 'gu');
    reWord = new RegExp('[\\p{L}\\p{Nd}\\p{Mn}]', 'u');
  } catch (e) {
    return; // a browser without Unicode classes: the server's page stays
  }
  function fold(s) {
    return s.normalize('NFD').replace(reMn, '').normalize('NFC').replace(/[đĐ]/g, 'd').toLowerCase();
  }
  var onsets = {};
  'b c ch d g gh h k kh l m n ng nh p ph qu r s t th tr v x'.split(' ').forEach(function (o) { onsets[o] = true; });
  function key(word) {
    var k = fold(word);
    var n = k.length;
    if (n >= 2 && k.charAt(n - 1) === 'y' && onsets[k.slice(0, n - 1)]) k = k.slice(0, n - 1) + 'i';
    return k;
  }
  function hasMarks(w) { return fold(w) !== w; }
  // tokens: words of NFC text with UTF-16 offsets.
  function tokens(s) {
    s = s.normalize('NFC');
    var out = [];
    var start = -1;
    var astral = false;
    var i = 0;
    function flush(end) {
      if (start >= 0 && !astral) {
        var text = s.slice(start, end).toLowerCase();
        var k = key(text);
        if (k) out.push({ text: text, key: k, start: start, end: end });
      }
      start = -1;
      astral = false;
    }
    while (i < s.length) {
      var cp = s.codePointAt(i);
      var ch = String.fromCodePoint(cp);
      if (reWord.test(ch)) {
        if (start < 0) start = i;
        if (cp > 0xffff) astral = true;
      } else {
        flush(i);
      }
      i += ch.length;
    }
    flush(s.length);
    return out;
  }
  function telex(k) {
    var s = k;
    if (s.indexOf('dd') === 0) s = s.slice(1);
    [['uow', 'uo'], ['aa', 'a'], ['aw', 'a'], ['ee', 'e'], ['oo', 'o'], ['ow', 'o'], ['uw', 'u']].forEach(function (p) {
      s = s.split(p[0]).join(p[1]);
    });
    var n = s.length;
    if (n >= 2 && 'sfrxj'.indexOf(s.charAt(n - 1)) >= 0 && /[aeiouy]/.test(s.slice(0, n - 1))) s = s.slice(0, n - 1);
    s = key(s);
    return s === k ? '' : s;
  }
  function within1(a, b) {
    var d = a.length - b.length;
    if (d > 1 || d < -1 || a === b) return false; // keys are BMP: UTF-16 length is the letters'
    var x = Array.from(a);
    var y = Array.from(b);
    if (x.length > y.length) { var t = x; x = y; y = t; }
    var i;
    if (y.length === x.length) {
      var diff = -1;
      for (i = 0; i < x.length; i++) {
        if (x[i] !== y[i]) {
          if (diff >= 0) {
            return diff === i - 1 && x[diff] === y[i] && x[i] === y[diff] && x.slice(i + 1).join('') === y.slice(i + 1).join('');
          }
          diff = i;
        }
      }
      return diff >= 0;
    }
    if (y.length - x.length === 1) {
      i = 0;
      while (i < x.length && x[i] === y[i]) i++;
      return x.slice(i).join('') === y.slice(i + 1).join('');
    }
    return false;
  }

  window.portalSearchText = {
    fold: fold, key: key, hasMarks: hasMarks, tokens: tokens, telex: telex, within1: within1
  };
})();
