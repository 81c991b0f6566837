// @ts-check
// The dashboard's cards of the award process and the citizens' voice:
// dossiers waiting (reviewers) or the unit's own (a unit's reporter), the
// year's reports, new feedback; and the card every loader fills.

/**
 * @import { Nomination } from '../types.js'
 * @import { ReportsSummary } from '../answers.js'
 * @import { Card } from '../ui-types.js'
 */

import { list, request, auth, asApiError } from '../api.js';
import { h, fill, $, formatDateTime, formatNumber, q, vnYear } from '../util.js';
import { label } from '../schema.js';
import { PATHS, loadConfig, deadline, openYear, nomineeName, nominationBadge, reportBadge } from '../process.js';
import { feedbackGist } from './feedback.js';
import { BASE } from '../nav.js';

/**
 * box is a dashboard card saying it is loading, for a loader to fill.
 * @param {string} id
 * @param {string} title
 * @param {string} empty  what the card says when it has nothing to show
 * @returns {Card}
 */
export function box(id, title, empty) {
  const body = h('div', {}, h('p', { class: 'muted' }, 'Đang tải…'));
  const el = h('section', { class: 'card', 'aria-labelledby': id }, h('h2', { id }, title), body);
  return { el, body, empty };
}

// (functions: BASE is not set yet while the modules load)
const NOM = () => `${BASE}${PATHS.nominations}/`;
const REP = () => `${BASE}${PATHS.reports}/`;
const FB = () => `${BASE}${PATHS.feedback}/`;

/**
 * failed says in a card why it could not be filled.
 * @param {Card} sec
 * @param {unknown} e
 */
function failed(sec, e) {
  fill(sec.body, h('p', { class: 'muted' }, `Không tải được: ${asApiError(e).message}`));
}

/** @param {Nomination[]} items */
function nominationItems(items) {
  return h('ul', { class: 'mini-list' }, items.map((n) => h('li', {},
    h('a', { href: NOM() + n.id }, nomineeName(n)),
    h('span', { class: 'mini-meta' },
      n.expand && n.expand.unit ? h('span', { class: 'kind' }, n.expand.unit.name) : null,
      n.expand && n.expand.unit ? ' · ' : '',
      nominationBadge(n.state), ' · ', `năm ${n.year}`, ' · ', formatDateTime(n.submittedAt || n.updated)))));
}

/**
 * loadWaitingNominations: the dossiers filed and waiting, and those before
 * the council (reviewers).
 * @param {Card} sec
 */
export async function loadWaitingNominations(sec) {
  try {
    const [waiting, council] = await Promise.all([
      list('nominations', { filter: `state = 'submitted'`, sort: 'submittedAt', perPage: 5, expand: 'nominee,unit' }),
      list('nominations', { filter: `state = 'forwarded'`, perPage: 1, fields: 'id' }),
    ]);
    fill(sec.body,
      h('p', { class: 'big-count' }, h('strong', {}, formatNumber(waiting.totalItems)), ' hồ sơ đã nộp chờ xem xét',
        council.totalItems ? `, ${formatNumber(council.totalItems)} hồ sơ đang trình Hội đồng` : '', '.'),
      waiting.items.length ? nominationItems(waiting.items) : null,
      h('p', { class: 'card-more' }, h('a', { href: `${NOM()}?trang-thai=submitted` }, waiting.totalItems ? 'Xem các hồ sơ chờ xử lý' : 'Xem tất cả hồ sơ đề nghị')));
  } catch (e) { failed(sec, e); }
}

/**
 * loadReportsSummary: how many units have not filed this year's report.
 * @param {Card} sec
 */
export async function loadReportsSummary(sec) {
  const y = vnYear();
  try {
    const st = /** @type {ReportsSummary} */ (await request('GET', `/api/portal/reports?year=${y}`));
    const t = st.totals || {};
    fill(sec.body,
      h('p', { class: 'big-count' }, h('strong', {}, formatNumber(t.missing || 0)), ` trong ${formatNumber(t.units || 0)} đơn vị chưa nộp báo cáo năm ${y}.`),
      h('p', { class: st.closed && t.missing ? 'text-warning' : '' }, st.closed
        ? `Đã quá hạn nộp (hết ngày ${st.deadline}).`
        : `Hạn nộp: hết ngày ${st.deadline}.`),
      h('p', { class: 'card-more' }, h('a', { href: `${REP()}?nam=${y}${t.missing ? '&loc=chua-nop' : ''}` }, t.missing ? 'Xem các đơn vị chưa nộp' : 'Xem các báo cáo')));
  } catch (e) { failed(sec, e); }
}

/**
 * loadUnitNominations: the unit's latest dossiers, and those returned.
 * @param {Card} sec
 */
export async function loadUnitNominations(sec) {
  try {
    const [recent, returned] = await Promise.all([
      list('nominations', { sort: '-updated', perPage: 5, expand: 'nominee' }),
      list('nominations', { filter: `state = 'returned'`, perPage: 1, fields: 'id' }),
    ]);
    if (!recent.totalItems) {
      fill(sec.body, h('p', { class: 'muted' }, sec.empty), h('p', { class: 'card-more' }, h('a', { href: `${NOM()}moi` }, 'Lập hồ sơ đề nghị')));
      return;
    }
    fill(sec.body,
      returned.totalItems ? h('p', { class: 'text-warning' }, h('strong', {}, `${formatNumber(returned.totalItems)} hồ sơ được trả lại để bổ sung.`)) : null,
      nominationItems(recent.items),
      h('p', { class: 'card-more' }, h('a', { href: NOM() }, `Xem tất cả ${formatNumber(recent.totalItems)} hồ sơ`)));
  } catch (e) { failed(sec, e); }
}

/**
 * loadUnitReport: the unit's report of the year open, and its deadline.
 * @param {Card} sec
 */
export async function loadUnitReport(sec) {
  try {
    const config = await loadConfig();
    const y = openYear(config);
    const d = deadline(config, y);
    const res = await list('unitReports', { filter: `unit = ${q(auth.unit)} && year = ${y}`, perPage: 1 });
    const r = res.items[0];
    $(sec.el, 'h2').textContent = `Báo cáo năm ${y} của đơn vị`;
    fill(sec.body,
      h('p', {}, reportBadge(r ? r.state : ''), r && r.submittedAt ? ` Nộp lúc ${formatDateTime(r.submittedAt)}.` : ''),
      h('p', {}, `Hạn nộp: hết ngày ${d.text}`, !d.closed && d.days <= 60 ? ` (còn ${formatNumber(d.days)} ngày).` : '.'),
      h('p', { class: 'card-more' }, h('a', { href: r ? REP() + r.id : `${REP()}moi?nam=${y}` }, r ? (r.state === 'submitted' ? 'Xem báo cáo' : 'Viết tiếp báo cáo') : `Lập báo cáo năm ${y}`)));
  } catch (e) { failed(sec, e); }
}

/**
 * loadNewFeedback: the latest feedback not yet handled.
 * @param {Card} sec
 */
export async function loadNewFeedback(sec) {
  try {
    const res = await list('feedback', { filter: `state = 'moi'`, sort: '-created', perPage: 5 });
    if (!res.totalItems) {
      fill(sec.body, h('p', { class: 'muted' }, sec.empty), h('p', { class: 'card-more' }, h('a', { href: FB() }, 'Xem hàng đợi ý kiến')));
      return;
    }
    fill(sec.body,
      h('p', { class: 'big-count' }, h('strong', {}, formatNumber(res.totalItems)), ' ý kiến mới chưa xử lý.'),
      h('ul', { class: 'mini-list' }, res.items.map((x) => h('li', {},
        h('a', { href: FB() + x.id }, `${x.refCode}: ${feedbackGist(x)}`),
        h('span', { class: 'mini-meta' }, h('span', { class: 'kind' }, label('feedbackKinds', x.kind)), ' · ', formatDateTime(x.created))))),
      h('p', { class: 'card-more' }, h('a', { href: `${FB()}?trang-thai=moi` }, 'Xem các ý kiến mới')));
  } catch (e) { failed(sec, e); }
}

