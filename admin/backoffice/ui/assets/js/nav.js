// @ts-check
// The navigation service every page uses: the back office's base address,
// going to another address (asking first when the page has unsaved
// changes), the page's title, and a message kept for the next page. main.js
// draws the pages and tells this module how (setRenderer); views import
// this module, never main.js.

import { h } from './util.js';
import { confirmDialog } from './dialog.js';

export const BASE = '/quan-tri/';

/** @type {(() => boolean) | null} */
let dirtyCheck = null;
/** @type {{ text: string, kind: string } | null} */
let flash = null;
/** @type {() => Promise<void>} */
let renderer = async () => {};

/**
 * setRenderer names the function that draws the page of the current
 * address (main.js's render).
 * @param {() => Promise<void>} f
 */
export function setRenderer(f) { renderer = f; }

/**
 * setDirtyCheck registers the current page's test for unsaved changes.
 * @param {(() => boolean) | null} f
 */
export function setDirtyCheck(f) { dirtyCheck = f; }

// isDirty tells whether the current page has unsaved changes.
export function isDirty() { return !!(dirtyCheck && dirtyCheck()); }

/**
 * setFlash keeps a message to show on the next page (after a redirect).
 * @param {string} text
 * @param {string} [kind]
 */
export function setFlash(text, kind = 'success') { flash = { text, kind }; }

// takeFlash returns the message kept for this page, once.
export function takeFlash() {
  const f = flash;
  flash = null;
  return f;
}

/**
 * flashNotice shows a message taken with takeFlash, or nothing.
 * @param {{ text: string, kind: string } | null} f
 */
export function flashNotice(f) {
  return f ? h('div', { class: `notice notice-${f.kind}`, role: 'status' }, f.text) : null;
}

let siteName = 'Cổng thông tin cải cách hành chính';

/**
 * showIdentity puts the commune's site name, mark and (with demo data) the
 * demo banner on the page, from meta.json's "commune".
 * @param {{ siteName?: string, mark?: string, banner?: string } | undefined} c
 */
export function showIdentity(c) {
  if (!c) return;
  if (c.siteName) siteName = c.siteName;
  const name = document.getElementById('brand-name');
  if (name) name.textContent = siteName;
  const mark = document.getElementById('brand-mark');
  if (mark) mark.textContent = c.mark || '';
  const banner = document.getElementById('demo-banner');
  if (banner) {
    banner.textContent = c.banner || '';
    banner.hidden = !c.banner;
  }
}

/** @param {string} text */
export function setTitle(text) {
  document.title = `${text} – Quản trị ${siteName}`;
}

/**
 * navigate goes to a back office address, asking first if the page has
 * unsaved changes.
 * @param {string} url
 * @param {{ replace?: boolean, force?: boolean }} [opts]
 */
export async function navigate(url, { replace = false, force = false } = {}) {
  if (!force && isDirty()) {
    const ok = await confirmDialog({
      title: 'Rời trang khi chưa lưu?',
      text: 'Bạn có thay đổi chưa lưu trên trang này. Nếu rời trang, các thay đổi đó sẽ mất.',
      confirm: 'Rời trang, bỏ thay đổi',
      cancel: 'Ở lại trang',
      danger: true,
    });
    if (!ok) return;
  }
  dirtyCheck = null;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  await renderer();
}
