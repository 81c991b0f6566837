// @ts-check
// "Trả lại cho người viết": an article, guide or document someone sent for
// review goes back to draft with a comment (required), which its author
// reads on it and by notice and mail (admin/returns.go).

/**
 * @import { PublicRecord } from '../types.js'
 */

import { auth, request, asApiError } from '../api.js';
import { h, uid, formatDateTime } from '../util.js';
import { setInvalid } from '../forms/field.js';
import { shortActor } from './actor.js';

/** The kinds of record returned with a comment. */
const RETURNABLE = ['articles', 'guides', 'documents'];

/**
 * mayReturn tells whether r waits for review, sent by someone else, in a
 * collection whose records are returned with a comment.
 * @param {string} collection
 * @param {PublicRecord | null} r
 */
export function mayReturn(collection, r) {
  return !!r && RETURNABLE.includes(collection) && r.status === 'review'
    && !String(r.statusBy || '').includes(`(${auth.email},`);
}

/**
 * returnBox is the way to return r: a comment and its button; done is
 * called with the server's message once returned.
 * @param {string} collection
 * @param {PublicRecord} r
 * @param {(message: string) => void} done
 */
export function returnBox(collection, r, done) {
  const id = uid('tra-lai');
  const area = h('textarea', { id, rows: 4, 'aria-describedby': `${id}-hint ${id}-error` });
  const err = h('p', { id: `${id}-error`, class: 'field-error', hidden: true });
  const status = h('p', { class: 'hint', role: 'status' });
  const button = h('button', {
    type: 'button', class: 'btn btn-secondary',
    onclick: async () => {
      setInvalid(area, err, '');
      if (!area.value.trim()) {
        setInvalid(area, err, 'Hãy ghi rõ cần sửa gì: người viết sẽ đọc ý kiến này.');
        area.focus();
        return;
      }
      button.disabled = true;
      status.textContent = 'Đang trả lại…';
      try {
        const res = /** @type {{ message: string }} */ (await request('POST', `/api/portal/return/${collection}/${r.id}`, { comment: area.value }));
        done(res.message);
      } catch (ex) {
        status.textContent = '';
        setInvalid(area, err, asApiError(ex).message);
        button.disabled = false;
      }
    },
  }, 'Trả lại');
  return h('details', { class: 'return-box' },
    h('summary', { class: 'btn btn-secondary' }, 'Trả lại cho người viết'),
    h('div', { class: 'field' },
      h('label', { for: id }, 'Ý kiến cho người viết (bắt buộc)'),
      h('p', { class: 'hint', id: `${id}-hint` }, `Nội dung về bản nháp; ${shortActor(r.statusBy || '') || 'người viết'} đọc được ý kiến này khi mở nội dung và nhận thông báo, thư điện tử.`),
      err, area),
    h('div', { class: 'actions' }, button, status));
}

/**
 * returnedNotice tells the author why r came back to draft, while it is
 * still the draft it was returned as.
 * @param {PublicRecord} r
 */
export function returnedNotice(r) {
  if (r.status !== 'draft' || !r.returnComment || !r.returnedAt || r.returnedAt !== r.statusAt) return null;
  return h('div', { class: 'notice notice-warning returned-notice', role: 'note' },
    h('p', { class: 'notice-title' }, 'Nội dung được trả lại để sửa'),
    h('p', { class: 'pre' }, r.returnComment),
    h('p', { class: 'hint' }, `${shortActor(r.returnedBy || '')}, ${formatDateTime(r.returnedAt)}. Sửa theo ý kiến trên rồi bấm “Gửi duyệt”.`));
}
