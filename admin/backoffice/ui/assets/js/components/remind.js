// @ts-check
// "Nhắc": a reviewer reminds a unit that has not filed its yearly report,
// now (a notice and a mail to its reporters, admin/reminders/nudge.go),
// at most once a day per unit.

/**
 * @import { Reminded, RemindedToday } from '../answers.js'
 */

import { request, asApiError } from '../api.js';
import { h } from '../util.js';

/**
 * remindedToday reads the units reminded today (unit id → "HH:MM"); none
 * when it cannot be read (the button then says so when pressed).
 * @returns {Promise<Record<string, string>>}
 */
export async function remindedToday() {
  try {
    const res = /** @type {RemindedToday} */ (await request('GET', '/api/portal/reports/reminded'));
    return res.units || {};
  } catch {
    return {};
  }
}

/**
 * remindButton is the "Nhắc" button of a unit's report of year, or, once
 * the unit was reminded today (at), the time it was.
 * @param {{ unitId: string, unit: string }} u
 * @param {number} year
 * @param {string} [at]
 */
export function remindButton(u, year, at) {
  const status = h('span', { class: 'hint remind-status', role: 'status' });
  if (at) {
    status.textContent = `Đã nhắc hôm nay lúc ${at}`;
    return h('span', { class: 'remind' }, status);
  }
  const button = h('button', {
    type: 'button', class: 'btn btn-small btn-secondary',
    'aria-label': `Nhắc ${u.unit} nộp báo cáo năm ${year}`,
    onclick: async () => {
      button.disabled = true;
      status.textContent = 'Đang gửi lời nhắc…';
      try {
        const res = /** @type {Reminded} */ (await request('POST', '/api/portal/reports/remind', { unit: u.unitId, year }));
        status.textContent = res.message;
        button.hidden = true;
      } catch (ex) {
        status.textContent = asApiError(ex).message;
        button.disabled = false;
      }
    },
  }, 'Nhắc');
  return h('span', { class: 'remind' }, button, ' ', status);
}
