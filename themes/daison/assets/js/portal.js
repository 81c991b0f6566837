/* The portal's small script, loaded (deferred) on the pages that use it.
   Every page works without it; with it:
   - the citizens' forms (.fb-form) are sent as JSON to the portal when it is
     this site's own address (the CSP allows connect-src 'self'); the
     receipt and its reference code, or the mistakes beside their fields
     with a summary, show in the page; what was typed stays; a retry after a
     failure (network, 429) sends the same idempotency key, so it is stored
     once. On another address the form is posted as is (no fetch).
   - the receipt lookup (/gop-y/tra-cuu/) fills in the code of a receipt's
     link (?ma=…).
   - "Sao chép liên kết" copies a link and says so; "Chia sẻ…" opens the
     phone's share sheet (only shown where navigator.share exists); a
     poster's "In áp phích" and a page's "In hoặc lưu thành PDF" print it.
   No library, no third-party service. */
(function () {
  'use strict';
  var d = document;
  var T = {
    sending: 'Đang gửi…',
    ok: 'Đã gửi thành công',
    again: 'Ý kiến này đã được nhận trước đó nên không bị lưu hai lần.',
    another: 'Gửi ý kiến khác',
    invalid: 'Thông tin chưa hợp lệ',
    notSent: 'Chưa gửi được',
    kept: ' Nội dung bạn đã viết vẫn còn nguyên trên trang.',
    busy: 'Bạn đã gửi quá nhiều lần trong thời gian ngắn. Vui lòng đợi ít phút rồi bấm gửi lại.',
    network: 'Không kết nối được với máy chủ. Hãy kiểm tra kết nối mạng rồi bấm gửi lại.',
    server: 'Máy chủ đang gặp sự cố nên chưa nhận được ý kiến của bạn. Vui lòng thử lại sau ít phút.',
    error: 'Lỗi: ',
    copied: 'Đã sao chép liên kết: ',
    copyFailed: 'Chưa sao chép được. Hãy chọn liên kết trong ô trên rồi sao chép (trên điện thoại: giữ ngón tay lên ô).',
    lookup: 'Tra cứu kết quả xử lý',
    lookupAfter: ' (ở đó bạn cũng tự xóa được họ tên, thông tin liên hệ đã để lại)'
  };

  function el(tag, cls, text) {
    var e = d.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function each(sel, fn, root) {
    Array.prototype.forEach.call((root || d).querySelectorAll(sel), fn);
  }

  /* The receipt lookup: the code of a receipt's link. */
  if (window.URLSearchParams) {
    var ma = (new URLSearchParams(location.search).get('ma') || '').replace(/\s+/g, '').toUpperCase();
    if (/^[A-Z]{2}-[A-Z0-9]{6}$/.test(ma)) {
      each('form.lookup-form [name=ma]', function (i) { if (!i.value) i.value = ma; });
    }
  }

  /* Copy a link. */
  each('[data-copy]', function (b) {
    var input = d.getElementById(b.getAttribute('data-copy'));
    var status = d.getElementById(input.id + '-trang-thai');
    b.hidden = false;
    b.addEventListener('click', function () {
      var text = input.value;
      function say(ok) {
        status.textContent = ok ? T.copied + text : T.copyFailed;
        status.className = 'share-copy-status ' + (ok ? 'is-ok' : 'is-error');
      }
      function byHand() {
        input.focus();
        input.select();
        var ok = false;
        try { ok = d.execCommand('copy'); } catch (e) { ok = false; }
        say(ok);
      }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { say(true); }, byHand);
      } else {
        byHand();
      }
    });
  });

  /* The phone's share sheet. */
  if (navigator.share) {
    each('[data-share-url]', function (b) {
      b.parentNode.hidden = false;
      b.addEventListener('click', function () {
        navigator.share({ title: b.getAttribute('data-share-title'), url: b.getAttribute('data-share-url') })
          .catch(function () {});
      });
    });
  }

  /* Print a poster or a page (the print dialog also saves a PDF). */
  each('[data-print]', function (b) {
    b.hidden = false;
    b.addEventListener('click', function () { window.print(); });
  });

  /* Citizens' forms. */
  function uuid() {
    var c = window.crypto;
    if (c && c.randomUUID) return c.randomUUID();
    var b = new Uint8Array(16);
    c.getRandomValues(b);
    b[6] = (b[6] & 15) | 64;
    b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join('');
    return [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20)].join('-');
  }
  function describe(input, id, on) {
    var ids = (input.getAttribute('aria-describedby') || '').split(' ').filter(function (x) { return x && x !== id; });
    if (on) ids.push(id);
    if (ids.length) input.setAttribute('aria-describedby', ids.join(' '));
    else input.removeAttribute('aria-describedby');
  }

  each('form.fb-form', function (form) {
    var key = form.elements.idempotencyKey;
    key.value = uuid();
    // The service being rated, from a counter's link (?dich-vu=…).
    var service = form.elements.service;
    if (service && !service.value && window.URLSearchParams) {
      var s = new URLSearchParams(location.search).get('dich-vu');
      if (s) service.value = s.slice(0, 200);
    }
    var api;
    try { api = new URL(form.getAttribute('data-api'), location.href); } catch (e) { return; }
    if (api.origin !== location.origin || !window.fetch || !window.FormData) return;

    var receipt = d.getElementById(form.id + '-bien-nhan');
    var button = form.querySelector('[type=submit]');
    var label = button.textContent;
    var busy = false;

    function clear() {
      each('.error-summary, .field-error', function (e) { e.parentNode.removeChild(e); }, form);
      each('.field--error', function (e) { e.classList.remove('field--error'); }, form);
      each('[aria-invalid]', function (e) {
        e.removeAttribute('aria-invalid');
        describe(e, form.id + '-' + e.name + '-loi', false);
      }, form);
    }
    function box(title) {
      var b = el('div', 'error-summary');
      b.id = form.id + '-loi';
      b.setAttribute('role', 'alert');
      b.tabIndex = -1;
      b.appendChild(el('p', 'error-summary-title', title));
      form.insertBefore(b, form.firstChild);
      return b;
    }
    function problem(text) {
      var b = box(T.notSent);
      b.appendChild(el('p', '', text + T.kept));
      b.focus();
    }
    function invalid(data) {
      var wraps = Array.prototype.slice.call(form.querySelectorAll('[data-field]'));
      var pos = function (n) {
        var i = wraps.indexOf(form.querySelector('[data-field="' + n + '"]'));
        return i < 0 ? 99 : i;
      };
      var list = el('ul', 'error-summary-list');
      Object.keys(data).sort(function (a, b) { return pos(a) - pos(b); }).forEach(function (name) {
        var text = (data[name] && data[name].message) || String(data[name]);
        var wrap = form.querySelector('[data-field="' + name + '"]');
        var li = el('li');
        if (wrap) {
          var id = form.id + '-' + name + '-loi';
          var msg = el('p', 'field-error');
          msg.id = id;
          msg.appendChild(el('span', 'visually-hidden', T.error));
          msg.appendChild(d.createTextNode(text));
          var at = wrap.querySelector('.choices, .check, .field-input');
          at.parentNode.insertBefore(msg, at);
          wrap.classList.add('field--error');
          var inputs = wrap.querySelectorAll('input, textarea, select');
          Array.prototype.forEach.call(inputs, function (i) {
            i.setAttribute('aria-invalid', 'true');
            describe(i, id, true);
          });
          var a = el('a', '', text);
          a.href = '#' + inputs[0].id;
          a.addEventListener('click', function (ev) {
            ev.preventDefault();
            inputs[0].focus();
          });
          li.appendChild(a);
        } else {
          li.textContent = text;
        }
        list.appendChild(li);
      });
      var b = box(T.invalid);
      b.appendChild(list);
      b.focus();
    }
    function done(r) {
      receipt.textContent = '';
      receipt.appendChild(el('p', 'fb-receipt-title', T.ok));
      var p = el('p', 'fb-receipt-text');
      var msg = r.message || '';
      var code = r.refCode || '';
      var i = code ? msg.indexOf(code) : -1;
      if (i >= 0) {
        p.appendChild(d.createTextNode(msg.slice(0, i)));
        p.appendChild(el('strong', 'ref-code', code));
        p.appendChild(d.createTextNode(msg.slice(i + code.length)));
      } else {
        p.textContent = msg;
      }
      receipt.appendChild(p);
      if (r.duplicate) receipt.appendChild(el('p', 'fb-receipt-note', T.again));
      var kind = form.elements.kind.value;
      if (code && kind !== 'huu-ich' && form.getAttribute('data-lookup')) {
        var look = el('p', 'fb-receipt-lookup');
        var a = el('a', '', T.lookup);
        a.href = form.getAttribute('data-lookup') + '?ma=' + encodeURIComponent(code);
        look.appendChild(a);
        if (kind === 'gop-y' || kind === 'sang-kien') look.appendChild(d.createTextNode(T.lookupAfter));
        receipt.appendChild(look);
      }
      if (form.elements.kind.value !== 'huu-ich') {
        var again = el('button', 'button button--plain', T.another);
        again.type = 'button';
        again.addEventListener('click', function () {
          form.reset();
          key.value = uuid();
          receipt.textContent = '';
          receipt.classList.remove('is-ok');
          form.hidden = false;
          var first = form.querySelector('.field-input, .check-input');
          if (first) first.focus();
        });
        receipt.appendChild(again);
      }
      receipt.classList.add('is-ok');
      form.hidden = true;
      receipt.focus();
    }

    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (busy) return;
      busy = true;
      button.setAttribute('aria-disabled', 'true');
      button.textContent = T.sending;
      clear();
      var data = {};
      new FormData(form).forEach(function (v, k) { data[k] = v; });
      fetch(api.href, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(data),
        credentials: 'same-origin'
      }).then(function (res) {
        return res.json().catch(function () { return {}; }).then(function (body) {
          if (res.status === 200 || res.status === 201) done(body);
          else if (res.status === 400 && body.data && Object.keys(body.data).length) invalid(body.data);
          else if (res.status === 429) problem(body.message || T.busy);
          else problem(T.server);
        });
      }, function () {
        problem(T.network);
      }).then(function () {
        busy = false;
        button.removeAttribute('aria-disabled');
        button.textContent = label;
      });
    });
  });
})();
