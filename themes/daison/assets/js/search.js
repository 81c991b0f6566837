/* The search page, /tim-kiem/: its GET form (?q=, ?loai=) answered in
   the page by window.portalSearch (search-index.js, loaded before this
   script). Where the portal serves the site it has already written results
   into the page (#tim-kiem-may-chu); this script replaces them with its
   own as the person types. Results are built with DOM methods (no HTML
   from data). */
(function () {
  'use strict';
  var S = window.portalSearch;
  var form = document.getElementById('tim-kiem');
  var input = document.getElementById('q');
  var status = document.getElementById('tim-kiem-trang-thai');
  var list = document.getElementById('tim-kiem-ket-qua');
  var kindsNav = document.getElementById('tim-kiem-loai');
  var none = document.getElementById('tim-kiem-goi-y');
  var browse = document.getElementById('tim-theo-chuyen-muc-khung');
  var weakBox = document.getElementById('tim-kiem-yeu');
  if (!S || !form || !input || !status || !list) return;
  var MAX = 50;
  var msg = {
    loading: 'Đang tải dữ liệu tìm kiếm…',
    failed: 'Không tải được dữ liệu tìm kiếm. Hãy thử lại, hoặc tìm theo chuyên mục dưới đây.',
    empty: 'Hãy gõ từ cần tìm, ví dụ: khai sinh, VNeID, giấy khen.',
    none: 'Không tìm thấy kết quả cho “{q}”.',
    noneKind: 'Không có kết quả loại này cho “{q}”; hãy chọn loại khác ở trên.',
    found: 'Tìm thấy {n} kết quả cho “{q}”.',
    first: 'Tìm thấy {n} kết quả cho “{q}”; dưới đây là {m} kết quả phù hợp nhất.'
  };

  // ---- the page ----
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function marked(parent, text, keys) {
    text = (text || '').normalize('NFC');
    var at = 0;
    S.tokens(text).forEach(function (t) {
      if (!keys[t.key]) return;
      parent.appendChild(document.createTextNode(text.slice(at, t.start)));
      parent.appendChild(el('mark', '', text.slice(t.start, t.end)));
      at = t.end;
    });
    parent.appendChild(document.createTextNode(text.slice(at)));
    return parent;
  }
  function say(text, q, n, m) {
    status.textContent = text.replace('{q}', q).replace('{n}', n.toLocaleString('vi-VN')).replace('{m}', String(m));
  }
  function clear() {
    var server = document.getElementById('tim-kiem-may-chu');
    if (server) server.remove();
    list.replaceChildren();
    list.hidden = true;
    if (kindsNav) { kindsNav.replaceChildren(); kindsNav.hidden = true; }
    if (none) none.hidden = true;
    if (weakBox) weakBox.hidden = true;
    if (browse) browse.hidden = false;
  }
  var seq = 0;
  function show(q, kind) {
    var query = q.trim();
    var my = ++seq;
    if (!query) { clear(); say(msg.empty, '', 0, 0); return Promise.resolve(); }
    return S.search(query).then(function (res) {
      if (my !== seq) return;
      var counts = {};
      var hits = res.hits.filter(function (h) {
        var k = S.kindOf(h[0]);
        counts[k] = (counts[k] || 0) + 1;
        return !kind || k === kind;
      });
      var shown = hits.slice(0, MAX);
      return S.docs(shown.map(function (h) { return h[0]; })).then(function (ds) {
        if (my !== seq) return;
        clear();
        if (weakBox) weakBox.hidden = !res.weak;
        if (kindsNav && res.hits.length) {
          var ul = el('ul');
          var link = function (label, n, k) {
            var a = el('a', '', label + ' (' + n + ')');
            a.href = '?q=' + encodeURIComponent(query) + (k ? '&loai=' + encodeURIComponent(k) : '');
            if ((k || '') === (kind || '')) a.setAttribute('aria-current', 'page');
            a.addEventListener('click', function (e) { e.preventDefault(); current = k || ''; run(input.value, true, true); });
            var li = el('li');
            li.appendChild(a);
            ul.appendChild(li);
          };
          link('Tất cả', res.hits.length, '');
          S.kinds().forEach(function (k) { if (counts[k[0]]) link(k[1], counts[k[0]], k[0]); });
          kindsNav.appendChild(ul);
          kindsNav.hidden = false;
        }
        if (!hits.length) {
          say(res.hits.length ? msg.noneKind : msg.none, query, 0, 0);
          if (none) none.hidden = false;
          return;
        }
        say(hits.length > MAX ? msg.first : msg.found, query, hits.length, shown.length);
        ds.forEach(function (d) {
          var li = el('li', 'search-item');
          var h2 = el('h2', 'item-title');
          var a = marked(el('a'), d.title, res.keys);
          a.href = d.url;
          h2.appendChild(a);
          li.appendChild(h2);
          li.appendChild(el('p', 'item-meta', S.kinds()[d.kind][1] + (d.date ? ' · ' + d.date : '')));
          if (d.short) li.appendChild(marked(el('p', 'item-summary'), d.short, res.keys));
          list.appendChild(li);
        });
        list.hidden = false;
        if (browse) browse.hidden = true;
      });
    });
  }

  var timer = 0;
  var last = null;
  var current = new URLSearchParams(location.search).get('loai') || '';
  function run(q, push, force) {
    if (q === last && !force) return;
    last = q;
    if (push && window.history && history.replaceState) {
      var url = q.trim() ? '?q=' + encodeURIComponent(q.trim()) + (current ? '&loai=' + encodeURIComponent(current) : '') : location.pathname;
      history.replaceState(null, '', url);
    }
    var slow = q.trim() ? setTimeout(function () { say(msg.loading, '', 0, 0); }, 400) : 0;
    S.load().then(function () { return show(q, current); }).then(function () {
      clearTimeout(slow);
    }, function () {
      clearTimeout(slow);
      say(msg.failed, '', 0, 0);
      last = null;
    });
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    clearTimeout(timer);
    run(input.value, true, true);
  });
  input.addEventListener('input', function () {
    clearTimeout(timer);
    current = '';
    timer = setTimeout(function () { run(input.value, true); }, 150);
  });
  input.addEventListener('focus', function () { S.load().catch(function () {}); });

  var q = new URLSearchParams(location.search).get('q');
  if (q) {
    input.value = q;
    run(q, false);
  }
})();
