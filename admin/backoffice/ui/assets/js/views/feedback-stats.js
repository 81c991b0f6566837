// @ts-check
// The counts of citizens' feedback: by month and kind, satisfaction, and
// which pages helped.

/**
 * @import { FeedbackStats } from '../answers.js'
 * @import { ApiError } from '../api.js'
 */

import { request, asApiError } from '../api.js';
import { h, fill, formatNumber, pageLink } from '../util.js';
import { vocab } from '../schema.js';
import { can } from '../roles.js';
import { BASE, setTitle } from '../nav.js';
import { crumbs } from '../process.js';
import { TITLE, listURL, noAccess } from './feedback.js';

// ---------------------------------------------------------------- counts

/**
 * renderFeedbackStats shows the counts of citizens' feedback.
 * @param {HTMLElement} el
 */
export async function renderFeedbackStats(el) {
  if (!can.feedback()) return noAccess(el);
  const title = 'Thống kê ý kiến người dân';
  setTitle(title);
  /** @type {FeedbackStats | null} */
  let st = null;
  /** @type {ApiError | null} */
  let error = null;
  try {
    st = /** @type {FeedbackStats} */ (await request('GET', '/api/portal/feedback/stats'));
  } catch (e) {
    error = asApiError(e);
  }
  if (error || !st) {
    fill(el, crumbs(BASE, { href: listURL(), text: TITLE }, { text: 'Thống kê' }), h('h1', {}, title),
      h('div', { class: 'notice notice-error', role: 'alert' }, error ? error.message : ''));
    return;
  }
  const kinds = vocab('feedbackKinds');
  const months = st.months;
  const pages = st.pages || [];
  const total = (/** @type {string} */ k) => months.reduce((s, m) => s + (m.byKind[k] || 0), 0);
  const sat = st.satisfaction || { average: 0, count: 0 };
  fill(el,
    crumbs(BASE, { href: listURL(), text: TITLE }, { text: 'Thống kê' }),
    h('h1', {}, title),
    h('dl', { class: 'stat-grid' },
      h('div', { class: 'stat' }, h('dt', {}, 'Tổng số ý kiến'), h('dd', {}, formatNumber(months.reduce((s, m) => s + m.total, 0)))),
      h('div', { class: 'stat' }, h('dt', {}, 'Mức hài lòng bình quân'),
        h('dd', {}, sat.count ? `${formatNumber(sat.average)}/5` : '—', h('span', { class: 'stat-note' }, ` (${formatNumber(sat.count)} lượt đánh giá)`)))),
    h('section', { 'aria-labelledby': 'tk-thang' },
      h('h2', { id: 'tk-thang' }, 'Số ý kiến theo tháng'),
      months.length === 0 ? h('p', { class: 'empty' }, 'Chưa có ý kiến nào.')
        : h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'tk-thang' }, h('table', { class: 'data-table' },
          h('caption', { class: 'visually-hidden' }, 'Số ý kiến theo tháng và loại, tháng gần nhất trước'),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Tháng'), kinds.map((k) => h('th', { scope: 'col', class: 'num' }, k.label)), h('th', { scope: 'col', class: 'num' }, 'Tổng'))),
          h('tbody', {}, months.map((m) => h('tr', {},
            h('th', { scope: 'row' }, h('a', { href: `${listURL()}?thang=${encodeURIComponent(m.month)}` }, m.month)),
            kinds.map((k) => h('td', { class: 'num' }, formatNumber(m.byKind[k.key] || 0))),
            h('td', { class: 'num' }, h('strong', {}, formatNumber(m.total)))))),
          h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, 'Cộng'), kinds.map((k) => h('td', { class: 'num' }, formatNumber(total(k.key)))),
            h('td', { class: 'num' }, h('strong', {}, formatNumber(months.reduce((s, m) => s + m.total, 0))))))))),
    h('section', { 'aria-labelledby': 'tk-trang' },
      h('h2', { id: 'tk-trang' }, 'Trang có hữu ích không'),
      pages.length === 0 ? h('p', { class: 'empty' }, 'Chưa có đánh giá trang nào.')
        : h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'tk-trang' }, h('table', { class: 'data-table' },
          h('caption', { class: 'visually-hidden' }, 'Số người thấy trang hữu ích và chưa hữu ích, theo trang'),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Trang'), h('th', { scope: 'col', class: 'num' }, 'Hữu ích'),
            h('th', { scope: 'col', class: 'num' }, 'Chưa hữu ích'), h('th', { scope: 'col', class: 'num' }, 'Tỷ lệ hữu ích'), h('th', { scope: 'col', class: 'num' }, 'Có góp ý'))),
          h('tbody', {}, pages.map((p) => h('tr', {},
            h('th', { scope: 'row' }, pageLink(p.page)),
            h('td', { class: 'num' }, formatNumber(p.yes)),
            h('td', { class: 'num' }, formatNumber(p.no)),
            h('td', { class: 'num' }, p.yes + p.no ? `${formatNumber(Math.round((p.yes * 1000) / (p.yes + p.no)) / 10)}%` : '—'),
            h('td', { class: 'num' }, formatNumber(p.comments)))))))));
}
