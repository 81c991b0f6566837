/* The search of /tim-kiem/, without the page: internal/vnsearch's
   ranking, line for line (the last word a prefix; exact diacritics first;
   common words count little; title > summary > body; phrases above
   scattered words; staff's synonyms, a question's fillers; each kind's
   boost; a weak best result flagged), with the words' rules of search-text.js (loaded before this
   script), on the index shards the portal writes after each build
   (/tim-kiem/chi-muc/0.json first: the vocabulary, synonyms and kinds;
   the words' and pages' shards only as a query needs them).
   scripts/sitetest runs the same table of queries here and on the
   server. It offers window.portalSearch to the page's script (search.js). */
(function () {
  'use strict';
  var form = document.getElementById('tim-kiem');
  var T = window.portalSearchText;
  if (!form || !T || !window.fetch || !window.Map) return;
  var hasMarks = T.hasMarks, tokens = T.tokens, telex = T.telex, within1 = T.within1;

  // ---- the index ----
  var base = form.getAttribute('data-index').replace(/[^/]*$/, '');
  var ix = null;
  var loading = null;
  var shards = new Map();
  function getJSON(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error(String(r.status));
      return r.json();
    });
  }
  function load() {
    if (!loading) {
      loading = getJSON(form.getAttribute('data-index')).then(function (f) {
        var vocab = f.w ? f.w.split(' ') : [];
        var at = new Map();
        vocab.forEach(function (k, i) { at.set(k, i); });
        var stop = {};
        (f.sf || '').split(' ').forEach(function (w) { if (w) stop[w] = true; });
        ix = {
          vocab: vocab, at: at, n: f.n, starts: f.b || [], tf: f.tf || [], df: f.df || [], per: f.d, kinds: f.k, dk: f.dk || '',
          syn: (f.s || []).map(function (p) { return { from: tokens(p[0]), to: tokens(p[1]) }; }),
          stop: stop, kb: f.kb || [],
          fillers: (f.fl || []).map(function (p) { return p.split(' '); })
        };
        return ix;
      }).catch(function (e) { loading = null; throw e; });
    }
    return loading;
  }
  function lowerBound(k) {
    var lo = 0, hi = ix.vocab.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (ix.vocab[mid] < k) lo = mid + 1; else hi = mid;
    }
    return lo;
  }
  function find(k) {
    var i = lowerBound(k);
    return { i: i, ok: i < ix.vocab.length && ix.vocab[i] === k };
  }
  function shardOf(i) {
    var lo = 0, hi = ix.starts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (ix.starts[mid] <= i) lo = mid; else hi = mid - 1;
    }
    return lo;
  }
  function fetchShard(name) {
    if (!shards.has(name)) {
      var p = getJSON(base + name).then(function (j) { shards.set(name, j); return j; }, function (e) { shards.delete(name); throw e; });
      shards.set(name, p);
    }
    return Promise.resolve(shards.get(name));
  }
  // variants of a key ("a" or the pair "a b") whose first word is vocab[i]:
  // [{form, docs: Int32Array, masks: Uint8Array}].
  var decoded = new Map();
  function variants(i, k) {
    if (decoded.has(k)) return decoded.get(k);
    var raw = shards.get(ix.tf[shardOf(i)]);
    var vs = ((raw && raw[k]) || []).map(function (v) {
      var doc = 0, n = v[1].length;
      var docs = new Int32Array(n), masks = new Uint8Array(n);
      for (var j = 0; j < n; j++) {
        doc += Math.floor(v[1][j] / 8);
        docs[j] = doc;
        masks[j] = v[1][j] % 8;
      }
      return { form: v[0], docs: docs, masks: masks };
    });
    decoded.set(k, vs);
    return vs;
  }

  // ---- search (internal/vnsearch/search.go) ----
  var expanded = new Map(); // one query's expansions, by word, position and stage
  function expand(t, last, stage) {
    var memo = t.key + '\u0000' + t.text + '\u0000' + last + stage;
    if (expanded.has(memo)) return expanded.get(memo);
    var out = expandNew(t, last, stage);
    expanded.set(memo, out);
    return out;
  }
  function expandNew(t, last, stage) {
    var out = [];
    var seen = {};
    function add(i, q) { if (!seen[i]) { seen[i] = true; out.push({ at: i, q: q }); } }
    var f = find(t.key);
    if (f.ok) add(f.i, 10);
    else {
      var tx = telex(t.key);
      if (tx) { var g = find(tx); if (g.ok) add(g.i, 9); }
    }
    if (last && t.key.length >= 2) {
      var n = 0;
      for (var j = f.i; j < ix.vocab.length && n < 50 && ix.vocab[j].indexOf(t.key) === 0; j++) {
        if (j !== f.i || !f.ok) { add(j, 6); n++; }
      }
    }
    if ((out.length === 0 || stage === 2) && Array.from(t.key).length >= 3) {
      for (var m = 0; m < ix.vocab.length; m++) if (within1(t.key, ix.vocab[m])) add(m, 5);
    }
    return out;
  }
  function resolve(t) {
    if (find(t.key).ok) return t.key;
    var tx = telex(t.key);
    return tx && find(tx).ok ? tx : '';
  }
  function withoutFillers(q) {
    var out = [];
    for (var i = 0; i < q.length;) {
      var n = 0;
      ix.fillers.forEach(function (f) {
        if (n || i + f.length > q.length) return;
        for (var j = 0; j < f.length; j++) if (q[i + j].key !== f[j]) return;
        n = f.length;
      });
      if (!n) { out.push(q[i]); n = 1; }
      i += n;
    }
    return out;
  }
  function indexKeys(q, phrase, loose) {
    for (var i = 0; i + phrase.length <= q.length; i++) {
      var ok = true;
      for (var j = 0; j < phrase.length; j++) {
        var a = q[i + j].key, b = phrase[j].key;
        if (a !== b && (!loose || a.length < 4 || !within1(a, b))) { ok = false; break; }
      }
      if (ok) return i;
    }
    return -1;
  }
  function alternatives(q) {
    var qt = tokens(q).slice(0, 10);
    if (!qt.length) return [];
    var alts = [{ terms: qt, w: 10 }];
    var rest = withoutFillers(qt);
    if (rest.length && rest.length < qt.length) alts.push({ terms: rest, w: 8 });
    ix.syn.forEach(function (s) {
      if (!s.from.length || !s.to.length) return;
      var i = indexKeys(qt, s.from, false), w = 9;
      if (i < 0) { i = indexKeys(qt, s.from, true); w = 7; }
      if (i >= 0) alts.push({ terms: qt.slice(0, i).concat(s.to, qt.slice(i + s.from.length)), w: w });
    });
    return alts;
  }
  function formWeight(form) { return ix.stop[form] ? 2 : 10; }
  function pairWeight(form) {
    var sp = form.indexOf(' ');
    return ix.stop[form.slice(0, sp)] && ix.stop[form.slice(sp + 1)] ? 2 : 10;
  }
  function boost(d) { return ix.kb[+ix.dk.charAt(d)] || 10; }
  // needs lists the shards a stage of a query reads.
  function needs(alts, stage) {
    var names = {};
    alts.forEach(function (a) {
      a.terms.forEach(function (t, ti) {
        expand(t, ti === a.terms.length - 1, stage).forEach(function (e) { names[ix.tf[shardOf(e.at)]] = true; });
        var r = resolve(t);
        if (r) names[ix.tf[shardOf(find(r).i)]] = true;
      });
    });
    return Object.keys(names);
  }
  var W = [0, 4, 2, 6, 1, 5, 3, 7]; // weight of each field mask
  // match returns {list: [doc…], score: Float64Array}: the documents
  // holding every term and their scores (typed arrays: a phone scores
  // thousands of postings per word).
  function match(terms, stage, keys) {
    var N = ix.n;
    var alive = null, list = [], acc = new Float64Array(N), inTitle = new Uint8Array(N);
    for (var ti = 0; ti < terms.length; ti++) {
      var t = terms[ti];
      var marks = hasMarks(t.text);
      var per = new Float64Array(N), title = new Uint8Array(N), touched = [];
      expand(t, ti === terms.length - 1, stage).forEach(function (e) {
        var hit = false;
        variants(e.at, ix.vocab[e.at]).forEach(function (v) {
          var a = marks && v.form !== t.text ? 4 : 10;
          var fw = formWeight(v.form);
          var docs = v.docs, masks = v.masks;
          for (var j = 0; j < docs.length; j++) {
            var d = docs[j];
            if (alive && !alive[d]) continue;
            hit = true;
            var s = e.q * a * fw * W[masks[j]];
            if (s > per[d]) {
              if (per[d] === 0) touched.push(d);
              per[d] = s;
            }
            if (masks[j] & 1) title[d] = 1;
          }
        });
        if (hit) keys[e.at] = true;
      });
      if (!alive) {
        alive = new Uint8Array(N);
        touched.forEach(function (d) { alive[d] = 1; acc[d] = per[d]; inTitle[d] = title[d]; });
      } else {
        list.forEach(function (d) {
          if (per[d] === 0) { alive[d] = 0; return; }
          acc[d] += per[d];
          if (!title[d]) inTitle[d] = 0;
        });
      }
      list = touched;
    }
    var adj = new Uint8Array(N);
    for (var pi = 0; pi + 1 < terms.length; pi++) {
      var a = resolve(terms[pi]), b = resolve(terms[pi + 1]);
      if (!a || !b) continue;
      var typed = terms[pi].text + ' ' + terms[pi + 1].text;
      var pm = hasMarks(typed);
      var bonus = new Float64Array(N), got = [];
      variants(find(a).i, a + ' ' + b).forEach(function (v) {
        var f = pm && v.form !== typed ? 4 : 10;
        var pw = pairWeight(v.form);
        for (var j = 0; j < v.docs.length; j++) {
          var d = v.docs[j];
          if (!alive[d]) continue;
          var s = 10 * f * pw * W[v.masks[j]];
          if (s > bonus[d]) {
            if (bonus[d] === 0) { got.push(d); adj[d]++; }
            bonus[d] = s;
          }
        }
      });
      got.forEach(function (d) { acc[d] += bonus[d]; });
    }
    list.forEach(function (d) {
      var s = acc[d];
      s *= terms.length === 1 ? 4 : 1 + 7 * adj[d];
      acc[d] = inTitle[d] ? s * 3 : s * 2;
    });
    return { list: list, score: acc, adj: adj };
  }
  // search resolves to {hits: [[doc, score]…], keys: {key: true}, weak}.
  function search(q) {
    expanded = new Map();
    var alts = alternatives(q);
    if (!alts.length) return Promise.resolve({ hits: [], keys: {} });
    function run(stage) {
      return Promise.all(needs(alts, stage).map(fetchShard)).then(function () {
        var scores = new Map(), keyAt = {}, phrase = {};
        alts.forEach(function (a) {
          var m = match(a.terms, stage, keyAt);
          m.list.forEach(function (d) {
            var v = m.score[d] * a.w;
            if (v > (scores.get(d) || 0)) scores.set(d, v);
            if (a.terms.length === 1 || m.adj[d] >= Math.floor(a.terms.length / 2)) phrase[d] = true;
          });
        });
        if (!scores.size && stage === 1) return run(2);
        var hits = [];
        scores.forEach(function (s, d) { hits.push([d, s * boost(d)]); });
        hits.sort(function (x, y) { return y[1] - x[1] || x[0] - y[0]; });
        var best = hits.length ? hits[0][1] : 0;
        var n = alts[0].terms.length;
        var ideal = (2 * n - 1) * 10 * 10 * 10 * 4 * (n > 1 ? 1 + 7 * (n - 1) : 4) * 3 * 10 * 10;
        var weak = best < Math.floor(ideal / 16) || !phrase[hits.length ? hits[0][0] : -1];
        var cut = Math.floor(best / 40);
        hits = hits.filter(function (h) { return h[1] >= cut; });
        var keys = {};
        Object.keys(keyAt).forEach(function (i) { keys[ix.vocab[i]] = true; });
        return { hits: hits, keys: keys, weak: weak };
      });
    }
    return run(1);
  }
  function docs(ids) {
    var names = {};
    ids.forEach(function (d) { names[ix.df[Math.floor(d / ix.per)]] = true; });
    return Promise.all(Object.keys(names).map(fetchShard)).then(function () {
      return ids.map(function (d) {
        var r = shards.get(ix.df[Math.floor(d / ix.per)])[d % ix.per];
        return { title: r[0], url: r[1], kind: r[2], date: r[3], short: r[4] };
      });
    });
  }
  window.portalSearch = {
    load: load, search: search, docs: docs, tokens: tokens,
    kinds: function () { return ix.kinds; },
    kindOf: function (d) { return ix.kinds[+ix.dk.charAt(d)][0]; }
  };
})();
