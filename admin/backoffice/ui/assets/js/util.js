// @ts-check
// Small helpers: numbers and sizes the Vietnamese way, filter quoting,
// file names, paths on the public site, debouncing; and, for every
// module that imports them from here, the DOM helpers (dom.js) and the
// dates in Vietnam's time (dates.js).

import { h } from './dom.js';

export { h, fill, find, $, uid, announce } from './dom.js';
export {
  parsePB, toPB, formatDate, formatDateTime, dateInputValue, timeInputValue, parseVNDate,
  vnYear, deadlineOf, daysUntil, monthRange,
} from './dates.js';

// vietnamese compares names in Vietnamese alphabetical order (A, Ă, Â, B…
// Đ after D), as the public site lists units and people and as the server
// sorts what it lists (internal/vntext.Compare); the database sorts by
// bytes, which puts “Ấp” after “Z”. For a list the page has whole; a list
// read a page at a time is sorted by the server.
export const vietnamese = new Intl.Collator('vi', { numeric: true }).compare;

/**
 * byName sorts items in Vietnamese order of the text name gives each.
 * @template T
 * @param {T[]} items
 * @param {(x: T) => string} name
 */
export function byName(items, name) {
  return items.sort((a, b) => vietnamese(name(a), name(b)));
}

/**
 * debounce calls fn once ms have passed without another call; cancel
 * drops a call waiting.
 * @template {unknown[]} A
 * @param {(...args: A) => unknown} fn
 * @param {number} ms
 */
export function debounce(fn, ms) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let t;
  const d = (/** @type {A} */ ...args) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...args), ms);
  };
  d.cancel = () => clearTimeout(t);
  return d;
}

/**
 * formatNumber writes a number the Vietnamese way: 12.345,6.
 * @param {number | string | null | undefined} n
 */
export function formatNumber(n) {
  if (n === null || n === undefined || n === '') return '';
  const [int, frac] = String(n).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return frac ? `${grouped},${frac}` : grouped;
}

/**
 * parseNumber reads a number typed with a comma or a dot for decimals.
 * @param {string} s
 * @returns {{ value: number | null } | { error: string }}
 */
export function parseNumber(s) {
  const t = String(s).trim().replace(/\s/g, '');
  if (t === '') return { value: null };
  const norm = t.includes(',') ? t.replace(/\./g, '').replace(',', '.') : t;
  if (!/^-?\d+(\.\d+)?$/.test(norm)) return { error: `“${s}” không phải là một số.` };
  return { value: Number(norm) };
}

/**
 * q quotes text for a PocketBase filter expression.
 * @param {string} s
 */
export function q(s) {
  return "'" + String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "'";
}

/**
 * plural writes a count and its noun: "1.200 hồ sơ".
 * @param {number} n
 * @param {string} word
 */
export function plural(n, word) {
  return `${formatNumber(n)} ${word}`;
}

/**
 * formatBytes shows a size in KB or MB.
 * @param {number} n
 */
export function formatBytes(n) {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
  return `${Math.max(1, Math.round(n / 1024))} KB`;
}

/**
 * displayFileName shows an uploaded file's name without the random part
 * PocketBase adds to keep names unique ("ho-so_k2j4h5g6f7.pdf" → "ho-so.pdf").
 * @param {string} name
 */
export function displayFileName(name) {
  return String(name || '').replace(/_[a-z0-9]{10}(\.[a-z0-9]+)$/i, '$1');
}

/**
 * percent shows a number as a percentage the Vietnamese way: 97,5%.
 * @param {number | string | null | undefined} n
 */
export function percent(n) {
  if (n === null || n === undefined || n === '') return '—';
  return `${formatNumber(Math.round(Number(n) * 10) / 10)}%`;
}

// asciiFileName writes a file's name without Vietnamese marks ("Biên bản
// bình xét.pdf" → "Bien ban binh xet.pdf"): PocketBase keeps only ASCII
// letters and digits of an uploaded file's name, so this keeps it readable.
/** @param {string} name */
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
/**
 * @param {unknown} s
 * @returns {s is string}
 */
export function sitePath(s) {
  if (typeof s !== 'string') return false;
  return new TextEncoder().encode(s).length <= 300 && s.startsWith('/') && !s.startsWith('//') &&
    !s.includes('://') && !UNSAFE_IN_URL.test(s);
}

/**
 * pageLink shows a path on the site as a link opening in a new tab, or, if
 * it is not one (sitePath), as quoted text (its hidden characters written
 * out) that says so.
 * @param {unknown} path
 */
export function pageLink(path) {
  if (!sitePath(path)) return h('span', { class: 'unsafe-path' }, JSON.stringify(String(path ?? '')), ' (địa chỉ không hợp lệ, không mở được)');
  return h('a', { href: path, target: '_blank', rel: 'noopener' }, path, h('span', { class: 'visually-hidden' }, ' (mở thẻ mới)'));
}
