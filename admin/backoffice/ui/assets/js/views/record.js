// @ts-check
// The parts of a record's page around its form: its state, what else
// publishing it needs, its preview in the real theme, the read-only view
// for those who may not edit it, and the defaults of a new record.

/**
 * @import { Award, Honoree, PublicRecord, RecordBase, Step } from '../types.js'
 * @import { CollectionDesc, FieldDef } from '../ui-types.js'
 */

import { request, fileURL, list, asApiError } from '../api.js';
import { h, fill, formatDateTime, q } from '../util.js';
import { titleOf, label, statusText, statusClass, scheduled, siteSection } from '../schema.js';
import { BASE, setTitle, takeFlash } from '../nav.js';
import { modal } from '../dialog.js';
import { shortActor } from '../components/actor.js';
import { fileNames } from '../forms/field.js';
import { watchLive } from '../components/live.js';

/**
 * relatedNotice tells a reviewer what else publishing this record needs:
 * an award shows on the honour roll only with its honoree published (the
 * server refuses to publish an award whose honoree is not), and an award
 * made by the council's decision links back to its nomination.
 * @param {string} collection
 * @param {PublicRecord} r
 */
export async function relatedNotice(collection, r) {
  try {
    if (collection === 'awards') {
      const items = [];
      const ho = /** @type {Award} */ (r).expand?.honoree;
      if (ho && ho.status !== 'published') {
        items.push(h('p', {}, `“${ho.name}” chưa được xuất bản (${statusText(ho).toLowerCase()}). Hãy `,
          h('a', { href: `${BASE}guong-dien-hinh/${ho.id}` }, 'mở hồ sơ vinh danh của người, tập thể này'),
          ' và xuất bản trước, rồi xuất bản khen thưởng để khen thưởng hiện trên trang vinh danh.'));
      }
      const noms = await list('nominations', { filter: `awards ~ ${q(r.id)}`, perPage: 1, fields: 'id,year' }).catch(() => ({ items: /** @type {RecordBase[]} */ ([]) }));
      if (noms.items[0]) {
        items.push(h('p', {}, 'Khen thưởng này được tạo từ quyết định của Hội đồng về ',
          h('a', { href: `${BASE}ho-so-khen-thuong/${noms.items[0].id}` }, 'hồ sơ đề nghị khen thưởng'), '.'));
      }
      if (!items.length) return null;
      return h('div', { class: `notice ${ho && ho.status !== 'published' ? 'notice-warning' : 'notice-info'} related-notice` }, items);
    }
    if (collection === 'honorees') {
      const res = await list('awards', { filter: `honoree = ${q(r.id)} && status != 'published' && status != 'archived'`, perPage: 10, fields: 'id,year,form,decisionNo,status' });
      if (!res.items.length) return null;
      return h('div', { class: 'notice notice-info related-notice' },
        h('p', { class: 'notice-title' }, `${/** @type {Honoree} */ (r).name} có ${res.totalItems} khen thưởng chưa xuất bản:`),
        h('ul', {}, res.items.map((a) => h('li', {}, h('a', { href: `${BASE}khen-thuong/${a.id}` },
          [label('awardForms', a.form), a.year, a.decisionNo].filter(Boolean).join(' – ')), ` (${label('status', a.status).toLowerCase()})`))),
        r.status !== 'published' ? h('p', {}, 'Xuất bản hồ sơ này trước, rồi mở và xuất bản các khen thưởng.') : null);
    }
    if (collection === 'guides') return await libraryNotice(r);
  } catch { /* a notice only */ }
  return null;
}

/**
 * The guide library's side of a guide (GET /api/portal/guides/{id}/library).
 * @typedef {{ libraryId: string, libraryVersion: number, edited: boolean, proposal: number,
 *   library?: Record<string, unknown> }} LibraryState
 */

/** The fields of a library guide shown beside the commune's, in order. */
const libraryFields = [['summary', 'Tóm tắt'], ['documents', 'Giấy tờ cần chuẩn bị'], ['fee', 'Lệ phí'],
  ['processingTime', 'Thời gian giải quyết'], ['offline', 'Nếu không làm trực tuyến'], ['legalBasis', 'Căn cứ pháp lý']];

/**
 * libraryNotice tells staff that the guide library has a newer version of
 * a guide they edited, shows its text, and lets them take it or keep
 * theirs (the server never overwrites their edits by itself).
 * @param {PublicRecord} r
 */
async function libraryNotice(r) {
  const st = /** @type {LibraryState} */ (await request('GET', `/api/portal/guides/${encodeURIComponent(r.id)}/library`));
  if (!st || !st.proposal || !st.library) return null;
  const lib = st.library;
  const status = h('p', { role: 'status' });
  /** @param {'accept' | 'dismiss'} what */
  const answer = async (what) => {
    try {
      await request('POST', `/api/portal/guides/${encodeURIComponent(r.id)}/library/${what}`);
      location.reload();
    } catch (ex) {
      status.textContent = asApiError(ex).message;
    }
  };
  return h('div', { class: 'notice notice-info related-notice library-notice' },
    h('p', { class: 'notice-title' }, `Thư viện hướng dẫn có phiên bản mới (phiên bản ${st.proposal}) của hướng dẫn này.`),
    h('p', {}, 'Xã đã sửa hướng dẫn này nên bản mới chưa được thay vào. Xem bản của thư viện dưới đây, rồi chọn nhận bản mới (những chỗ xã đã sửa sẽ được thay, bản cũ vẫn còn trong lịch sử) hoặc giữ bản của xã.'),
    h('details', {}, h('summary', {}, 'Xem bản của thư viện'),
      h('h3', {}, String(lib.title || '')),
      h('dl', {}, libraryFields.flatMap(([k, l]) => lib[k] ? [h('dt', {}, l), h('dd', {}, h('pre', {}, String(lib[k])))] : []))),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'btn', onclick: () => answer('accept') }, 'Nhận bản mới của thư viện'),
      h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => answer('dismiss') }, 'Giữ bản của xã')),
    status);
}

/**
 * defaultValue is a new record's value of a field: this year, this quarter.
 * @param {string} collection
 * @param {FieldDef} def
 */
export function defaultValue(collection, def) {
  if (def.name === 'year' || def.name === 'yearApplied') return new Date().getFullYear();
  if (collection === 'indicators' && def.name === 'quarter') return Math.floor(new Date().getMonth() / 3) + 1;
  return null;
}

/**
 * workflowText says what saving a record does, for the person's role.
 * @param {string} collection
 * @param {PublicRecord | null} record
 * @param {string[]} allowed  the states the person may move it to
 */
export function workflowText(collection, record, allowed) {
  if (!allowed.includes('published')) {
    return collection === 'initiatives'
      ? 'Bạn lưu bản nháp hoặc gửi duyệt; cán bộ thẩm định Phòng Văn hóa – Xã hội sẽ xem và xuất bản.'
      : 'Bạn lưu bản nháp hoặc gửi duyệt.';
  }
  if (!record) return 'Lưu bản nháp để viết tiếp sau, gửi duyệt để người khác xem lại, hoặc xuất bản ngay hay hẹn giờ.';
  return `Trạng thái hiện tại: ${statusText(record)}.`;
}

/**
 * crumbs is the breadcrumb of a record's page.
 * @param {CollectionDesc} c
 * @param {string} current
 */
export function crumbs(c, current) {
  return h('nav', { class: 'crumbs', 'aria-label': 'Vị trí' }, h('ol', {},
    h('li', {}, h('a', { href: BASE }, 'Tổng quan')),
    h('li', {}, h('a', { href: BASE + c.path + '/' }, c.title)),
    h('li', { 'aria-current': 'page' }, current)));
}

/**
 * statePanel says where a record stands: state, publication time, who
 * moved it, who saved it last, and its public address when live.
 * @param {string} collection
 * @param {PublicRecord} r
 */
export function statePanel(collection, r) {
  const future = scheduled(r);
  const live = r.status === 'published' && !future;
  /** @type {[string, string | Node][]} */
  const rows = [
    ['Trạng thái', h('span', { class: `badge badge-${statusClass(r)}` }, statusText(r))],
  ];
  if (r.publishAt) rows.push([future ? 'Sẽ xuất bản lúc' : 'Thời điểm xuất bản', formatDateTime(r.publishAt)]);
  if (r.statusBy) rows.push(['Chuyển trạng thái', `${shortActor(r.statusBy)}${r.statusAt ? ', ' + formatDateTime(r.statusAt) : ''}`]);
  if (r.updatedBy || r.updated) rows.push(['Sửa lần cuối', [r.updatedBy ? shortActor(r.updatedBy) : '', formatDateTime(r.updated)].filter(Boolean).join(', ')]);
  const section = siteSection(collection);
  if (section && r.slug) {
    const path = `/${section}/${r.slug}/`;
    rows.push(['Trang công khai', live
      ? h('a', { href: path, target: '_blank', rel: 'noopener' }, path, h('span', { class: 'visually-hidden' }, ' (mở thẻ mới)'))
      : h('span', {}, path, h('span', { class: 'muted' }, ' (chưa có trên trang công khai)'))]);
  }
  if (r.shortCode) rows.push(['Liên kết ngắn', `/l/${r.shortCode}/`]);
  // Whether the version saved is on the public site, and why not yet.
  const slot = h('span', { class: 'live-slot' }, 'Đang kiểm tra…');
  const liveRow = h('div', { class: 'live-row' }, h('dt', {}, 'Trên trang công khai'), h('dd', {}, slot));
  watchLive(collection, [r], new Map([[r.id, slot]]), true).then((known) => { if (!known) liveRow.remove(); });
  return h('dl', { class: 'state' }, rows.slice(0, 1).map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v))), liveRow,
    rows.slice(1).map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v))));
}

/**
 * openPreview shows the record as it would be published, rendered by the
 * server in the real theme, in a sandboxed frame (no script runs in it);
 * dirty says the form has changes not saved, which it does not show.
 * @param {string} collection
 * @param {PublicRecord} record
 * @param {boolean} dirty
 */
export async function openPreview(collection, record, dirty) {
  const frame = h('iframe', { class: 'preview-frame', sandbox: '', title: `Xem trước: ${titleOf(collection, record)}`, referrerpolicy: 'no-referrer' });
  const note = h('p', { class: 'hint', role: 'status' }, 'Đang tạo bản xem trước…');
  const content = h('div', { class: 'preview-body' },
    dirty ? h('div', { class: 'notice notice-warning' }, 'Bản xem trước cho thấy nội dung đã lưu. Bạn có thay đổi chưa lưu: hãy lưu rồi xem lại.') : null,
    note, frame);
  modal({ title: `Xem trước: ${titleOf(collection, record)}`, content });
  try {
    const res = await request('GET', `/api/portal/preview/${collection}/${encodeURIComponent(record.id)}`, undefined, { raw: true });
    frame.srcdoc = await res.text();
    note.textContent = 'Trang hiển thị như khi được xuất bản. Các liên kết trong bản xem trước không mở được.';
  } catch (ex) {
    const e = asApiError(ex);
    note.textContent = e.status === 404 ? 'Chưa xem trước được: máy chủ chưa có chức năng xem trước cho mục này.' : `Chưa xem trước được: ${e.message}`;
    note.classList.add('field-error');
    frame.remove();
  }
}

/**
 * renderReadOnly shows a record this person may read but not change.
 * @param {HTMLElement} el
 * @param {CollectionDesc} c
 * @param {string} collection
 * @param {PublicRecord} r
 */
export function renderReadOnly(el, c, collection, r) {
  const name = titleOf(collection, r);
  setTitle(name);
  const flash = takeFlash();
  const rows = c.fields.map((def) => {
    const v = r[def.name];
    /** @type {string | Node} */
    let out;
    if (def.widget === 'image') {
      const names = fileNames(v);
      out = names.length ? h('ul', { class: 'gallery' }, names.map((n) => h('li', { class: 'thumb' }, h('img', { src: fileURL(r, n, '320x0'), alt: `Ảnh: ${n}` })))) : '—';
    } else if (def.widget === 'select') {
      out = v ? label(def.vocab || '', v) : '—';
    } else if (def.widget === 'bool') {
      out = v ? 'Có' : 'Không';
    } else if (def.widget === 'date') {
      out = formatDateTime(v).slice(0, 10) || '—';
    } else if (def.widget === 'unit' || def.widget === 'picker') {
      const ex = r.expand && r.expand[def.name];
      out = ex ? (Array.isArray(ex) ? ex : [ex]).map((x) => titleOf(def.target || 'units', x)).join(', ')
        : (v && (typeof v === 'string' || Array.isArray(v)) && v.length ? String(v) : '—');
    } else if (def.widget === 'tags') {
      out = Array.isArray(v) && v.length ? v.join(', ') : '—';
    } else if (def.widget === 'steps') {
      out = Array.isArray(v) && v.length ? h('ol', {}, /** @type {Step[]} */ (v).map((s) => h('li', {}, s.title))) : '—';
    } else {
      out = v === null || v === undefined || v === '' ? '—' : h('div', { class: 'pre' }, String(v));
    }
    return h('div', {}, h('dt', {}, def.label), h('dd', {}, out));
  });
  fill(el,
    crumbs(c, name),
    h('h1', {}, name),
    flash ? h('div', { class: `notice notice-${flash.kind}`, role: 'status' }, flash.text) : null,
    h('div', { class: 'notice notice-info' }, 'Bạn chỉ được xem mục này: vai trò của bạn không được sửa nó ở trạng thái hiện tại.'),
    statePanel(collection, r),
    h('div', { class: 'tools' },
      siteSection(collection) ? h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => openPreview(collection, r, false) }, 'Xem trước') : null,
      h('a', { class: 'btn btn-secondary', href: `${BASE}${c.path}/${r.id}/lich-su` }, 'Lịch sử thay đổi')),
    h('dl', { class: 'readonly' }, rows));
}
