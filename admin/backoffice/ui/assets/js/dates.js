// @ts-check
// Dates in Vietnam's time: PocketBase's dates read and written, shown as
// dd/mm/yyyy, typed by staff, the yearly deadline and month ranges.

// Vietnam keeps UTC+7 all year (no summer time since 1975), so a date in
// Vietnam is the UTC date 7 hours on. PocketBase stores dates in UTC as
// "2026-11-24 17:00:00.000Z", which is 25/11/2026 00:00 in Vietnam.
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

/**
 * parsePB reads a PocketBase date ("2026-11-24 17:00:00.000Z") or an ISO
 * one; it returns null for an empty or unreadable value.
 * @param {unknown} s
 * @returns {Date | null}
 */
export function parsePB(s) {
  if (!s) return null;
  const d = new Date(String(s).replace(' ', 'T'));
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * toPB writes a Date as PocketBase stores it.
 * @param {Date} d
 */
export function toPB(d) {
  return d.toISOString().replace('T', ' ');
}

const pad = (/** @type {number} */ n, w = 2) => String(n).padStart(w, '0');

/**
 * vnParts gives a date's fields in Vietnam's time.
 * @param {Date} d
 */
function vnParts(d) {
  const v = new Date(d.getTime() + VN_OFFSET_MS);
  return {
    y: v.getUTCFullYear(), m: v.getUTCMonth() + 1, d: v.getUTCDate(),
    hh: v.getUTCHours(), mm: v.getUTCMinutes(), ss: v.getUTCSeconds(),
  };
}

/**
 * formatDate shows a PocketBase date as dd/mm/yyyy in Vietnam. It takes a
 * Date, or what a record holds: a PocketBase date
 * ("2026-11-24 17:00:00.000Z"), or nothing (an empty field); anything
 * else shows as nothing, as do the date functions below.
 * @param {unknown} s
 */
export function formatDate(s) {
  const d = s instanceof Date ? s : parsePB(s);
  if (!d) return '';
  const p = vnParts(d);
  return `${pad(p.d)}/${pad(p.m)}/${p.y}`;
}

/**
 * formatDateTime shows it as dd/mm/yyyy HH:mm in Vietnam.
 * @param {unknown} s
 */
export function formatDateTime(s) {
  const d = s instanceof Date ? s : parsePB(s);
  if (!d) return '';
  const p = vnParts(d);
  return `${pad(p.d)}/${pad(p.m)}/${p.y} ${pad(p.hh)}:${pad(p.mm)}`;
}

/**
 * dateInputValue and timeInputValue fill the back office's date and time
 * inputs (dd/mm/yyyy and HH:mm) from a PocketBase date.
 * @param {unknown} s
 */
export function dateInputValue(s) {
  return formatDate(s);
}
/** @param {unknown} s */
export function timeInputValue(s) {
  const d = s instanceof Date ? s : parsePB(s);
  if (!d) return '';
  const p = vnParts(d);
  return `${pad(p.hh)}:${pad(p.mm)}` + (p.ss ? `:${pad(p.ss)}` : '');
}

/**
 * parseVNDate reads what staff type as a date in Vietnam (25/11/2026,
 * 25-11-2026, 25.11.2026, or 2026-11-25) and a time (08:00, 8h30, 08:00:15),
 * and returns the moment as a Date, or an error message in Vietnamese.
 * @param {string} dateText
 * @param {string} [timeText]
 * @returns {{ date: Date } | { error: string }}
 */
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

// vnYear is the year it is now in Vietnam.
export function vnYear(now = new Date()) {
  return vnParts(now).y;
}

/**
 * deadlineOf is the last moment of the yearly deadline "dd/mm" of year:
 * the end of that day in Vietnam (admin.Deadline on the server).
 * @param {string | undefined} dm
 * @param {number} year
 */
export function deadlineOf(dm, year) {
  const m = String(dm || '').match(/^(\d{1,2})\/(\d{1,2})$/);
  let d = 20, mo = 11;
  if (m && +m[2] >= 1 && +m[2] <= 12 && +m[1] >= 1) { d = +m[1]; mo = +m[2]; }
  return new Date(Date.UTC(year, mo - 1, d, 23, 59, 59) - VN_OFFSET_MS);
}

/**
 * daysUntil counts the days from now to a moment, rounded up.
 * @param {Date} when
 */
export function daysUntil(when, now = new Date()) {
  return Math.ceil((when.getTime() - now.getTime()) / 86400000);
}

/**
 * monthRange is the first moment of month m of year y in Vietnam and the
 * first moment of the next month, as PocketBase dates, for a filter.
 * @param {number} y
 * @param {number} m
 */
export function monthRange(y, m) {
  const from = new Date(Date.UTC(y, m - 1, 1) - VN_OFFSET_MS);
  const to = new Date(Date.UTC(m === 12 ? y + 1 : y, m === 12 ? 0 : m, 1) - VN_OFFSET_MS);
  return [toPB(from), toPB(to)];
}
