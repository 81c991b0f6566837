// @ts-check
// A record's history: every earlier version (kept by the server at each
// save), compared field by field with the current one, and restored by
// saving its fields again (the API rules apply as to any save).

/**
 * @import { PublicRecord, Revision, Step } from '../types.js'
 * @import { RouteCtx } from '../ui-types.js'
 * @import { ApiError } from '../api.js'
 */

import { view, list, update, asApiError } from '../api.js';
import { h, fill, $, formatDateTime, q } from '../util.js';
import { collections, titleOf, label, fieldLabel } from '../schema.js';
import { canEdit } from '../roles.js';
import { BASE, navigate, setTitle, setFlash } from '../nav.js';
import { confirmDialog } from '../dialog.js';
import { shortActor } from '../components/actor.js';

/**
 * renderHistory shows a record's earlier versions.
 * @param {HTMLElement} el
 * @param {RouteCtx & { collection: string, id: string }} ctx
 */
export async function renderHistory(el, { collection, id }) {
  const c = collections[collection];
  /** @type {PublicRecord} */
  let record;
  try {
    record = await view(collection, id);
  } catch (ex) {
    const e = asApiError(ex);
    if (e.status !== 404 && e.status !== 403) throw ex;
    setTitle('Không tìm thấy');
    fill(el, h('h1', {}, 'Không tìm thấy bản ghi'), h('p', {}, h('a', { href: BASE + c.path + '/' }, `Về danh sách ${c.title.toLowerCase()}`)));
    return;
  }
  const name = titleOf(collection, record);
  setTitle(`Lịch sử thay đổi: ${name}`);
  /** @type {Revision[]} */
  let revs = [];
  /** @type {ApiError | null} */
  let error = null;
  try {
    const res = await list('revisions', {
      filter: `collectionRef = ${q(collection)} && recordRef = ${q(id)}`, sort: '-created', perPage: 100,
    });
    revs = res.items;
  } catch (e) {
    error = asApiError(e);
  }
  const fields = diffFields(collection);
  const diffBox = h('div', { class: 'diff-slot' });
  const msg = h('div', { class: 'summary-slot' });

  const rows = revs.map((rev) => {
    const d = rev.data || {};
    const changed = fields.filter((f) => !same(d[f], record[f]));
    return h('tr', {},
      h('td', { 'data-label': 'Phiên bản' }, formatDateTime(d.updated) || '—'),
      h('td', { 'data-label': 'Người lưu phiên bản' }, d.updatedBy ? shortActor(String(d.updatedBy)) : '—'),
      h('td', { 'data-label': 'Thay thế lúc' }, formatDateTime(rev.created), rev.actor ? h('span', { class: 'by' }, `bởi ${shortActor(rev.actor)}`) : null),
      h('td', { 'data-label': 'Khác hiện tại' }, changed.length ? changed.map((f) => fieldLabel(collection, f)).join(', ') : 'Giống hiện tại'),
      h('td', {}, h('button', {
        type: 'button', class: 'btn btn-small btn-secondary',
        'aria-label': `So sánh phiên bản ${formatDateTime(d.updated)} với hiện tại`,
        onclick: () => showDiff(rev),
      }, 'So sánh')));
  });

  fill(el,
    h('nav', { class: 'crumbs', 'aria-label': 'Vị trí' }, h('ol', {},
      h('li', {}, h('a', { href: BASE }, 'Tổng quan')),
      h('li', {}, h('a', { href: BASE + c.path + '/' }, c.title)),
      h('li', {}, h('a', { href: `${BASE}${c.path}/${id}` }, name)),
      h('li', { 'aria-current': 'page' }, 'Lịch sử thay đổi'))),
    h('h1', {}, 'Lịch sử thay đổi', h('span', { class: 'h1-sub' }, name)),
    h('p', {}, `Mỗi lần lưu, phiên bản trước được giữ lại. Phiên bản hiện tại lưu lúc ${formatDateTime(record.updated)}${record.updatedBy ? ' bởi ' + shortActor(record.updatedBy) : ''}.`),
    msg,
    error ? h('div', { class: 'notice notice-error', role: 'alert' }, error.message)
      : revs.length === 0 ? h('p', { class: 'empty' }, 'Chưa có phiên bản cũ: bản ghi chưa được sửa lần nào.')
        : h('table', { class: 'records' },
          h('caption', { class: 'visually-hidden' }, 'Các phiên bản trước'),
          h('thead', {}, h('tr', {},
            h('th', { scope: 'col' }, 'Phiên bản'),
            h('th', { scope: 'col' }, 'Người lưu phiên bản'),
            h('th', { scope: 'col' }, 'Thay thế lúc'),
            h('th', { scope: 'col' }, 'Khác hiện tại'),
            h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Thao tác')))),
          h('tbody', {}, rows)),
    diffBox);

  /** @param {Revision} rev */
  function showDiff(rev) {
    const d = rev.data || {};
    const showAll = h('input', { type: 'checkbox', id: 'hien-tat-ca' });
    const tableSlot = h('div');
    const draw = () => {
      const rowsDiff = fields
        .filter((f) => showAll.checked || !same(d[f], record[f]))
        .map((f) => {
          const diff = !same(d[f], record[f]);
          return h('tr', { class: diff ? 'changed' : '' },
            h('th', { scope: 'row' }, fieldLabel(collection, f), diff ? h('span', { class: 'visually-hidden' }, ' (khác)') : null),
            h('td', { 'data-label': 'Phiên bản cũ' }, diff && isLong(d[f], record[f]) ? lineDiff(text(f, d[f]), text(f, record[f]), 'old') : show(collection, f, d[f])),
            h('td', { 'data-label': 'Hiện tại' }, diff && isLong(d[f], record[f]) ? lineDiff(text(f, d[f]), text(f, record[f]), 'new') : show(collection, f, record[f])));
        });
      fill(tableSlot, rowsDiff.length ? h('table', { class: 'diff' },
        h('caption', { class: 'visually-hidden' }, 'So sánh từng trường'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Trường'), h('th', { scope: 'col' }, `Phiên bản ${formatDateTime(d.updated)}`), h('th', { scope: 'col' }, 'Hiện tại'))),
        h('tbody', {}, rowsDiff)) : h('p', {}, 'Phiên bản này giống phiên bản hiện tại.'));
    };
    showAll.addEventListener('change', draw);
    draw();
    const restorable = restoreFields(collection).filter((f) => !same(d[f], record[f]));
    const canRestore = canEdit(collection, record) && restorable.length > 0;
    fill(diffBox, h('section', { class: 'diff-section', 'aria-labelledby': 'so-sanh' },
      h('h2', { id: 'so-sanh', tabindex: '-1' }, `So sánh phiên bản ${formatDateTime(d.updated)} với hiện tại`),
      h('div', { class: 'field field-check' }, showAll, h('label', { for: 'hien-tat-ca' }, 'Hiện cả các trường không đổi')),
      tableSlot,
      canRestore ? h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'btn', onclick: () => restore(d, restorable) }, 'Khôi phục phiên bản này'),
        h('p', { class: 'hint' }, 'Nội dung các trường được lấy lại như phiên bản này; trạng thái, thời điểm xuất bản và ảnh giữ như hiện tại.')) : null));
    $(diffBox, 'h2').focus();
  }

  /**
   * restore saves the fields restorable as the version d had them.
   * @param {Record<string, unknown>} d
   * @param {string[]} restorable
   */
  async function restore(d, restorable) {
    const ok = await confirmDialog({
      title: 'Khôi phục phiên bản này?',
      text: `Các trường sau sẽ được lấy lại như phiên bản ${formatDateTime(d.updated)}: ${restorable.map((f) => fieldLabel(collection, f)).join(', ')}. Phiên bản hiện tại vẫn được giữ trong lịch sử.`,
      confirm: 'Khôi phục', cancel: 'Không khôi phục',
    });
    if (!ok) return;
    /** @type {Record<string, unknown>} */
    const body = {};
    for (const f of restorable) body[f] = d[f] === undefined ? null : d[f];
    try {
      await update(collection, record.id, body);
    } catch (ex) {
      const e = asApiError(ex);
      const items = Object.entries(e.data || {}).map(([f, info]) => `${fieldLabel(collection, f)}: ${info.message || info}`);
      const box = h('div', { class: 'error-summary', role: 'alert', tabindex: '-1' },
        h('h2', { class: 'error-summary-title' }, e.status === 403 ? 'Không được phép khôi phục' : 'Chưa khôi phục được'),
        h('ul', { class: 'error-summary-list' }, (items.length ? items : [e.message]).map((t) => h('li', {}, t))));
      fill(msg, box);
      box.focus();
      return;
    }
    setFlash(`Đã khôi phục phiên bản ${formatDateTime(d.updated)}. Hãy xem lại rồi xuất bản nếu cần.`);
    navigate(`${BASE}${c.path}/${record.id}`, { force: true });
  }
}

/**
 * Fields compared: the form's, then state and publication.
 * @param {string} collection
 */
function diffFields(collection) {
  return [...collections[collection].fields.map((f) => f.name), 'status', 'publishAt'];
}

/**
 * Fields restored: the form's, but not images (a deleted file is gone) and
 * not the state (restoring content does not publish it).
 * @param {string} collection
 */
function restoreFields(collection) {
  return collections[collection].fields.filter((f) => f.widget !== 'image').map((f) => f.name);
}

/** @param {unknown} v */
function norm(v) {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return '';
  return JSON.stringify(v);
}

/**
 * @param {unknown} a
 * @param {unknown} b
 */
function same(a, b) {
  return norm(a) === norm(b);
}

/**
 * isLong tells whether two values are compared line by line (texts of
 * several lines, lists of steps).
 * @param {unknown} a
 * @param {unknown} b
 */
function isLong(a, b) {
  return (typeof a === 'string' && a.includes('\n')) || (typeof b === 'string' && b.includes('\n')) || Array.isArray(a) && typeof a[0] === 'object';
}

/**
 * text writes a value as lines to compare.
 * @param {string} f
 * @param {unknown} v
 */
function text(f, v) {
  if (f === 'steps' && Array.isArray(v)) {
    return /** @type {Step[]} */ (v).map((s, i) => [`Bước ${i + 1}: ${s.title}`, s.text, s.link, s.linkText, s.cost, s.logic ? `(${label('stepLogic', s.logic)})` : ''].filter(Boolean).join('\n')).join('\n\n');
  }
  return v === null || v === undefined ? '' : String(v);
}

/**
 * show shows a value of a field in the comparison.
 * @param {string} collection
 * @param {string} f
 * @param {unknown} v
 */
function show(collection, f, v) {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return h('span', { class: 'muted' }, '(trống)');
  const def = collections[collection].fields.find((x) => x.name === f);
  if (f === 'status') return label('status', v);
  if (f === 'publishAt' || (def && def.widget === 'date')) return formatDateTime(v);
  if (def && def.widget === 'select') return label(def.vocab || '', v);
  if (def && def.widget === 'bool') return v ? 'Có' : 'Không';
  if (def && def.widget === 'steps') return h('div', { class: 'pre' }, text(f, v));
  if (Array.isArray(v)) return v.join(', ');
  return h('div', { class: 'pre' }, String(v));
}

/**
 * lineDiff shows one side of a line-by-line comparison: lines only in the
 * old version are marked removed, lines only in the new one added.
 * @param {string} oldText
 * @param {string} newText
 * @param {'old' | 'new'} side
 */
function lineDiff(oldText, newText, side) {
  const a = oldText.split('\n');
  const b = newText.split('\n');
  if (a.length * b.length > 400000) return h('div', { class: 'pre' }, side === 'old' ? oldText : newText);
  const n = a.length, m = b.length;
  const dp = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) dp[i][j] = a[i] === b[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  /** @type {['same' | 'add' | 'del', string][]} */
  const out = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) { out.push(['same', a[i]]); i++; j++; }
    else if (j < m && (i >= n || dp[i][j + 1] >= dp[i + 1][j])) { out.push(['add', b[j]]); j++; }
    else { out.push(['del', a[i]]); i++; }
  }
  return h('div', { class: 'pre diff-lines' }, out
    .filter(([k]) => k === 'same' || (side === 'old' ? k === 'del' : k === 'add'))
    .map(([k, line]) => k === 'same' ? h('span', { class: 'line' }, line || ' ')
      : h(k === 'del' ? 'del' : 'ins', { class: 'line' }, h('span', { class: 'visually-hidden' }, k === 'del' ? 'Bỏ: ' : 'Thêm: '), line || ' ')));
}

