// @ts-check
// Whether what staff saved is on the public site. Each build that goes
// live records the version ("updated" stamp) of every record it holds;
// GET /api/site/live/{collection}?ids=… answers, for some records, the
// version the live build holds and since when, and how the builds stand.
// A record is "Đã lên trang lúc …" only when the live build holds the
// version saved; until then "Đã lưu – chưa lên trang", with why (a draft,
// scheduled, a build running or waiting, builds failing and their error).
// Lists and the editor check again every few seconds while a change waits
// for a build.

/**
 * @import { Award, PublicRecord } from '../types.js'
 */

import { request } from '../api.js';
import { h, fill, formatDateTime, parsePB } from '../util.js';
import { label } from '../schema.js';

/**
 * @typedef {{ live: boolean, text: string, why: string, short: string, cls: string }} LiveState
 *   live: the saved version is on the site; text: the state ("Đã lên trang
 *   lúc …", "Đã lưu – chưa lên trang"); why: the reason in full; short: the
 *   reason for a list's cell; cls: live, waiting, failing or off.
 * @typedef {{ building: boolean, failingSince?: string, error?: string,
 *   records: Record<string, { updated: string, since: string }>,
 *   held?: Record<string, string> }} LiveAnswer
 *   held: why the live build left a record's page out (the theme failed on it).
 */

/** How often a page with a change waiting for a build asks again (ms). */
const RECHECK_MS = 4000;

/**
 * liveAnswer asks the server which versions of records the live build
 * holds; null when it cannot tell (a collection not on the site, an error).
 * @param {string} collection
 * @param {PublicRecord[]} records
 * @returns {Promise<LiveAnswer | null>}
 */
async function liveAnswer(collection, records) {
  if (!records.length) return null;
  try {
    return /** @type {LiveAnswer} */ (await request('GET', `/api/site/live/${collection}?ids=${encodeURIComponent(records.map((r) => r.id).join(','))}`));
  } catch {
    return null;
  }
}

/**
 * stateOf tells where a record stands against the live build.
 * @param {string} collection
 * @param {PublicRecord} r
 * @param {LiveAnswer} ans
 * @returns {LiveState}
 */
export function stateOf(collection, r, ans) {
  const held = ans.records[r.id];
  const at = parsePB(r.publishAt);
  const scheduled = r.status === 'published' && at && at > new Date();
  const visible = r.status === 'published' && !scheduled;
  if (visible && held && held.updated === r.updated) {
    return { live: true, text: `Đã lên trang lúc ${formatDateTime(held.since)}`, why: '', short: '', cls: 'live' };
  }
  const builds = buildReason(ans);
  const pageFailed = ans.held && ans.held[r.id];
  if (visible && pageFailed) {
    const shown = held ? ` Trang công khai đang hiện bản lưu trước đó (lên trang lúc ${formatDateTime(held.since)}).` : '';
    return {
      live: false, text: 'Đã lưu – chưa lên trang', cls: 'failing',
      why: `trang của bản ghi này không dựng được nên chưa lên trang: ${pageFailed}${shown}`,
      short: 'trang không dựng được',
    };
  }
  if (!visible) {
    const why = scheduled ? `hẹn giờ xuất bản lúc ${formatDateTime(r.publishAt)}` : label('status', r.status).toLowerCase();
    if (held) {
      // An earlier version is still on the site: it goes with the next build.
      const text = r.status === 'archived' || r.status === 'draft' || r.status === 'review' || scheduled
        ? 'Vẫn còn trên trang công khai' : 'Đã lưu – chưa lên trang';
      return {
        live: false, text, cls: builds.failing ? 'failing' : 'waiting',
        why: `${why}; trang gỡ bản đang hiện (từ ${formatDateTime(held.since)}) ở lần dựng tới, ${builds.full}`,
        short: `${why}; chờ gỡ: ${builds.short}`,
      };
    }
    if (r.status === 'archived') return { live: false, text: 'Không có trên trang công khai', why: 'đã lưu trữ', short: 'đã lưu trữ', cls: 'off' };
    return { live: false, text: 'Đã lưu – chưa lên trang', why, short: why, cls: 'off' };
  }
  const honoree = collection === 'awards' ? /** @type {Award} */ (r).expand?.honoree : undefined;
  if (honoree && honoree.status !== 'published') {
    const why = 'người, tập thể được khen chưa được xuất bản';
    return { live: false, text: 'Đã lưu – chưa lên trang', why, short: why, cls: 'off' };
  }
  const shown = held ? ` Trang công khai đang hiện bản lưu trước đó (lên trang lúc ${formatDateTime(held.since)}).` : '';
  return { live: false, text: 'Đã lưu – chưa lên trang', why: builds.full + shown, short: builds.short, cls: builds.failing ? 'failing' : 'waiting' };
}

/**
 * buildReason says why a saved version is not live yet, from how the
 * builds stand.
 * @param {LiveAnswer} ans
 */
function buildReason(ans) {
  const failing = !!ans.failingSince && !!ans.error;
  if (failing) {
    const since = formatDateTime(ans.failingSince);
    return {
      failing,
      short: `dựng trang đang lỗi từ ${since}`,
      full: `việc dựng trang đang lỗi từ ${since}${ans.building ? ' (đang thử dựng lại)' : ''}; trang công khai vẫn chạy bản dựng tốt gần nhất. Lỗi: ${ans.error}`,
    };
  }
  if (ans.building) return { failing, short: 'đang dựng trang', full: 'trang đang được dựng lại, thường xong sau vài giây.' };
  return { failing, short: 'đang chờ dựng trang', full: 'đang chờ lần dựng trang tới, thường trong vài giây.' };
}

/**
 * liveBadge shows a state: its text, and its reason (short or full).
 * @param {LiveState} s
 * @param {boolean} full
 */
export function liveBadge(s, full) {
  const why = full ? s.why : s.short;
  return h('span', { class: `live-state live-${s.cls}` },
    h('span', { class: 'live-text' }, s.text),
    why ? h('span', { class: 'live-why' }, ` (${why})`) : null);
}

/**
 * watchLive fills each record's slot (by id) with its state, and asks again
 * every few seconds while some saved version waits for a build and the
 * slots are still on the page.
 * @param {string} collection
 * @param {PublicRecord[]} records
 * @param {Map<string, HTMLElement>} slots
 * @param {boolean} full  the full reason (the editor) or the short one (a list)
 * @returns {Promise<boolean>} whether the server could tell
 */
export async function watchLive(collection, records, slots, full) {
  const ans = await liveAnswer(collection, records);
  if (!ans) return false;
  let waiting = false;
  for (const r of records) {
    const slot = slots.get(r.id);
    if (!slot) continue;
    const s = stateOf(collection, r, ans);
    fill(slot, liveBadge(s, full));
    if (s.cls === 'waiting' || s.cls === 'failing') waiting = true;
  }
  if (waiting) {
    setTimeout(() => {
      if ([...slots.values()].some((el) => el.isConnected)) watchLive(collection, records, slots, full);
    }, RECHECK_MS);
  }
  return true;
}
