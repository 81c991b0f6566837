// @ts-check
// The audit log, for reviewers: who did what to which record and when,
// newest first, with filters by action, collection, person or record and
// dates. It is append-only on the server; here it is only read.

/**
 * @import { AuditChanges, AuditEntry, ListResult } from '../types.js'
 * @import { RouteCtx } from '../ui-types.js'
 * @import { ApiError } from '../api.js'
 */

import { list, asApiError } from '../api.js';
import { h, fill, $, formatDateTime, parseVNDate, toPB, q } from '../util.js';
import { collections, collectionLabel, fieldLabel, label, vocab } from '../schema.js';
import { canSee } from '../roles.js';
import { BASE, setTitle } from '../nav.js';
import { filterTo, listParts, recordsTable } from '../components/list.js';

const PER_PAGE = 50;
const COLLS = ['articles', 'guides', 'initiatives', 'honorees', 'awards', 'units', 'indicators',
  'nominations', 'unitReports', 'feedback', 'portalConfig', 'staff', '_superusers', 'settings', '_collections', 'revisions', 'auditLog'];

/**
 * renderAudit shows a page of the audit log.
 * @param {HTMLElement} el
 * @param {RouteCtx} ctx
 */
export async function renderAudit(el, { query }) {
  setTitle('Nhật ký hoạt động');
  if (!canSee('auditLog')) {
    fill(el, h('h1', {}, 'Nhật ký hoạt động'), h('p', {}, 'Chỉ cán bộ thẩm định xem được nhật ký hoạt động.'));
    return;
  }
  const page = Math.max(1, parseInt(query.get('trang') || '1', 10) || 1);
  const text = (query.get('q') || '').trim();
  const action = query.get('hanh-dong') || '';
  const coll = query.get('muc') || '';
  const from = query.get('tu') || '';
  const to = query.get('den') || '';
  /** @type {string[]} */
  const filters = [];
  /** @type {string[]} */
  const problems = [];
  if (text) filters.push(`(actor ~ ${q(text)} || recordTitle ~ ${q(text)} || recordRef = ${q(text)})`);
  if (action) filters.push(`action = ${q(action)}`);
  if (coll) filters.push(`collectionRef = ${q(coll)}`);
  if (from) {
    const r = parseVNDate(from);
    if ('error' in r) problems.push(`Từ ngày: ${r.error}`); else filters.push(`created >= ${q(toPB(r.date))}`);
  }
  if (to) {
    const r = parseVNDate(to);
    if ('error' in r) problems.push(`Đến ngày: ${r.error}`); else filters.push(`created < ${q(toPB(new Date(r.date.getTime() + 86400000)))}`);
  }

  /** @type {ListResult<AuditEntry> | null} */
  let res = null;
  /** @type {ApiError | null} */
  let error = null;
  try {
    res = await list('auditLog', { page, perPage: PER_PAGE, sort: '-created,-id', filter: filters.join(' && ') });
  } catch (e) {
    error = asApiError(e);
  }

  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Lọc nhật ký', onsubmit: filterTo(BASE + 'nhat-ky/') },
    h('div', { class: 'field field-compact' }, h('label', { for: 'nk-q' }, 'Người thực hiện hoặc tên mục'),
      h('input', { id: 'nk-q', name: 'q', type: 'search', value: text, autocomplete: 'off' })),
    h('div', { class: 'field field-compact' }, h('label', { for: 'nk-hanh-dong' }, 'Hành động'),
      h('select', { id: 'nk-hanh-dong', name: 'hanh-dong' }, h('option', { value: '' }, 'Tất cả'), vocab('auditActions').map((o) => h('option', { value: o.key }, o.label)))),
    h('div', { class: 'field field-compact' }, h('label', { for: 'nk-muc' }, 'Danh mục'),
      h('select', { id: 'nk-muc', name: 'muc' }, h('option', { value: '' }, 'Tất cả'), COLLS.map((c) => h('option', { value: c }, collectionLabel(c))))),
    h('div', { class: 'field field-compact' }, h('label', { for: 'nk-tu' }, 'Từ ngày'),
      h('input', { id: 'nk-tu', name: 'tu', type: 'text', inputmode: 'numeric', class: 'input-date', placeholder: 'dd/mm/yyyy', value: from })),
    h('div', { class: 'field field-compact' }, h('label', { for: 'nk-den' }, 'Đến ngày'),
      h('input', { id: 'nk-den', name: 'den', type: 'text', inputmode: 'numeric', class: 'input-date', placeholder: 'dd/mm/yyyy', value: to })),
    h('div', { class: 'filter-actions' }, h('button', { type: 'submit', class: 'btn btn-secondary' }, 'Lọc'),
      (text || action || coll || from || to) ? h('a', { href: BASE + 'nhat-ky/', class: 'link-button' }, 'Xóa bộ lọc') : null));
  $(form, '#nk-hanh-dong', HTMLSelectElement).value = action;
  $(form, '#nk-muc', HTMLSelectElement).value = coll;

  fill(el,
    h('h1', {}, 'Nhật ký hoạt động'),
    h('p', { class: 'lead' }, 'Mọi lần tạo, sửa, xóa, chuyển trạng thái và đăng nhập của cán bộ. Nhật ký chỉ được ghi thêm, không ai sửa hay xóa được.'),
    problems.length ? h('div', { class: 'notice notice-error', role: 'alert' }, problems.join(' ')) : null,
    form,
    listParts({
      res, error, page, query, empty: 'Không có mục nào.',
      table: (result) => recordsTable({
        class: 'records audit', caption: 'Nhật ký hoạt động, mới nhất trước',
        heads: ['Thời gian', 'Người thực hiện', 'Hành động', 'Mục', 'Chi tiết', 'Địa chỉ IP'],
        rows: result.items.map(row),
      }),
    }));
}

/** @param {AuditEntry} e */
function row(e) {
  const c = collections[e.collectionRef];
  const title = e.recordTitle || e.recordRef || '—';
  const target = c && e.recordRef && e.action !== 'delete'
    ? h('a', { href: `${BASE}${c.path}/${e.recordRef}` }, title)
    : h('span', {}, title);
  return h('tr', { class: `audit-${e.action}` },
    h('td', { 'data-label': 'Thời gian' }, formatDateTime(e.created)),
    h('td', { 'data-label': 'Người thực hiện' }, e.actor || '—'),
    h('td', { 'data-label': 'Hành động' }, h('span', { class: `badge badge-audit-${e.action}` }, label('auditActions', e.action))),
    h('td', { 'data-label': 'Mục' }, h('span', { class: 'kind' }, collectionLabel(e.collectionRef)), ' ', target),
    h('td', { 'data-label': 'Chi tiết' }, details(e)),
    h('td', { 'data-label': 'Địa chỉ IP' }, e.ip || '—'));
}

// Names of the fields of the staff-side collections, and the lists their
// choices come from.
/** @type {Record<string, string>} */
const LABELS = {
  role: 'Vai trò', unit: 'Đơn vị', password: 'Mật khẩu', email: 'Email', name: 'Tên', verified: 'Đã xác minh',
  state: 'Trạng thái xử lý', year: 'Năm', answer: 'Trả lời', reportDeadline: 'Hạn nộp báo cáo',
  listRule: 'Quyền xem danh sách', viewRule: 'Quyền xem', createRule: 'Quyền tạo', updateRule: 'Quyền sửa', deleteRule: 'Quyền xóa', fields: 'Các trường',
};
/** @type {Record<string, string>} */
const CHOICES = { role: 'staffRoles', status: 'status' };
/** @type {Record<string, string>} */
const STATES = { nominations: 'nominationStates', unitReports: 'reportStates', feedback: 'feedbackStates' };

/**
 * nameOf names a field of the entry's collection.
 * @param {AuditEntry} e
 * @param {string} f
 */
function nameOf(e, f) {
  const l = fieldLabel(e.collectionRef, f);
  return l === f && LABELS[f] ? LABELS[f] : l;
}

/**
 * values describes the choices an entry records: "Vai trò: Biên tập viên → Cán bộ thẩm định".
 * @param {AuditEntry} e
 * @param {unknown} v
 */
function values(e, v) {
  if (!v || typeof v !== 'object') return '';
  const parts = Object.entries(v).map(([f, x]) => `${nameOf(e, f)}: ${x && typeof x === 'object' && 'to' in x ? `${show(e, f, x.from)} → ${show(e, f, x.to)}` : show(e, f, x)}`);
  return parts.length ? ` (${parts.join('; ')})` : '';
}

/**
 * show shows a value an entry records.
 * @param {AuditEntry} e
 * @param {string} f
 * @param {unknown} x
 */
function show(e, f, x) {
  if (x === '' || x === null || x === undefined || (Array.isArray(x) && !x.length)) return '—';
  if (Array.isArray(x)) return x.join(', ');
  const list = f === 'state' ? STATES[e.collectionRef] : CHOICES[f];
  return list ? label(list, String(x)) : String(x);
}

/**
 * details says what an entry changed, by its action.
 * @param {AuditEntry} e
 */
function details(e) {
  /** @type {AuditChanges} */
  const ch = e.changes || {};
  switch (e.action) {
    case 'update':
      if (Array.isArray(ch.import)) return `Nhập cấu trúc: ${ch.import.join(', ')}`;
      return Array.isArray(ch.fields) && ch.fields.length ? `Sửa: ${ch.fields.map((f) => nameOf(e, f)).join(', ')}${values(e, ch.values)}` : '—';
    case 'status':
      return ch.text || `${label('status', ch.from)} → ${label('status', ch.to)}`;
    case 'create': {
      // Newer entries list the fields' names, older ones their values.
      const fields = Array.isArray(ch.fields) ? ch.fields : Object.keys(ch);
      return `Tạo với: ${fields.filter((k) => k !== 'slug' && k !== 'shortCode').map((f) => nameOf(e, f)).join(', ')}${values(e, ch.values)}`;
    }
    case 'delete':
      return values(e, ch.values).replace(/^ \((.*)\)$/, '$1') || '—';
    case 'refused':
      return `Yêu cầu ${ch.request || ''}${ch.query ? `: ${ch.query}` : ''}`;
    case 'login':
    case 'login_failed':
    case 'login_mfa':
      return ch.identity ? `Tài khoản: ${ch.identity}` : '—';
    default:
      return Object.keys(ch).length ? JSON.stringify(ch) : '—';
  }
}

