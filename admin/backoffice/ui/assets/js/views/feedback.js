// @ts-check
// The queue of what citizens send (ý kiến người dân): comments on
// public services, initiative proposals, "was this page useful?" and
// satisfaction ratings. Editors and reviewers read, tag, answer and close
// them; an initiative proposal becomes a draft initiative in one step.
// Contact details come from the API to reviewers only (admin/visibility.go);
// the page says so to others rather than hide it. One submission:
// feedback-item.js.

/**
 * @import { Feedback, ListResult } from '../types.js'
 * @import { FeedbackStats } from '../answers.js'
 * @import { RouteCtx } from '../ui-types.js'
 * @import { ApiError } from '../api.js'
 */

import { list, request, asApiError } from '../api.js';
import { h, fill, $, formatDateTime, formatNumber, monthRange, vnYear, q } from '../util.js';
import { label, vocab } from '../schema.js';
import { can } from '../roles.js';
import { BASE, setTitle, takeFlash, flashNotice } from '../nav.js';
import { filterTo, listParts, recordsTable } from '../components/list.js';
import { exportButton } from '../components/download.js';
import { PATHS, feedbackBadge } from '../process.js';

export const PATH = PATHS.feedback;
export const TITLE = 'Ý kiến người dân';
const PER_PAGE = 25;
export const listURL = () => BASE + PATH + '/';

/**
 * noAccess says who reads citizens' feedback, to one who may not.
 * @param {HTMLElement} el
 */
export function noAccess(el) {
  setTitle(TITLE);
  fill(el, h('h1', {}, TITLE), h('p', {}, 'Chỉ biên tập viên và cán bộ thẩm định xem được ý kiến của người dân.'),
    h('p', {}, h('a', { href: BASE }, 'Về trang tổng quan')));
}

/**
 * feedbackGist says what a submission is about, in a line.
 * @param {Feedback} r
 */
export function feedbackGist(r) {
  if (r.kind === 'huu-ich') return `Trang ${r.page || '?'}: ${r.helpful === 'co' ? 'hữu ích' : r.helpful === 'khong' ? 'chưa hữu ích' : '—'}${r.message ? ' – ' + cut(r.message, 80) : ''}`;
  if (r.kind === 'hai-long') return `${r.rating ? r.rating + '/5' : '—'}${r.service ? ' – ' + r.service : ''}${r.message ? ' – ' + cut(r.message, 80) : ''}`;
  return r.topic ? `${r.topic}${r.message ? ' – ' + cut(r.message, 80) : ''}` : cut(r.message || '', 120);
}

/**
 * cut shortens a text to n characters, with an ellipsis.
 * @param {string} s
 * @param {number} n
 */
function cut(s, n) {
  const a = [...String(s).replace(/\s+/g, ' ').trim()];
  return a.length > n ? a.slice(0, n - 1).join('') + '…' : a.join('');
}

/**
 * renderFeedbackList shows a page of the queue, filtered, and its export.
 * @param {HTMLElement} el
 * @param {RouteCtx} ctx
 */
export async function renderFeedbackList(el, { query }) {
  if (!can.feedback()) return noAccess(el);
  const flash = takeFlash();
  const page = Math.max(1, parseInt(query.get('trang') || '1', 10) || 1);
  const kind = query.get('loai') || '';
  const state = query.get('trang-thai') || '';
  const month = query.get('thang') || '';
  /** @type {string[]} */
  const filters = [];
  if (kind) filters.push(`kind = ${q(kind)}`);
  if (state) filters.push(`state = ${q(state)}`);
  const mm = month.match(/^(\d{1,2})\/(\d{4})$/);
  if (mm) {
    const [from, to] = monthRange(+mm[2], +mm[1]);
    filters.push(`created >= ${q(from)} && created < ${q(to)}`);
  }
  setTitle(TITLE + (page > 1 ? ` – trang ${page}` : ''));
  const [result, stats] = await Promise.all([
    list('feedback', { page, perPage: PER_PAGE, sort: '-created,-id', filter: filters.join(' && ') })
      .then((res) => ({ res, error: null }), (error) => ({ res: null, error: asApiError(error) })),
    request('GET', '/api/portal/feedback/stats').then((x) => /** @type {FeedbackStats} */ (x), () => null),
  ]);
  /** @type {{ res: ListResult<Feedback> | null, error: ApiError | null }} */
  const { res, error } = result;
  const months = stats ? stats.months.map((m) => m.month) : [];
  if (month && !months.includes(month)) months.unshift(month);

  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Lọc ý kiến', onsubmit: filterTo(listURL()) },
    h('div', { class: 'field field-compact' }, h('label', { for: 'yk-loai' }, 'Loại'),
      h('select', { id: 'yk-loai', name: 'loai' }, h('option', { value: '' }, 'Tất cả'), vocab('feedbackKinds').map((o) => h('option', { value: o.key }, o.label)))),
    h('div', { class: 'field field-compact' }, h('label', { for: 'yk-trang-thai' }, 'Trạng thái'),
      h('select', { id: 'yk-trang-thai', name: 'trang-thai' }, h('option', { value: '' }, 'Tất cả'), vocab('feedbackStates').map((o) => h('option', { value: o.key }, o.label)))),
    h('div', { class: 'field field-compact' }, h('label', { for: 'yk-thang' }, 'Tháng'),
      h('select', { id: 'yk-thang', name: 'thang' }, h('option', { value: '' }, 'Tất cả'), months.map((m) => h('option', { value: m }, `Tháng ${m}`)))),
    h('div', { class: 'filter-actions' }, h('button', { type: 'submit', class: 'btn btn-secondary' }, 'Lọc'),
      (kind || state || month) ? h('a', { href: listURL(), class: 'link-button' }, 'Xóa bộ lọc') : null));
  $(form, '#yk-loai', HTMLSelectElement).value = kind;
  $(form, '#yk-trang-thai', HTMLSelectElement).value = state;
  $(form, '#yk-thang', HTMLSelectElement).value = month;

  const table = (/** @type {ListResult<Feedback>} */ res) => recordsTable({
    class: 'records feedback-table',
    caption: `${TITLE}, mới nhất trước: ${formatNumber(res.totalItems)} ý kiến`,
    heads: ['Mã', 'Ngày gửi', 'Loại', 'Nội dung', 'Trạng thái'],
    rows: res.items.map((r) => h('tr', { class: r.state === 'moi' ? 'row-new' : '' },
      h('td', { 'data-label': 'Mã' }, h('a', { href: listURL() + r.id, 'aria-label': `Ý kiến ${r.refCode}` }, r.refCode)),
      h('td', { 'data-label': 'Ngày gửi' }, formatDateTime(r.created)),
      h('td', { 'data-label': 'Loại' }, label('feedbackKinds', r.kind)),
      h('td', { 'data-label': 'Nội dung' }, feedbackGist(r), Array.isArray(r.tags) && r.tags.length ? h('span', { class: 'by' }, 'Nhãn: ' + r.tags.join(', ')) : null),
      h('td', { 'data-label': 'Trạng thái' }, feedbackBadge(r.state)))),
  });

  const status = h('p', { class: 'hint download-status', role: 'status' });
  const exKind = h('select', { id: 'yk-xuat-loai' }, h('option', { value: '' }, 'Mọi loại'), vocab('feedbackKinds').map((o) => h('option', { value: o.key }, o.label)));
  const exYear = h('input', { id: 'yk-xuat-nam', type: 'text', inputmode: 'numeric', class: 'input-short', value: String(vnYear()), autocomplete: 'off' });
  const exportPath = (/** @type {string} */ format) => {
    const qs = new URLSearchParams({ format });
    if (exKind.value) qs.set('kind', exKind.value);
    if (/^\d{4}$/.test(exYear.value.trim())) qs.set('year', exYear.value.trim());
    return `/api/portal/exports/feedback?${qs}`;
  };

  fill(el,
    h('div', { class: 'page-head' }, h('h1', {}, TITLE), h('a', { class: 'btn btn-secondary', href: listURL() + 'thong-ke' }, 'Thống kê')),
    flashNotice(flash),
    h('p', { class: 'lead' }, 'Góp ý, đề xuất sáng kiến và đánh giá người dân gửi từ trang công khai, mới nhất trước.'),
    !can.contacts() ? h('p', { class: 'notice notice-info' }, 'Thông tin liên hệ của người dân (họ tên, điện thoại, thư điện tử) chỉ cán bộ thẩm định Phòng Văn hóa – Xã hội xem được; danh sách và tệp xuất của bạn không có các thông tin này.') : null,
    form,
    listParts({
      res, error, page, query, noun: 'ý kiến', table,
      empty: filters.length ? 'Không có ý kiến nào khớp với bộ lọc.' : 'Chưa có ý kiến nào của người dân.',
    }),
    h('section', { class: 'panel', 'aria-labelledby': 'yk-xuat' },
      h('h2', { id: 'yk-xuat' }, 'Xuất danh sách ý kiến'),
      h('div', { class: 'inline' },
        h('div', { class: 'field field-compact' }, h('label', { for: 'yk-xuat-loai' }, 'Loại'), exKind),
        h('div', { class: 'field field-compact' }, h('label', { for: 'yk-xuat-nam' }, 'Năm'), exYear)),
      h('div', { class: 'actions' },
        exportButton('Tải tệp CSV', status, () => ({ path: exportPath('csv'), name: 'y-kien-nguoi-dan.csv' })),
        exportButton('Tải tệp Excel', status, () => ({ path: exportPath('xlsx'), name: 'y-kien-nguoi-dan.xlsx' }))),
      status));
}
