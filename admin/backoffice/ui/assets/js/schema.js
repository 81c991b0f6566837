// @ts-check
// What the back office knows of the collections: meta.json (the fields'
// limits, the kinds of public record with their sections on the site, and
// the fixed choices with their labels, which the server makes from the
// database, records.All and internal/vocab), the public collections as
// shown here (collections.js, and the forms of the kinds that describe
// theirs in meta.json), records' titles and states in words.

/**
 * @import { FieldMeta, Meta, PublicRecord, RecordBase, VocabOption } from './types.js'
 * @import { FieldDef, WidgetName } from './ui-types.js'
 */

import { formatDate } from './util.js';
import { collections, order } from './collections.js';

export { collections, order } from './collections.js';

/**
 * The kinds whose form comes from meta.json (their descriptor), not from
 * collections.js, in the order meta.json lists them.
 * @type {string[]}
 */
export const formKinds = [];

/** @type {Meta} */
export let meta = { collections: {}, vocab: {} };

/** loadMeta reads meta.json (again, after the commune's identity changed). */
export async function loadMeta() {
  const res = await fetch('/quan-tri/meta.json', { credentials: 'omit' });
  if (!res.ok) throw new Error('meta.json');
  meta = await res.json();
  for (const [name, k] of Object.entries(meta.kinds || {})) {
    if (!k.form || (collections[name] && !formKinds.includes(name))) continue;
    const fields = k.form.fields.map((f) => /** @type {FieldDef} */ ({ ...f, widget: /** @type {WidgetName} */ (f.widget) }));
    collections[name] = { ...k.form, titleField: k.titleField || null, filters: [], fields };
    if (!formKinds.includes(name)) formKinds.push(name);
    if (!order.includes(name)) order.push(name);
  }
}

/**
 * vocab is a list of fixed choices with their labels.
 * @param {string} name
 * @returns {VocabOption[]}
 */
export function vocab(name) {
  return meta.vocab[name] || [];
}

/** The keys of the award forms the commune uses (every form while it chose none). @returns {string[]} */
export function formsInUse() {
  const c = meta.commune;
  return c && c.formsInUse && c.formsInUse.length ? c.formsInUse : vocab('awardForms').map((o) => o.key);
}

/**
 * label names a choice of a list, or gives its key when the list lacks it.
 * @param {string} vocabName
 * @param {unknown} key
 */
export function label(vocabName, key) {
  const o = vocab(vocabName).find((x) => x.key === key);
  return o ? o.label : String(key ?? '');
}

/**
 * fieldMeta returns the database's description of a field (nothing known
 * when meta.json lacks it).
 * @param {string} collection
 * @param {string} name
 * @returns {Partial<FieldMeta>}
 */
export function fieldMeta(collection, name) {
  const c = meta.collections[collection];
  return (c && c.fields.find((f) => f.name === name)) || {};
}


/**
 * siteSection is the section of the public site where the records of a
 * collection have their pages ("tin-tuc"), or null when they have none.
 * @param {string} collection
 * @returns {string | null}
 */
export function siteSection(collection) {
  const k = meta.kinds && meta.kinds[collection];
  return (k && k.section) || null;
}

/**
 * byPath names the collection shown at /quan-tri/{path}/.
 * @param {string} path
 */
export function byPath(path) {
  return Object.keys(collections).find((k) => collections[k].path === path);
}

/**
 * titleOf names a record for people: its title or name, or for awards and
 * indicators a description.
 * @param {string} collection
 * @param {RecordBase | null | undefined} r
 * @returns {string}
 */
export function titleOf(collection, r) {
  if (!r) return '';
  const c = collections[collection];
  if (c && c.titleField && r[c.titleField]) return String(r[c.titleField]);
  if (collection === 'awards') {
    const ex = /** @type {{ honoree?: RecordBase } | undefined} */ (r.expand);
    const who = ex && ex.honoree ? ex.honoree.name : '';
    return [who, r.year, label('awardForms', r.form)].filter(Boolean).join(' – ') || 'Khen thưởng';
  }
  if (collection === 'indicators') {
    return `${label('metrics', r.metric)} – Quý ${['I', 'II', 'III', 'IV'][Number(r.quarter) - 1] || '?'}/${r.year || '?'}`;
  }
  return String(r.title || r.name || r.id);
}

/**
 * collectionLabel names a collection in the audit log and history.
 * @param {string} name
 */
export function collectionLabel(name) {
  if (collections[name]) return collections[name].title;
  return /** @type {Record<string, string>} */ ({
    staff: 'Tài khoản cán bộ', _superusers: 'Quản trị hệ thống', auditLog: 'Nhật ký', revisions: 'Lịch sử',
    nominations: 'Hồ sơ đề nghị khen thưởng', unitReports: 'Báo cáo năm của đơn vị', feedback: 'Ý kiến người dân',
    portalConfig: 'Thiết lập cổng', settings: 'Cấu hình hệ thống', _collections: 'Cấu trúc dữ liệu',
    sql: 'Câu lệnh SQL', backups: 'Sao lưu',
  })[name] || name;
}

/**
 * Labels of the fields every public record has, for the history's diff.
 * @type {Record<string, string>}
 */
export const commonLabels = {
  status: 'Trạng thái', publishAt: 'Thời điểm xuất bản', slug: 'Địa chỉ trang',
  updatedBy: 'Người sửa', statusBy: 'Người chuyển trạng thái', statusAt: 'Lúc chuyển trạng thái',
  shortCode: 'Mã liên kết ngắn', oldSlugs: 'Địa chỉ cũ', created: 'Ngày tạo', updated: 'Ngày sửa',
};

/**
 * fieldLabel names a field of a collection for people.
 * @param {string} collection
 * @param {string} name
 */
export function fieldLabel(collection, name) {
  const c = collections[collection];
  const f = c && c.fields.find((x) => x.name === name);
  return (f && f.label) || commonLabels[name] || name;
}

/**
 * scheduled tells whether a record is published at a time still to come.
 * @param {Pick<PublicRecord, 'status' | 'publishAt'>} r
 */
export function scheduled(r) {
  return r.status === 'published' && !!r.publishAt && new Date(r.publishAt.replace(' ', 'T')) > new Date();
}

/**
 * statusText describes a record's state: a published record whose time
 * has not come is "scheduled".
 * @param {Pick<PublicRecord, 'status' | 'publishAt'>} r
 */
export function statusText(r) {
  if (scheduled(r)) {
    return `Hẹn giờ ${formatDate(r.publishAt)}`;
  }
  return label('status', r.status);
}

/**
 * statusClass is the badge of a record's state (badge-…).
 * @param {Pick<PublicRecord, 'status' | 'publishAt'>} r
 */
export function statusClass(r) {
  if (scheduled(r)) return 'scheduled';
  return r.status || 'draft';
}
