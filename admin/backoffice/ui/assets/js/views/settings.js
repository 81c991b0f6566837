// @ts-check
// The portal's settings reviewers may change: the yearly deadline
// of nominations and reports, dd/mm (20/11 by default, as the plan says),
// and how long citizens' contact details are kept (retention.js).

/**
 * @import { PortalConfig } from '../types.js'
 */

import { update, asApiError } from '../api.js';
import { h, fill, formatDateTime, vnYear } from '../util.js';
import { can } from '../roles.js';
import { errorSummary, setInvalid } from '../forms/field.js';
import { setTitle, setDirtyCheck } from '../nav.js';
import { loadConfig, deadline } from '../process.js';
import { deadlineSettings } from './deadlines.js';
import { retentionSettings } from './retention.js';
import { rewardSettings } from './rewards.js';

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * readDeadline reads "20/11", "5/1" or "05-01" as "dd/mm", or says why not.
 * @param {string} text
 * @returns {{ value: string } | { error: string }}
 */
export function readDeadline(text) {
  const t = String(text || '').trim();
  const m = t.match(/^(\d{1,2})\s*[/.-]\s*(\d{1,2})$/);
  if (!m) return { error: `“${t}” không đúng dạng: hãy nhập ngày/tháng, ví dụ 20/11.` };
  const d = +m[1];
  const mo = +m[2];
  const dd = `${String(d).padStart(2, '0')}/${String(mo).padStart(2, '0')}`;
  if (mo < 1 || mo > 12) return { error: `Tháng ${mo} không có thật: tháng từ 1 đến 12.` };
  if (d < 1 || d > DAYS[mo - 1]) return { error: `Ngày ${dd} không có thật.` };
  if (d === 29 && mo === 2) return { error: 'Ngày 29/02 không có ở mọi năm: hãy chọn 28/02 hoặc 01/03.' };
  return { value: dd };
}

/**
 * renderSettings shows the portal's settings reviewers may change.
 * @param {HTMLElement} el
 */
export async function renderSettings(el) {
  setTitle('Cài đặt');
  if (!can.settings()) {
    fill(el, h('h1', {}, 'Cài đặt'), h('p', {}, 'Chỉ cán bộ thẩm định Phòng Văn hóa – Xã hội thay đổi được cài đặt.'));
    return;
  }
  let config = await loadConfig();
  const summary = h('div', { class: 'summary-slot' });
  const msg = h('div', { role: 'status' });
  const input = h('input', { id: 'han-nop', name: 'reportDeadline', type: 'text', inputmode: 'numeric', class: 'input-short', autocomplete: 'off', placeholder: 'dd/mm', value: config.reportDeadline || '20/11', 'aria-describedby': 'han-nop-hint han-nop-error' });
  const err = h('p', { id: 'han-nop-error', class: 'field-error', hidden: true });
  const example = h('p', { class: 'hint', 'aria-live': 'polite' });
  const drawExample = () => {
    const r = readDeadline(input.value);
    const y = vnYear();
    example.textContent = 'error' in r ? '' : `Với hạn này, hồ sơ và báo cáo năm ${y} nộp đến hết ngày ${deadline({ reportDeadline: r.value }, y).text}, năm ${y + 1} đến hết ngày ${deadline({ reportDeadline: r.value }, y + 1).text}.`;
  };
  input.addEventListener('input', drawExample);
  drawExample();
  let initial = input.value;
  if (el.isConnected) setDirtyCheck(() => input.value !== initial);
  // The panels below save into the settings record, once it exists.
  /** @type {PortalConfig & { id: string } | null} */
  const stored = config.id ? { ...config, id: config.id } : null;

  fill(el,
    h('h1', {}, 'Cài đặt'),
    summary,
    msg,
    h('form', { class: 'narrow', novalidate: true, onsubmit: save },
      h('div', { class: 'field' },
        h('label', { for: 'han-nop' }, 'Hạn nộp hồ sơ khen thưởng hằng năm và báo cáo năm'),
        h('p', { class: 'hint', id: 'han-nop-hint' }, 'Ngày/tháng hằng năm, ví dụ 20/11 (theo Kế hoạch). Sau hết ngày này, hồ sơ khen thưởng hằng năm và báo cáo năm vẫn nộp được nhưng được ghi là nộp muộn để Phòng Văn hóa – Xã hội xem xét. Khen thưởng đột xuất không có hạn.'),
        err, input, example),
      config.updated ? h('p', { class: 'hint' }, `Sửa lần cuối: ${formatDateTime(config.updated)}.`) : null,
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn' }, 'Lưu cài đặt'))),
    stored ? await deadlineSettings(stored) : null,
    stored ? retentionSettings(stored) : null,
    stored ? rewardSettings(stored) : null);

  /** @param {SubmitEvent} e */
  async function save(e) {
    e.preventDefault();
    summary.replaceChildren();
    msg.replaceChildren();
    setInvalid(input, err, '');
    const r = readDeadline(input.value);
    const fail = (/** @type {string} */ m) => {
      setInvalid(input, err, m);
      const box = errorSummary([{ href: '#han-nop', text: `Hạn nộp: ${m}` }], 'Chưa lưu được');
      fill(summary, box);
      box.focus();
    };
    if ('error' in r) return fail(r.error);
    if (!config.id) return fail('Không đọc được cài đặt hiện tại. Hãy tải lại trang.');
    try {
      config = await update('portalConfig', config.id, { reportDeadline: r.value });
    } catch (err) {
      const ex = asApiError(err);
      const m = (ex.data && ex.data.reportDeadline && ex.data.reportDeadline.message) || ex.message;
      return fail(m);
    }
    input.value = config.reportDeadline;
    initial = input.value;
    drawExample();
    fill(msg, h('div', { class: 'notice notice-success' }, `Đã lưu. Hạn nộp mới: ${config.reportDeadline} hằng năm.`));
  }
}
