// @ts-check
// How long citizens' contact details are kept after their submission is
// answered (or closed): reviewers choose 1 to 60 months (12 to start
// with); the portal erases them hourly once the time has passed, and the
// site's forms state the period in force.

/**
 * @import { PortalConfig } from '../types.js'
 */

import { update, asApiError } from '../api.js';
import { h, uid } from '../util.js';

const MIN = 1;
const MAX = 60;

/**
 * readMonths reads a number of months, or says why not.
 * @param {string} text
 * @returns {{ value: number } | { error: string }}
 */
export function readMonths(text) {
  const t = String(text || '').trim();
  if (!/^\d{1,3}$/.test(t)) return { error: `“${t}” không phải số tháng: hãy nhập một số nguyên, ví dụ 12.` };
  const n = +t;
  if (n < MIN || n > MAX) return { error: `Thời hạn phải từ ${MIN} đến ${MAX} tháng.` };
  return { value: n };
}

/**
 * retentionSettings is the panel of the settings page.
 * @param {PortalConfig & { id: string }} config  the portal's settings record
 */
export function retentionSettings(config) {
  const id = uid('luu-giu');
  const input = h('input', { id, name: 'contactRetentionMonths', type: 'text', inputmode: 'numeric', class: 'input-short', autocomplete: 'off',
    value: String(config.contactRetentionMonths || 12), 'aria-describedby': `${id}-hint ${id}-error` });
  const err = h('p', { id: `${id}-error`, class: 'field-error', role: 'alert' });
  const msg = h('p', { role: 'status' });
  const save = async (/** @type {SubmitEvent} */ e) => {
    e.preventDefault();
    err.textContent = msg.textContent = '';
    input.removeAttribute('aria-invalid');
    const r = readMonths(input.value);
    const fail = (/** @type {string} */ m) => { err.textContent = m; input.setAttribute('aria-invalid', 'true'); input.focus(); };
    if ('error' in r) return fail(r.error);
    try {
      const saved = await update('portalConfig', config.id, { contactRetentionMonths: r.value });
      input.value = String(saved.contactRetentionMonths);
      msg.textContent = `Đã lưu. Thông tin liên hệ của người dân được giữ ${saved.contactRetentionMonths} tháng sau khi ý kiến được trả lời; trang góp ý sẽ ghi thời hạn mới sau lần dựng trang tới.`;
    } catch (err) {
      const ex = asApiError(err);
      fail((ex.data && ex.data.contactRetentionMonths && ex.data.contactRetentionMonths.message) || ex.message);
    }
  };
  return h('section', { class: 'panel', 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, 'Thời hạn lưu thông tin liên hệ của người dân'),
    h('form', { class: 'narrow', novalidate: true, onsubmit: save },
      h('div', { class: 'field' },
        h('label', { for: id }, 'Số tháng lưu sau khi ý kiến được trả lời'),
        h('p', { class: 'hint', id: `${id}-hint` }, `Từ ${MIN} đến ${MAX} tháng. Hết thời hạn, họ tên, số điện thoại và thư điện tử người dân để lại được tự động xóa (Luật Bảo vệ dữ liệu cá nhân 2025); người dân cũng tự xóa được trên trang Tra cứu. Rút ngắn thời hạn áp dụng cho mọi ý kiến; kéo dài chỉ áp dụng cho ý kiến gửi sau khi lưu, vì người gửi trước đã được báo thời hạn cũ.`),
        err, input),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn' }, 'Lưu thời hạn')),
      msg));
}
