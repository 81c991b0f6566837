// @ts-check
// Small helpers: building DOM safely (text is always text, never markup),
// dates in Vietnam's time, numbers and debouncing.

// h builds an element: h('a', {href: '/x', class: 'btn'}, 'text', child…).
// Attributes named on… are event listeners; true/false toggle boolean
// attributes; null and undefined are skipped.
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith('on') && typeof v === 'function') {
        el.addEventListener(k.slice(2).toLowerCase(), v);
      } else if (k === 'dataset') {
        Object.assign(el.dataset, v);
      } else if (k === 'value' && (tag === 'input' || tag === 'textarea' || tag === 'select')) {
        el.value = v;
      } else if (k === 'checked' && tag === 'input') {
        el.checked = !!v;
      } else if (v === true) {
        el.setAttribute(k, '');
      } else {
        el.setAttribute(k, String(v));
      }
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.append(c);
    else el.append(document.createTextNode(String(c)));
  }
}

// clear empties an element and fills it with children.
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

let idCounter = 0;
export function uid(prefix = 'id') {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

export function debounce(fn, ms) {
  let t;
  const d = (...args) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...args), ms);
  };
  d.cancel = () => clearTimeout(t);
  return d;
}

// announce says something to screen readers through the page's live region.
export function announce(text) {
  const el = document.getElementById('announcer');
  if (!el) return;
  el.textContent = '';
  setTimeout(() => { el.textContent = text; }, 50);
}

// Vietnam keeps UTC+7 all year (no summer time since 1975), so a date in
// Vietnam is the UTC date 7 hours on. PocketBase stores dates in UTC as
// "2026-11-24 17:00:00.000Z", which is 25/11/2026 00:00 in Vietnam.
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

// parsePB reads a PocketBase date ("2026-11-24 17:00:00.000Z") or an ISO
// one; it returns null for an empty or unreadable value.
export function parsePB(s) {
  if (!s) return null;
  const d = new Date(String(s).replace(' ', 'T'));
  return Number.isNaN(d.getTime()) ? null : d;
}

// toPB writes a Date as PocketBase stores it.
export function toPB(d) {
  return d.toISOString().replace('T', ' ');
}

const pad = (n, w = 2) => String(n).padStart(w, '0');

// vnParts gives a date's fields in Vietnam's time.
function vnParts(d) {
  const v = new Date(d.getTime() + VN_OFFSET_MS);
  return {
    y: v.getUTCFullYear(), m: v.getUTCMonth() + 1, d: v.getUTCDate(),
    hh: v.getUTCHours(), mm: v.getUTCMinutes(), ss: v.getUTCSeconds(),
  };
}

// formatDate shows a PocketBase date as dd/mm/yyyy in Vietnam.
export function formatDate(s) {
  const d = s instanceof Date ? s : parsePB(s);
  if (!d) return '';
  const p = vnParts(d);
  return `${pad(p.d)}/${pad(p.m)}/${p.y}`;
}

// formatDateTime shows it as dd/mm/yyyy HH:mm in Vietnam.
export function formatDateTime(s) {
  const d = s instanceof Date ? s : parsePB(s);
  if (!d) return '';
  const p = vnParts(d);
  return `${pad(p.d)}/${pad(p.m)}/${p.y} ${pad(p.hh)}:${pad(p.mm)}`;
}

// dateInputValue and timeInputValue fill the back office's date and time
// inputs (dd/mm/yyyy and HH:mm) from a PocketBase date.
export function dateInputValue(s) {
  return formatDate(s);
}
export function timeInputValue(s) {
  const d = s instanceof Date ? s : parsePB(s);
  if (!d) return '';
  const p = vnParts(d);
  return `${pad(p.hh)}:${pad(p.mm)}` + (p.ss ? `:${pad(p.ss)}` : '');
}

// parseVNDate reads what staff type as a date in Vietnam (25/11/2026,
// 25-11-2026, 25.11.2026, or 2026-11-25) and a time (08:00, 8h30, 08:00:15),
// and returns the moment as a Date, or an error message in Vietnamese.
export function parseVNDate(dateText, timeText = '') {
  const dt = String(dateText || '').trim();
  let y, m, d;
  let mt = dt.match(/^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/);
  if (mt) {
    [d, m, y] = [+mt[1], +mt[2], +mt[3]];
  } else if ((mt = dt.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/))) {
    [y, m, d] = [+mt[1], +mt[2], +mt[3]];
  } else {
    return { error: `Ngày “${dt}” không đúng dạng: hãy nhập ngày/tháng/năm, ví dụ 25/11/2026.` };
  }
  const daysIn = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (m < 1 || m > 12 || d < 1 || d > daysIn) {
    return { error: `Ngày ${pad(d)}/${pad(m)}/${y} không có thật.` };
  }
  if (y < 2000 || y > 2100) {
    return { error: 'Năm phải từ 2000 đến 2100.' };
  }
  let hh = 0, mm = 0, ss = 0;
  const tt = String(timeText || '').trim().toLowerCase();
  if (tt) {
    const t = tt.match(/^(\d{1,2})\s*(?:[:h]\s*(\d{1,2})?)?(?:\s*:\s*(\d{1,2}))?\s*(?:phút|p)?$/);
    if (!t) return { error: `Giờ “${timeText}” không đúng dạng: hãy nhập giờ:phút, ví dụ 08:30.` };
    hh = +t[1]; mm = t[2] ? +t[2] : 0; ss = t[3] ? +t[3] : 0;
    if (hh > 23 || mm > 59 || ss > 59) return { error: `Giờ “${timeText}” không có thật.` };
  }
  return { date: new Date(Date.UTC(y, m - 1, d, hh, mm, ss) - VN_OFFSET_MS) };
}

// formatNumber writes a number the Vietnamese way: 12.345,6.
export function formatNumber(n) {
  if (n === null || n === undefined || n === '') return '';
  const [int, frac] = String(n).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return frac ? `${grouped},${frac}` : grouped;
}

// parseNumber reads a number typed with a comma or a dot for decimals.
export function parseNumber(s) {
  const t = String(s).trim().replace(/\s/g, '');
  if (t === '') return { value: null };
  const norm = t.includes(',') ? t.replace(/\./g, '').replace(',', '.') : t;
  if (!/^-?\d+(\.\d+)?$/.test(norm)) return { error: `“${s}” không phải là một số.` };
  return { value: Number(norm) };
}

// filterString quotes text for a PocketBase filter expression.
export function q(s) {
  return "'" + String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "'";
}

export function plural(n, word) {
  return `${formatNumber(n)} ${word}`;
}

// formatBytes shows a size in KB or MB.
export function formatBytes(n) {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
  return `${Math.max(1, Math.round(n / 1024))} KB`;
}

// vnYear is the year it is now in Vietnam.
export function vnYear(now = new Date()) {
  return vnParts(now).y;
}

// deadlineOf is the last moment of the yearly deadline "dd/mm" of year:
// the end of that day in Vietnam (admin.Deadline on the server).
export function deadlineOf(dm, year) {
  const m = String(dm || '').match(/^(\d{1,2})\/(\d{1,2})$/);
  let d = 20, mo = 11;
  if (m && +m[2] >= 1 && +m[2] <= 12 && +m[1] >= 1) { d = +m[1]; mo = +m[2]; }
  return new Date(Date.UTC(year, mo - 1, d, 23, 59, 59) - VN_OFFSET_MS);
}

// daysUntil counts the days from now to a moment, rounded up.
export function daysUntil(when, now = new Date()) {
  return Math.ceil((when.getTime() - now.getTime()) / 86400000);
}

// monthRange is the first moment of month m of year y in Vietnam and the
// first moment of the next month, as PocketBase dates, for a filter.
export function monthRange(y, m) {
  const from = new Date(Date.UTC(y, m - 1, 1) - VN_OFFSET_MS);
  const to = new Date(Date.UTC(m === 12 ? y + 1 : y, m === 12 ? 0 : m, 1) - VN_OFFSET_MS);
  return [toPB(from), toPB(to)];
}

// displayFileName shows an uploaded file's name without the random part
// PocketBase adds to keep names unique ("ho-so_k2j4h5g6f7.pdf" → "ho-so.pdf").
export function displayFileName(name) {
  return String(name || '').replace(/_[a-z0-9]{10}(\.[a-z0-9]+)$/i, '$1');
}

// percent shows a number as a percentage the Vietnamese way: 97,5%.
export function percent(n) {
  if (n === null || n === undefined || n === '') return '—';
  return `${formatNumber(Math.round(Number(n) * 10) / 10)}%`;
}

// asciiFileName writes a file's name without Vietnamese marks ("Biên bản
// bình xét.pdf" → "Bien ban binh xet.pdf"): PocketBase keeps only ASCII
// letters and digits of an uploaded file's name, so this keeps it readable.
export function asciiFileName(name) {
  return String(name || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

// sitePath tells whether s is a path on the public site and nothing else,
// by the server's rule (admin/sitepath.go): one leading "/" (not "//host"),
// no backslash, no "://", at most 300 bytes, and none of the characters a
// browser drops from an address or that hide what it is (controls, tabs,
// line breaks, spaces of any kind, invisible and bidirectional marks): a
// browser reads "/\t/evil.example" as "//evil.example". A stored path that
// fails it is shown as text, never as a link.
const UNSAFE_IN_URL = /[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u2066-\u2069\u3000\ufeff\\]/;
export function sitePath(s) {
  if (typeof s !== 'string') return false;
  return new TextEncoder().encode(s).length <= 300 && s.startsWith('/') && !s.startsWith('//') &&
    !s.includes('://') && !UNSAFE_IN_URL.test(s);
}

// pageLink shows a path on the site as a link opening in a new tab, or, if
// it is not one (sitePath), as quoted text (its hidden characters written
// out) that says so.
export function pageLink(path) {
  if (!sitePath(path)) return h('span', { class: 'unsafe-path' }, JSON.stringify(String(path ?? '')), ' (địa chỉ không hợp lệ, không mở được)');
  return h('a', { href: path, target: '_blank', rel: 'noopener' }, path, h('span', { class: 'visually-hidden' }, ' (mở thẻ mới)'));
}
