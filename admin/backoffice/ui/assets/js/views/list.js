// @ts-check
// A collection's list: search by title or name, filters (state, category,
// kind…), pages of 20. The filters live in the address, so Back and a
// shared link show the same list.

/**
 * @import { ListResult, PublicRecord } from '../types.js'
 * @import { ListColumn, RouteCtx } from '../ui-types.js'
 * @import { ApiError } from '../api.js'
 */

import { list, find, asApiError } from '../api.js';
import { h, fill, formatDateTime, formatNumber, q } from '../util.js';
import { collections, titleOf, label, vocab, statusText, statusClass } from '../schema.js';
import { canCreate } from '../roles.js';
import { BASE, setTitle, takeFlash } from '../nav.js';
import { shortActor } from '../components/actor.js';
import { filterTo, listParts, recordsTable } from '../components/list.js';
import { watchLive } from '../components/live.js';

const PER_PAGE = 20;

/**
 * renderList shows a page of a public collection's list.
 * @param {HTMLElement} el
 * @param {RouteCtx & { collection: string }} ctx
 */
export async function renderList(el, { collection, query }) {
  const c = collections[collection];
  const flash = takeFlash();
  const page = Math.max(1, parseInt(query.get('trang') || '1', 10) || 1);
  const text = (query.get('q') || '').trim();
  const status = query.get('trang-thai') || '';
  // Words typed are found by the server without diacritics ("hoang thi"
  // finds "Hoàng Thị"); PocketBase's filter compares bytes. A search
  // through a linked record (awards by their honouree) stays a filter.
  const folded = !!text && c.search.length > 0 && !c.search.some((f) => f.includes('.'));
  /** @type {string[]} */
  const filters = [];
  /** @type {Record<string, string>} */
  const eq = {};
  if (text && c.search.length && !folded) filters.push('(' + c.search.map((f) => `${f} ~ ${q(text)}`).join(' || ') + ')');
  if (status === 'scheduled') filters.push(`status = 'published' && publishAt > @now`);
  else if (status) { filters.push(`status = ${q(status)}`); eq['eq.status'] = status; }
  for (const f of c.filters) {
    const v = query.get(f.field);
    if (!v) continue;
    filters.push(f.number ? `${f.field} = ${Number(v) || 0}` : `${f.field} = ${q(v)}`);
    eq[`eq.${f.field}`] = f.number ? String(Number(v) || 0) : v;
  }

  setTitle(c.title + (page > 1 ? ` – trang ${page}` : ''));
  /** @type {ListResult<PublicRecord> | null} */
  let res = null;
  /** @type {ApiError | null} */
  let error = null;
  try {
    res = folded
      ? await foundPage(collection, text, { ...eq, scheduled: status === 'scheduled' ? '1' : '' }, page)
      : await list(collection, {
        page, perPage: PER_PAGE, sort: c.sort || '-updated', filter: filters.join(' && '),
        expand: c.expand || '', skipTotal: '',
      });
  } catch (e) {
    error = asApiError(e);
  }


  const searchId = 'tim';
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': `Tìm ${c.title.toLowerCase()}`, onsubmit: filterTo(BASE + c.path + '/') },
    c.search.length ? h('div', { class: 'field field-compact' },
      h('label', { for: searchId }, c.titleField === 'name' || collection === 'awards' ? 'Tìm theo tên' : 'Tìm theo tiêu đề'),
      h('input', { id: searchId, name: 'q', type: 'search', value: text, autocomplete: 'off' })) : null,
    h('div', { class: 'field field-compact' },
      h('label', { for: 'loc-trang-thai' }, 'Trạng thái'),
      h('select', { id: 'loc-trang-thai', name: 'trang-thai', value: status },
        h('option', { value: '' }, 'Tất cả'),
        vocab('status').map((o) => h('option', { value: o.key }, o.label)),
        h('option', { value: 'scheduled' }, 'Hẹn giờ xuất bản'))),
    c.filters.map((f) => h('div', { class: 'field field-compact' },
      h('label', { for: `loc-${f.field}` }, f.label),
      f.vocab
        ? h('select', { id: `loc-${f.field}`, name: f.field, value: query.get(f.field) || '' },
          h('option', { value: '' }, 'Tất cả'),
          vocab(f.vocab).map((o) => h('option', { value: o.key }, o.label)))
        : h('input', { id: `loc-${f.field}`, name: f.field, type: 'text', inputmode: 'numeric', class: 'input-short', value: query.get(f.field) || '' }))),
    h('div', { class: 'filter-actions' },
      h('button', { type: 'submit', class: 'btn btn-secondary' }, 'Lọc'),
      (text || status || c.filters.some((f) => query.get(f.field))) ? h('a', { href: BASE + c.path + '/', class: 'link-button' }, 'Xóa bộ lọc') : null));
  // Select values are set once the options exist.
  form.querySelectorAll('select').forEach((s) => {
    const v = s.name === 'trang-thai' ? status : (query.get(s.name) || '');
    s.value = v;
  });

  fill(el,
    h('div', { class: 'page-head' },
      h('h1', {}, c.title),
      canCreate(collection) ? h('a', { class: 'btn', href: BASE + c.path + '/moi' }, c.newLabel) : null),
    flash ? h('div', { class: `notice notice-${flash.kind}`, role: 'status' }, flash.text) : null,
    form,
    listParts({
      res, error, page, query,
      empty: filters.length || folded ? 'Không có mục nào khớp với bộ lọc.' : `Chưa có ${c.one} nào.`,
      table: (result) => table(collection, result),
    }));
}

/**
 * foundPage is a page of the records whose words match text (the server
 * finds them, ordered as the list is), read whole.
 * @param {string} collection
 * @param {string} text
 * @param {Record<string, string>} params  the list's other filters
 * @param {number} page
 * @returns {Promise<ListResult<PublicRecord>>}
 */
async function foundPage(collection, text, params, page) {
  const c = collections[collection];
  const found = await find(collection, text, { ...params, in: c.search.join(','), sort: c.sort || '-updated', limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
  const ids = found.items.map((x) => x.id);
  /** @type {PublicRecord[]} */
  let items = [];
  if (ids.length) {
    const got = await list(collection, { filter: ids.map((id) => `id = ${q(id)}`).join(' || '), perPage: PER_PAGE, expand: c.expand || '' });
    items = ids.map((id) => got.items.find((r) => r.id === id)).filter((r) => !!r);
  }
  return { page, perPage: PER_PAGE, totalItems: found.totalItems, totalPages: Math.max(1, Math.ceil(found.totalItems / PER_PAGE)), items };
}

/**
 * @param {string} collection
 * @param {ListResult<PublicRecord>} res
 */
function table(collection, res) {
  const c = collections[collection];
  const col = c.column;
  // Whether each record's saved version is on the public site.
  /** @type {Map<string, HTMLElement>} */
  const live = new Map(res.items.map((r) => [r.id, h('span', { class: 'live-slot' })]));
  watchLive(collection, res.items, live, false);
  return recordsTable({
    caption: `${c.title}: ${formatNumber(res.totalItems)} mục`,
    heads: [c.titleField === 'name' ? 'Tên' : collection === 'awards' ? 'Khen thưởng' : collection === 'indicators' ? 'Chỉ số' : 'Tiêu đề',
      'Trạng thái', col.label, 'Sửa lần cuối'],
    rows: res.items.map((r) => h('tr', {},
      h('td', { 'data-label': 'Tiêu đề' }, h('a', { href: `${BASE}${c.path}/${r.id}` }, titleOf(collection, r))),
      h('td', { 'data-label': 'Trạng thái' }, h('span', { class: `badge badge-${statusClass(r)}` }, statusText(r)), live.get(r.id)),
      h('td', { 'data-label': col.label }, cell(col, r)),
      h('td', { 'data-label': 'Sửa lần cuối' }, formatDateTime(r.updated), r.updatedBy ? h('span', { class: 'by' }, shortActor(r.updatedBy)) : null))),
  });
}

/**
 * cell shows the list's own column of a record.
 * @param {ListColumn} col
 * @param {PublicRecord} r
 */
function cell(col, r) {
  const v = r[col.field];
  if (v === null || v === undefined || v === '') return '—';
  if (col.vocab) return label(col.vocab, v);
  if (col.percent) return `${formatNumber(Number(v))}%`;
  return String(v);
}
