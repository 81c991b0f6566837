// @ts-check
// Reward money and numbers within bounds: reviewers set the base salary,
// the coefficients of the Giấy khen (a person's, a collective's), the
// commune's yearly fund for awards and the yearly caps on Giấy khen; the
// exports page shows a year's money and numbers, decided and before the
// council, with a warning where they pass these (GET /api/portal/rewards).

/**
 * @import { PortalConfig } from '../types.js'
 */

import { request, update, asApiError } from '../api.js';
import { h, fill, uid, formatNumber } from '../util.js';

/**
 * readAmount reads a whole number of đồng (dots, commas and spaces between
 * thousands allowed), or says why not; empty is 0.
 * @param {string} text
 * @param {number} max
 * @returns {{ value: number } | { error: string }}
 */
export function readAmount(text, max) {
  const t = String(text || '').trim().replace(/[.,\s]/g, '');
  if (t === '') return { value: 0 };
  if (!/^\d{1,13}$/.test(t)) return { error: `“${text}” không phải số: hãy nhập số nguyên, ví dụ 2.340.000.` };
  const n = +t;
  if (n > max) return { error: `Số không được lớn hơn ${formatNumber(max)}.` };
  return { value: n };
}

/**
 * readCoefficient reads a coefficient such as “0,3”, or says why not.
 * @param {string} text
 * @returns {{ value: number } | { error: string }}
 */
export function readCoefficient(text) {
  const t = String(text || '').trim().replace(',', '.');
  if (!/^\d{1,2}(\.\d{1,3})?$/.test(t)) return { error: `“${text}” không phải hệ số: hãy nhập ví dụ 0,3.` };
  return { value: +t };
}

/** @param {number} n */
const dong = (n) => `${formatNumber(n)} đồng`;
/** @param {number} k */
const coef = (k) => String(k).replace('.', ',');

/**
 * rewardSettings is the panel of the settings page.
 * @param {PortalConfig & { id: string }} config  the portal's settings record
 */
export function rewardSettings(config) {
  const id = uid('tien-thuong');
  const gk = (config.rewardCoefficients && config.rewardCoefficients['giay-khen']) || { person: 0.3, collective: 0.6 };
  /** @type {Record<string, { input: HTMLInputElement, err: HTMLElement, label: string }>} */
  const ctl = {};
  /**
   * @param {string} name
   * @param {string} label
   * @param {string} hint
   * @param {string} value
   */
  const field = (name, label, hint, value) => {
    const fid = `${id}-${name}`;
    const input = /** @type {HTMLInputElement} */ (h('input', { id: fid, name, type: 'text', inputmode: 'decimal', class: 'input-medium', autocomplete: 'off', value, 'aria-describedby': `${fid}-hint ${fid}-error` }));
    const err = h('p', { id: `${fid}-error`, class: 'field-error', role: 'alert' });
    ctl[name] = { input, err, label };
    return h('div', { class: 'field' }, h('label', { for: fid }, label), h('p', { class: 'hint', id: `${fid}-hint` }, hint), err, input);
  };
  const msg = h('p', { role: 'status' });
  const save = async (/** @type {SubmitEvent} */ e) => {
    e.preventDefault();
    msg.textContent = '';
    Object.values(ctl).forEach((c) => { c.err.textContent = ''; c.input.removeAttribute('aria-invalid'); });
    /** @type {Record<string, number>} */
    const v = {};
    let first = null;
    for (const [name, c] of Object.entries(ctl)) {
      const r = name.startsWith('k') ? readCoefficient(c.input.value) : readAmount(c.input.value, name === 'baseSalary' ? 1e9 : name === 'rewardBudget' ? 1e12 : 100000);
      if ('error' in r) {
        c.err.textContent = r.error;
        c.input.setAttribute('aria-invalid', 'true');
        first = first || c.input;
      } else v[name] = r.value;
    }
    if (first) return first.focus();
    const coefs = { ...(config.rewardCoefficients || {}), 'giay-khen': { person: v.kPerson, collective: v.kCollective } };
    try {
      const saved = await update('portalConfig', config.id, {
        baseSalary: v.baseSalary, rewardCoefficients: coefs, rewardBudget: v.rewardBudget,
        maxPeopleAwards: v.maxPeopleAwards, maxCollectiveAwards: v.maxCollectiveAwards,
      });
      config.rewardCoefficients = coefs;
      msg.textContent = `Đã lưu. Mức lương cơ sở ${dong(saved.baseSalary || 0)}; Giấy khen: cá nhân ${coef(v.kPerson)}, tập thể ${coef(v.kCollective)} lần mức lương cơ sở.`;
    } catch (err) {
      const ex = asApiError(err);
      const data = ex.data || {};
      const k = Object.keys(data)[0];
      const c = ctl[k] || ctl.kPerson;
      c.err.textContent = (k && data[k].message) || ex.message;
      c.input.setAttribute('aria-invalid', 'true');
      c.input.focus();
    }
  };
  return h('section', { class: 'panel', 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, 'Tiền thưởng và số lượng khen thưởng'),
    h('p', {}, 'Tiền thưởng kèm Giấy khen bằng hệ số nhân với mức lương cơ sở, làm tròn lên hàng chục nghìn đồng; quyết định khen thưởng ghi số tiền ở Điều 2. Trang Xuất dữ liệu cảnh báo khi số lượng hoặc tiền thưởng trong năm vượt mức dưới đây.'),
    h('form', { class: 'narrow', novalidate: true, onsubmit: save },
      field('baseSalary', 'Mức lương cơ sở (đồng)', 'Ví dụ 2.340.000 (từ 01/7/2024). Sửa khi Chính phủ điều chỉnh.', formatNumber(config.baseSalary || 2340000)),
      field('kPerson', 'Hệ số Giấy khen cho cá nhân', 'Theo quy định hiện hành là 0,3.', coef(gk.person)),
      field('kCollective', 'Hệ số Giấy khen cho tập thể', 'Gấp đôi cá nhân: 0,6.', coef(gk.collective)),
      field('rewardBudget', 'Kinh phí khen thưởng của xã trong năm (đồng)', 'Để trống hoặc 0 nếu không theo dõi.', config.rewardBudget ? formatNumber(config.rewardBudget) : ''),
      field('maxPeopleAwards', 'Số cá nhân được tặng Giấy khen tối đa trong năm', 'Để trống hoặc 0 nếu không giới hạn.', config.maxPeopleAwards ? String(config.maxPeopleAwards) : ''),
      field('maxCollectiveAwards', 'Số tập thể được tặng Giấy khen tối đa trong năm', 'Để trống hoặc 0 nếu không giới hạn.', config.maxCollectiveAwards ? String(config.maxCollectiveAwards) : ''),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn' }, 'Lưu tiền thưởng')),
      msg));
}

/**
 * @typedef {{ form: string, label: string, paidByCommune: boolean, collectives: number, people: number, perCollective: number, perPerson: number, total: number }} RewardLine
 * @typedef {{ lines: RewardLine[], total: number, communeTotal: number, people: number, collectives: number }} RewardTally
 * @typedef {{ year: number, settings: { baseSalary: number, budget: number, maxPeople: number, maxCollectives: number }, decision?: RewardTally, decided: RewardTally, proposed: RewardTally, warnings: string[] }} RewardSummary
 */

/**
 * rewardSummary fills slot with a year's reward money and numbers (and
 * one decision's, if no is given), warnings first.
 * @param {HTMLElement} slot
 * @param {string} year
 * @param {string} [no]
 */
export async function rewardSummary(slot, year, no) {
  if (!/^\d{4}$/.test(year)) return;
  let s;
  try {
    s = /** @type {RewardSummary} */ (await request('GET', `/api/portal/rewards?year=${year}${no ? `&no=${encodeURIComponent(no)}` : ''}`));
  } catch (ex) {
    fill(slot, h('p', { class: 'notice notice-error' }, asApiError(ex).message));
    return;
  }
  /**
   * @param {string} caption
   * @param {RewardTally} t
   */
  const table = (caption, t) => t.lines.length === 0
    ? h('p', {}, `${caption}: chưa có.`)
    : h('table', { class: 'records' },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Hình thức'), h('th', { scope: 'col' }, 'Tập thể'), h('th', { scope: 'col' }, 'Cá nhân'), h('th', { scope: 'col' }, 'Mức thưởng'), h('th', { scope: 'col' }, 'Thành tiền'))),
      h('tbody', {}, t.lines.map((l) => h('tr', {},
        h('td', { 'data-label': 'Hình thức' }, l.label + (l.paidByCommune ? '' : ' (cấp trên chi)')), h('td', { 'data-label': 'Tập thể' }, formatNumber(l.collectives)), h('td', { 'data-label': 'Cá nhân' }, formatNumber(l.people)),
        h('td', { 'data-label': 'Mức thưởng' }, `Tập thể ${dong(l.perCollective)}; cá nhân ${dong(l.perPerson)}`), h('td', { 'data-label': 'Thành tiền' }, dong(l.total))))),
      h('tfoot', {}, h('tr', {}, h('th', { scope: 'row', colspan: 4 }, 'Tổng quỹ của xã chi'), h('td', { 'data-label': 'Tổng quỹ của xã chi' }, dong(t.communeTotal)))));
  fill(slot,
    s.warnings.map((w) => h('p', { class: 'notice notice-warning', role: 'alert' }, w)),
    s.decision ? table(`Quyết định ${no}`, s.decision) : null,
    table(`Đã quyết định trong năm ${s.year}`, s.decided),
    table(`Đang trình Hội đồng năm ${s.year}`, s.proposed),
    h('p', { class: 'hint' }, `Mức lương cơ sở ${dong(s.settings.baseSalary)}` +
      (s.settings.budget ? `; kinh phí khen thưởng của xã năm ${s.year}: ${dong(s.settings.budget)}` : '; chưa đặt kinh phí khen thưởng của xã') +
      '. Sửa ở mục Cài đặt.'));
}
