// @ts-check
// A report or nomination filed after its deadline: how late, what the
// reviewer decided, and for reviewers the two buttons that decide it.

/**
 * @import { Lateness } from '../types.js'
 * @import { Overdue } from '../answers.js'
 * @import { Card } from '../ui-types.js'
 */

import { update, request, asApiError } from '../api.js';
import { h, fill, formatNumber, vnYear } from '../util.js';
import { remindButton, remindedToday } from '../components/remind.js';
import { isReviewer } from '../roles.js';

/** @type {Record<string, string>} */
const DECISIONS = { pending: 'Chờ xem xét', accepted: 'Đã chấp nhận', refused: 'Không chấp nhận' };

/**
 * lateBlock is nothing for a record filed on time.
 * @param {string} collection  unitReports or nominations
 * @param {{ id: string } & Lateness} r  the record
 * @param {() => void} reload  called after a decision is saved
 */
export function lateBlock(collection, r, reload) {
  if (!r || !r.late) return null;
  const status = h('p', { role: 'status', class: 'hint' });
  const decide = (/** @type {string} */ value, /** @type {string} */ text) => h('button', {
    type: 'button', class: value === 'accepted' ? 'btn' : 'btn btn-secondary',
    onclick: async (e) => {
      const b = e.currentTarget;
      b.disabled = true;
      status.textContent = 'Đang lưu…';
      try {
        await update(collection, r.id, { lateDecision: value });
        reload();
      } catch (err) {
        status.textContent = `Không lưu được: ${asApiError(err).message}`;
        b.disabled = false;
      }
    },
  }, text);
  const box = h('div', { class: 'notice notice-warning late-filing', role: 'note' },
    h('p', { class: 'notice-title' }, `Nộp muộn ${formatNumber(r.daysLate || 0)} ngày — ${DECISIONS[r.lateDecision || 'pending']}`),
    isReviewer() && r.lateDecision !== 'accepted'
      ? h('div', { class: 'actions' }, decide('accepted', 'Chấp nhận hồ sơ nộp muộn'), r.lateDecision !== 'refused' ? decide('refused', 'Không chấp nhận') : null)
      : null,
    status);
  return box;
}

/**
 * overdueName names what is overdue: "Báo cáo năm 2026" (the subject's
 * label already says "năm").
 * @param {Overdue} o
 */
function overdueName(o) {
  return o.subject === 'report' ? `Báo cáo năm ${o.year}` : `${o.subjectLabel} (năm ${o.year})`;
}

/**
 * overdueList shows the reports units have not filed though due; for a
 * reviewer, each with its "Nhắc" button (reminded: unit id → time today).
 * @param {Overdue[]} items
 * @param {Record<string, string>} [reminded]
 */
export function overdueList(items, reminded) {
  if (!items.length) return h('p', { class: 'muted' }, 'Không có báo cáo nào của các năm trước quá hạn.');
  return h('ul', { class: 'mini-list' }, items.map((o) => h('li', {},
    overdueName(o), o.unit ? ` – ${o.unit}` : '',
    h('span', { class: 'mini-meta' }, `hạn ${o.deadline}, đã quá ${formatNumber(o.daysOverdue)} ngày`),
    reminded ? remindButton(o, o.year, reminded[o.unitId]) : null)));
}

/**
 * loadOverdue fills a dashboard card with the reports overdue from
 * earlier years (a unit's own; every unit's for reviewers): this year's
 * has its own card.
 * @param {Card} sec
 */
export async function loadOverdue(sec) {
  try {
    const [res, reminded] = await Promise.all([
      request('GET', '/api/portal/overdue').then((x) => /** @type {{ items: Overdue[] | null }} */ (x)),
      isReviewer() ? remindedToday() : Promise.resolve(undefined),
    ]);
    const earlier = (res.items || []).filter((o) => o.year < vnYear());
    fill(sec.body, overdueList(earlier, reminded));
  } catch (e) {
    fill(sec.body, h('p', { class: 'muted' }, `Không tải được: ${asApiError(e).message}`));
  }
}
