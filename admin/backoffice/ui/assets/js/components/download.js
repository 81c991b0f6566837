// @ts-check
// The buttons that download a file the server makes (a list as CSV or
// Excel), saying in a status line what happens.

import { h } from '../util.js';
import { download } from '../files.js';
import { asApiError } from '../api.js';

/**
 * exportButton downloads, when pressed, what target() names: the address
 * and the file name to use if the server gives none; null when the form
 * around it has said what is wrong. status says "Đang tạo tệp…", then
 * what was saved or why not; the button waits meanwhile.
 * @param {string} text
 * @param {HTMLElement} status
 * @param {() => ({ path: string, name: string } | null)} target
 */
export function exportButton(text, status, target) {
  return h('button', {
    type: 'button', class: 'btn btn-secondary',
    onclick: async (e) => {
      const t = target();
      if (!t) return;
      const b = e.currentTarget;
      b.disabled = true;
      status.textContent = 'Đang tạo tệp…';
      try {
        const name = await download(t.path, t.name);
        status.textContent = `Đã tải ${name}.`;
      } catch (err) {
        status.textContent = `Không tải được: ${asApiError(err).message}`;
      }
      b.disabled = false;
    },
  }, text);
}
