// @ts-check
// Shared pieces of the award process: the yearly deadline from
// the portal's settings, the nominee's name, state badges, the addresses
// of the process's pages.

/**
 * @import { PortalConfig, Nomination } from './types.js'
 */

import { list } from './api.js';
import { h, formatDate, deadlineOf, daysUntil, vnYear } from './util.js';
import { label } from './schema.js';

// The process's pages in the back office.
export const PATHS = {
  nominations: 'ho-so-khen-thuong',
  reports: 'bao-cao-nam',
  eligibility: 'tieu-chuan-tong-ket',
  exports: 'xuat-du-lieu',
  settings: 'cai-dat',
  setup: 'thong-tin-xa',
  feedback: 'y-kien',
  synonyms: 'tu-dong-nghia',
};

/**
 * loadConfig reads the portal's settings (one record; staff may read it).
 * When it cannot be read, the plan's 20/11 is assumed.
 * @returns {Promise<PortalConfig>}
 */
export async function loadConfig() {
  try {
    const res = await list('portalConfig', { perPage: 1 });
    return res.items[0] || { reportDeadline: '20/11' };
  } catch {
    return { reportDeadline: '20/11', unreadable: true };
  }
}

/**
 * deadline describes the yearly deadline of year: its moment, whether it
 * has passed and how many days are left.
 * @param {{ reportDeadline?: string }} config
 * @param {number} year
 */
export function deadline(config, year, now = new Date()) {
  const when = deadlineOf(config.reportDeadline, year);
  return { when, text: formatDate(when), closed: now > when, days: daysUntil(when, now) };
}

/**
 * openYear is the year a unit reports on now: this year, until its end
 * (after its deadline the report is filed late). A year that has not
 * begun has nothing to report yet, and the server refuses it.
 * @param {{ reportDeadline?: string }} _config
 */
export function openYear(_config, now = new Date()) {
  return vnYear(now);
}

/**
 * futureYear says why year cannot be reported on yet, or '' when it can.
 * @param {number} year
 */
export function futureYear(year, now = new Date()) {
  const y = vnYear(now);
  return year > y ? `Năm ${year} chưa bắt đầu: chỉ lập báo cáo cho năm đã bắt đầu (đến năm ${y}).` : '';
}

/**
 * The nominee of a nomination, as saved or as the list expands it.
 * @typedef {Pick<Nomination, 'nomineeName' | 'nomineeKind'> & { expand?: { nominee?: { name: string, kind: string } } }} Nominated
 */

/**
 * nomineeName is the name of the person or collective nominated.
 * @param {Nominated} r
 */
export function nomineeName(r) {
  const n = r.expand && r.expand.nominee;
  return (n && n.name) || r.nomineeName || 'Chưa ghi tên';
}

/** @param {Nominated} r */
export function nomineeKind(r) {
  const n = r.expand && r.expand.nominee;
  return label('honoreeKinds', (n && n.kind) || r.nomineeKind);
}

/**
 * nominationBadge, reportBadge and feedbackBadge show a state as a badge.
 * @param {string} state
 */
export function nominationBadge(state) {
  return h('span', { class: `badge badge-nom-${state || 'draft'}` }, label('nominationStates', state || 'draft'));
}

/** @param {string} state */
export function reportBadge(state) {
  return h('span', { class: `badge badge-report-${state || 'missing'}` }, state ? label('reportStates', state) : 'Chưa lập');
}

/** @param {string} state */
export function feedbackBadge(state) {
  return h('span', { class: `badge badge-fb-${state || 'moi'}` }, label('feedbackStates', state || 'moi'));
}

/**
 * crumbs is the breadcrumb of a page of the process: the dashboard, the
 * items linked, the last one the page itself.
 * @param {string} BASE
 * @param {...{ href?: string, text: string }} items
 */
export function crumbs(BASE, ...items) {
  return h('nav', { class: 'crumbs', 'aria-label': 'Vị trí' }, h('ol', {},
    h('li', {}, h('a', { href: BASE }, 'Tổng quan')),
    items.map((it, i) => (i === items.length - 1
      ? h('li', { 'aria-current': 'page' }, it.text)
      : h('li', {}, h('a', { href: it.href }, it.text))))));
}
