/* Search on /tim-kiem/: the page's GET form (?q=) answered in the page from
   the index Hugo writes (/tim-kiem/chi-muc.json), loaded only once someone
   searches. Both the index and the query are folded: NFD, combining marks
   removed, đ/Đ → d, lower case, so "cai cach" finds "cải cách". Every word of
   the query must start a word of the title, summary or keywords; titles
   count most. Results are built with DOM methods (no HTML from data). No
   third-party code; loaded deferred from a file (CSP: no inline script). */
(function () {
  'use strict';
  var form = document.getElementById('tim-kiem');
  var input = document.getElementById('q');
  var status = document.getElementById('tim-kiem-trang-thai');
  var list = document.getElementById('tim-kiem-ket-qua');
  var browse = document.getElementById('tim-theo-chuyen-muc-khung');
  if (!form || !input || !status || !list || !window.fetch || !''.normalize) return;

  var MAX = 50;
  var msg = {
    loading: 'Đang tải dữ liệu tìm kiếm…',
    failed: 'Không tải được dữ liệu tìm kiếm. Hãy thử lại, hoặc tìm theo chuyên mục dưới đây.',
    empty: 'Hãy gõ từ cần tìm, ví dụ: khai sinh, VNeID, giấy khen.',
    none: 'Không tìm thấy kết quả cho “{q}”. Hãy thử từ khác, gõ ít từ hơn, hoặc tìm theo chuyên mục dưới đây.',
    found: 'Tìm thấy {n} kết quả cho “{q}”.',
    first: 'Tìm thấy {n} kết quả cho “{q}”; dưới đây là {m} kết quả phù hợp nhất.'
  };
  var marks = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
  try { marks = new RegExp('\\p{M}', 'gu'); } catch (e) { /* older browsers: the ranges above */ }

  function fold(s) {
    return (s || '').normalize('NFD').replace(marks, '').replace(/[đĐ]/g, 'd').toLowerCase();
  }
  // " word word " with every run of non-letters as one space, so that
  // indexOf(" " + word) finds words that start with the query's words.
  function words(s) {
    return ' ' + fold(s).replace(/[^a-z0-9]+/g, ' ').trim() + ' ';
  }

  var data = null;
  var loading = null;
  function load() {
    if (!loading) {
      loading = fetch(form.getAttribute('data-index'), { credentials: 'same-origin' })
        .then(function (r) {
          if (!r.ok) throw new Error(r.status);
          return r.json();
        })
        .then(function (j) {
          data = {
            sections: j.s,
            pages: j.p.map(function (p) {
              return { t: p[0], u: p[1], s: p[2], d: p[3], m: p[4], k: p[5], ft: words(p[0]), fs: words(p[4]), fk: words(p[5]) };
            })
          };
          return data;
        })
        .catch(function (e) {
          loading = null;
          throw e;
        });
    }
    return loading;
  }

  function say(text, q, n, m) {
    status.textContent = text.replace('{q}', q).replace('{n}', String(n)).replace('{m}', String(m));
  }

  function search(q) {
    var fq = words(q);
    var terms = fq.trim().split(' ').filter(Boolean);
    if (!terms.length) return [];
    var phrase = ' ' + terms.join(' ');
    var hits = [];
    data.pages.forEach(function (p, i) {
      var score = 0;
      var byKeyword = false;
      for (var k = 0; k < terms.length; k++) {
        var w = ' ' + terms[k];
        if (p.ft.indexOf(w) >= 0) {
          score += p.ft.indexOf(w + ' ') >= 0 ? 13 : 10;
        } else if (p.fs.indexOf(w) >= 0) {
          score += 3;
        } else if (p.fk.indexOf(w) >= 0) {
          score += 2;
          byKeyword = true;
        } else {
          return;
        }
      }
      if (terms.length > 1) {
        if (p.ft.indexOf(phrase) >= 0) score += 30;
        else if (p.fs.indexOf(phrase) >= 0 || p.fk.indexOf(phrase) >= 0) score += 10;
      }
      hits.push({ p: p, score: score, i: i, k: byKeyword });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.i - b.i; });
    return hits;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function show(q) {
    var query = q.trim();
    while (list.firstChild) list.removeChild(list.firstChild);
    list.hidden = true;
    if (browse) browse.hidden = false;
    if (!query) {
      say(msg.empty, '', 0, 0);
      return;
    }
    var hits = search(query);
    if (!hits.length) {
      say(msg.none, query, 0, 0);
      return;
    }
    var shown = hits.slice(0, MAX);
    say(hits.length > MAX ? msg.first : msg.found, query, hits.length, shown.length);
    shown.forEach(function (h) {
      var p = h.p;
      var li = el('li', 'search-item');
      var title = el('h2', 'item-title');
      var a = el('a', '', p.t);
      a.href = p.u;
      title.appendChild(a);
      li.appendChild(title);
      var meta = (data.sections[p.s] || '') + (p.d ? ' · ' + p.d : '');
      if (meta) li.appendChild(el('p', 'item-meta', meta));
      if (p.m) li.appendChild(el('p', 'item-summary', p.m));
      if (h.k && p.k) li.appendChild(el('p', 'item-meta', p.k));
      list.appendChild(li);
    });
    list.hidden = false;
    if (browse) browse.hidden = true;
  }

  var timer = 0;
  var last = null;
  function run(q, push) {
    if (q === last) return;
    last = q;
    if (push && window.history && history.replaceState) {
      var url = q.trim() ? '?q=' + encodeURIComponent(q.trim()) : location.pathname;
      history.replaceState(null, '', url);
    }
    if (data) {
      show(q);
      return;
    }
    var slow = q.trim() ? setTimeout(function () { say(msg.loading, '', 0, 0); }, 400) : 0;
    load().then(function () {
      clearTimeout(slow);
      last = null;
      run(input.value, false);
    }, function () {
      clearTimeout(slow);
      say(msg.failed, '', 0, 0);
      last = null;
    });
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    clearTimeout(timer);
    last = null;
    run(input.value, true);
  });
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value, true); }, 150);
  });
  input.addEventListener('focus', function () { load().catch(function () {}); });

  var q = new URLSearchParams(location.search).get('q');
  if (q) {
    input.value = q;
    run(q, false);
  }
})();
