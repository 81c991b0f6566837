// @ts-check
// The list of nominations: filters, the yearly deadline, and the export
// of a year's dossiers.

/**
 * @import { ListResult, Nomination, PortalConfig } from '../../types.js'
 * @import { RouteCtx } from '../../ui-types.js'
 * @import { ApiError } from '../../api.js'
 */

import { list, asApiError } from '../../api.js';
import { h, fill, $, formatDateTime, formatNumber, q, vnYear } from '../../util.js';
import { label, vocab } from '../../schema.js';
import { can, isReviewer } from '../../roles.js';
import { loadUnits } from '../../forms/units.js';
import { setTitle, takeFlash, flashNotice } from '../../nav.js';
import { filterTo, listParts, recordsTable } from '../../components/list.js';
import { exportButton } from '../../components/download.js';
import { loadConfig, deadline, nomineeName, nomineeKind, nominationBadge } from '../../process.js';
import { TITLE, listURL, noAccess } from './common.js';

const PER_PAGE = 20;

/**
 * renderNominationList shows a page of the nominations, filtered.
 * @param {HTMLElement} el
 * @param {RouteCtx} ctx
 */
export async function renderNominationList(el, { query }) {
  if (!can.nominations()) return noAccess(el);
  const flash = takeFlash();
  const page = Math.max(1, parseInt(query.get('trang') || '1', 10) || 1);
  const year = (query.get('nam') || '').trim();
  const unit = query.get('don-vi') || '';
  const state = query.get('trang-thai') || '';
  const kind = query.get('loai') || '';
  /** @type {string[]} */
  const filters = [];
  /** @type {string[]} */
  const problems = [];
  if (year) {
    if (/^\d{4}$/.test(year)) filters.push(`year = ${Number(year)}`);
    else problems.push(`Năm “${year}” không hợp lệ: hãy nhập bốn chữ số, ví dụ ${vnYear()}.`);
  }
  if (unit && isReviewer()) filters.push(`unit = ${q(unit)}`);
  if (state) filters.push(`state = ${q(state)}`);
  if (kind) filters.push(`kind = ${q(kind)}`);
  setTitle(TITLE + (page > 1 ? ` – trang ${page}` : ''));

  const [config, units, result] = await Promise.all([
    loadConfig(),
    isReviewer() ? loadUnits().catch(() => []) : Promise.resolve([]),
    list('nominations', { page, perPage: PER_PAGE, sort: '-updated', filter: filters.join(' && '), expand: 'nominee,unit' })
      .then((res) => ({ res, error: null }), (error) => ({ res: null, error: asApiError(error) })),
  ]);
  /** @type {{ res: ListResult<Nomination> | null, error: ApiError | null }} */
  const { res, error } = result;

  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Lọc hồ sơ đề nghị', onsubmit: filterTo(listURL()) },
    h('div', { class: 'field field-compact' }, h('label', { for: 'loc-nam' }, 'Năm'),
      h('input', { id: 'loc-nam', name: 'nam', type: 'text', inputmode: 'numeric', class: 'input-short', value: year, autocomplete: 'off' })),
    isReviewer() ? h('div', { class: 'field field-compact' }, h('label', { for: 'loc-don-vi' }, 'Đơn vị'),
      h('select', { id: 'loc-don-vi', name: 'don-vi' }, h('option', { value: '' }, 'Tất cả'),
        units.map((u) => h('option', { value: u.id }, u.name)))) : null,
    h('div', { class: 'field field-compact' }, h('label', { for: 'loc-trang-thai' }, 'Trạng thái'),
      h('select', { id: 'loc-trang-thai', name: 'trang-thai' }, h('option', { value: '' }, 'Tất cả'),
        vocab('nominationStates').map((o) => h('option', { value: o.key }, o.label)))),
    h('div', { class: 'field field-compact' }, h('label', { for: 'loc-loai' }, 'Loại khen thưởng'),
      h('select', { id: 'loc-loai', name: 'loai' }, h('option', { value: '' }, 'Tất cả'),
        vocab('awardKinds').map((o) => h('option', { value: o.key }, o.label)))),
    h('div', { class: 'filter-actions' },
      h('button', { type: 'submit', class: 'btn btn-secondary' }, 'Lọc'),
      (year || unit || state || kind) ? h('a', { href: listURL(), class: 'link-button' }, 'Xóa bộ lọc') : null));
  $(form, '#loc-trang-thai', HTMLSelectElement).value = state;
  $(form, '#loc-loai', HTMLSelectElement).value = kind;
  if (isReviewer()) $(form, '#loc-don-vi', HTMLSelectElement).value = unit;

  const table = (/** @type {ListResult<Nomination>} */ res) => recordsTable({
    caption: `${TITLE}: ${formatNumber(res.totalItems)} hồ sơ`,
    heads: ['Tập thể, cá nhân được đề nghị', isReviewer() ? 'Đơn vị' : null, 'Năm', 'Hình thức đề nghị', 'Trạng thái', 'Cập nhật'],
    rows: res.items.map((r) => h('tr', {},
      h('td', { 'data-label': 'Được đề nghị' }, h('a', { href: `${listURL()}${r.id}` }, nomineeName(r)), h('span', { class: 'by' }, nomineeKind(r))),
      isReviewer() ? h('td', { 'data-label': 'Đơn vị' }, r.expand && r.expand.unit ? r.expand.unit.name : '—') : null,
      h('td', { 'data-label': 'Năm' }, String(r.year)),
      h('td', { 'data-label': 'Hình thức' }, label('awardForms', r.requestedForm), h('span', { class: 'by' }, label('awardKinds', r.kind))),
      h('td', { 'data-label': 'Trạng thái' }, nominationBadge(r.state)),
      h('td', { 'data-label': 'Cập nhật' }, formatDateTime(r.updated)))),
  });

  fill(el,
    h('div', { class: 'page-head' },
      h('h1', {}, TITLE),
      can.file() ? h('a', { class: 'btn', href: listURL() + 'moi' }, 'Lập hồ sơ đề nghị') : null),
    flashNotice(flash),
    deadlineSummary(config),
    problems.length ? h('div', { class: 'notice notice-error', role: 'alert' }, problems.join(' ')) : null,
    form,
    listParts({
      res, error, page, query, noun: 'hồ sơ', table,
      empty: filters.length ? 'Không có hồ sơ nào khớp với bộ lọc.' : 'Chưa có hồ sơ đề nghị nào.',
    }),
    exportPanel(year, isReviewer() ? unit : ''));
}

/**
 * exportPanel downloads the dossiers of a year (the one filtered, or this
 * year) as Excel or CSV: reviewers for all units or the one filtered, a
 * unit's reporter for their own (the server decides).
 * @param {string} year
 * @param {string} unit
 */
function exportPanel(year, unit) {
  const y = /^\d{4}$/.test(year) ? year : String(vnYear());
  const status = h('p', { class: 'hint download-status', role: 'status' });
  const btn = (/** @type {string} */ format, /** @type {string} */ text) => exportButton(text, status, () => {
    const qs = new URLSearchParams({ year: y, format });
    if (unit) qs.set('unit', unit);
    return { path: `/api/portal/exports/nominations?${qs}`, name: `ho-so-de-nghi-${y}.${format}` };
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'xuat-ho-so' },
    h('h2', { id: 'xuat-ho-so' }, `Tải danh sách hồ sơ năm ${y}`),
    h('p', { class: 'hint' }, isReviewer()
      ? (unit ? 'Hồ sơ của đơn vị đang lọc.' : 'Hồ sơ của mọi đơn vị. Lọc theo năm và đơn vị ở trên để tải danh sách khác.')
      : 'Hồ sơ của đơn vị bạn. Lọc theo năm ở trên để tải năm khác.'),
    h('div', { class: 'actions' }, btn('xlsx', 'Tải tệp Excel'), btn('csv', 'Tải tệp CSV')),
    status);
}

/**
 * deadlineSummary says where the yearly deadline stands: this year's, and
 * the next one when this year's has passed.
 * @param {PortalConfig} config
 */
function deadlineSummary(config) {
  const y = vnYear();
  const d = deadline(config, y);
  if (!d.closed) {
    return h('p', { class: 'notice notice-info deadline' },
      `Hạn nộp hồ sơ khen thưởng hằng năm năm ${y}: hết ngày ${d.text}`,
      d.days <= 30 ? ` (còn ${formatNumber(d.days)} ngày)` : '',
      '. Hồ sơ khen thưởng đột xuất nộp được bất cứ lúc nào.');
  }
  const next = deadline(config, y + 1);
  return h('p', { class: 'notice notice-info deadline' },
    `Đã hết hạn nộp hồ sơ khen thưởng hằng năm năm ${y} (hạn cuối ${d.text}). Hồ sơ năm ${y + 1} nộp đến hết ngày ${next.text}. Hồ sơ khen thưởng đột xuất nộp được bất cứ lúc nào.`);
}
