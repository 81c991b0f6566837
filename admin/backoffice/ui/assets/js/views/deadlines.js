// @ts-check
// Reviewers' deadline settings beyond the yearly day: the dossier window
// of the 2026–2030 summary awards ("theo kế hoạch tổng kết"), and a
// deadline extended for one unit or a report it is excused from.

/**
 * @import { PortalConfig } from '../types.js'
 */

import { list, create, update, remove, asApiError } from '../api.js';
import { h, fill, formatDate, parseVNDate, toPB, vnYear, uid, byName } from '../util.js';
import { loadUnits } from '../forms/units.js';

/** @type {Record<string, string>} */
const ACTIONS = { extend: 'Gia hạn', waive: 'Miễn nộp' };

/**
 * field makes a labelled input with its error line.
 * @param {string} labelText
 * @param {Record<string, string>} attrs
 */
function field(labelText, attrs, hint = '') {
  const id = uid('hd');
  const input = h('input', { id, type: 'text', autocomplete: 'off', ...attrs });
  const err = h('p', { class: 'field-error', role: 'alert' });
  return { input, err, el: h('div', { class: 'field' }, h('label', { for: id }, labelText), hint ? h('p', { class: 'hint' }, hint) : null, err, input) };
}

/**
 * deadlineSettings is the two panels, for the settings page.
 * @param {PortalConfig & { id: string }} config  the portal's settings record
 */
export async function deadlineSettings(config) {
  const units = await loadUnits().catch(() => []);
  const opens = field('Ngày bắt đầu nhận hồ sơ', { class: 'input-medium', placeholder: 'dd/mm/yyyy', value: formatDate(config.summaryOpens) });
  const closes = field('Ngày cuối nhận hồ sơ', { class: 'input-medium', placeholder: 'dd/mm/yyyy', value: formatDate(config.summaryCloses) }, 'Hồ sơ nộp sau ngày này được ghi là nộp muộn.');
  const winMsg = h('p', { role: 'status' });
  const saveWindow = async (/** @type {SubmitEvent} */ e) => {
    e.preventDefault();
    opens.err.textContent = closes.err.textContent = winMsg.textContent = '';
    const a = parseVNDate(opens.input.value);
    const b = closes.input.value.trim() ? parseVNDate(closes.input.value, '12:00') : { date: null };
    if ('error' in a) { opens.err.textContent = a.error; return; }
    if ('error' in b) { closes.err.textContent = b.error; return; }
    if (b.date && b.date < a.date) { closes.err.textContent = 'Ngày cuối phải sau ngày bắt đầu.'; return; }
    try {
      await update('portalConfig', config.id, { summaryOpens: toPB(a.date), summaryCloses: b.date ? toPB(b.date) : '' });
      winMsg.textContent = 'Đã lưu đợt nhận hồ sơ khen thưởng tổng kết.';
    } catch (ex) { winMsg.textContent = `Không lưu được: ${asApiError(ex).message}`; }
  };

  const unitSel = h('select', { id: uid('hd-dv') }, h('option', { value: '' }, '— Chọn đơn vị —'), units.map((u) => h('option', { value: u.id }, u.name)));
  const year = field('Năm báo cáo', { class: 'input-short', inputmode: 'numeric', value: String(vnYear()) });
  const actionSel = h('select', { id: uid('hd-loai') }, Object.entries(ACTIONS).map(([k, v]) => h('option', { value: k }, v)));
  const until = field('Gia hạn đến hết ngày', { class: 'input-medium', placeholder: 'dd/mm/yyyy' });
  const reason = field('Lý do', { class: 'input-long', maxlength: '1000' });
  const exMsg = h('p', { role: 'status' });
  const listBox = h('div', {});
  actionSel.addEventListener('change', () => { until.el.hidden = actionSel.value !== 'extend'; });
  const draw = async () => {
    try {
      const res = await list('deadlineExceptions', { sort: '-year,-created', perPage: 100, expand: 'unit' });
      const unitOf = (/** @type {typeof res.items[number]} */ x) => (x.expand && x.expand.unit ? x.expand.unit.name : '');
      // By year, newest first, then by unit in Vietnamese order.
      const items = byName(res.items, unitOf).sort((a, b) => b.year - a.year);
      fill(listBox, items.length ? h('ul', { class: 'mini-list' }, items.map((x) => h('li', {},
        `${unitOf(x)} – báo cáo năm ${x.year}: ${ACTIONS[x.action]}`,
        x.action === 'extend' && x.until ? ` đến hết ngày ${formatDate(x.until)}` : '', x.reason ? ` (${x.reason})` : '', ' ',
        h('button', { type: 'button', class: 'btn-link', onclick: async () => { await remove('deadlineExceptions', x.id).catch(() => {}); draw(); } }, 'Bỏ')))) :
        h('p', { class: 'muted' }, 'Chưa gia hạn hay miễn nộp cho đơn vị nào.'));
    } catch (ex) { fill(listBox, h('p', { class: 'muted' }, `Không tải được: ${asApiError(ex).message}`)); }
  };
  const saveEx = async (/** @type {SubmitEvent} */ e) => {
    e.preventDefault();
    exMsg.textContent = until.err.textContent = year.err.textContent = '';
    if (!unitSel.value) { exMsg.textContent = 'Hãy chọn đơn vị.'; return; }
    const y = Number(year.input.value.trim());
    if (!Number.isInteger(y) || y < 2000 || y > 2100) { year.err.textContent = 'Hãy nhập năm gồm bốn chữ số, ví dụ 2026.'; return; }
    /** @type {Record<string, string | number>} */
    const body = { unit: unitSel.value, year: y, subject: 'report', action: actionSel.value, reason: reason.input.value.trim() };
    if (actionSel.value === 'extend') {
      const d = parseVNDate(until.input.value, '12:00');
      if ('error' in d) { until.err.textContent = d.error; return; }
      body.until = toPB(d.date);
    }
    try {
      await create('deadlineExceptions', body);
      exMsg.textContent = 'Đã lưu.';
      draw();
    } catch (err) {
      const ex = asApiError(err);
      const d = ex.data || {};
      exMsg.textContent = (d.until && d.until.message) || (d.unit && 'Đơn vị này đã được gia hạn hoặc miễn nộp cho năm đó; hãy bỏ quyết định cũ trước.') || ex.message;
    }
  };
  draw();
  return [
    h('section', { class: 'panel', 'aria-labelledby': 'dot-tong-ket' },
      h('h2', { id: 'dot-tong-ket' }, 'Đợt nhận hồ sơ khen thưởng tổng kết giai đoạn 2026 – 2030'),
      h('p', { class: 'hint' }, 'Theo kế hoạch tổng kết của UBND xã. Trước ngày bắt đầu, đơn vị chưa nộp được hồ sơ tổng kết.'),
      h('form', { class: 'narrow', novalidate: true, onsubmit: saveWindow }, opens.el, closes.el,
        h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn' }, 'Lưu đợt nhận hồ sơ')), winMsg)),
    h('section', { class: 'panel', 'aria-labelledby': 'gia-han' },
      h('h2', { id: 'gia-han' }, 'Gia hạn hoặc miễn nộp báo cáo cho một đơn vị'),
      h('form', { class: 'narrow', novalidate: true, onsubmit: saveEx },
        h('div', { class: 'field' }, h('label', { for: unitSel.id }, 'Đơn vị'), unitSel), year.el,
        h('div', { class: 'field' }, h('label', { for: actionSel.id }, 'Quyết định'), actionSel), until.el, reason.el,
        h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn' }, 'Lưu')), exMsg),
      h('h3', {}, 'Đã gia hạn, miễn nộp'), listBox),
  ];
}
