// @ts-check
// A reviewer erases a citizen's contact details when the citizen asks the
// office (by phone, by mail, at the counter) instead of erasing them on
// the site's lookup page: after checking who is asking, one confirmed
// click; the audit log credits the reviewer.

/**
 * @import { Feedback } from '../types.js'
 */

import { request, asApiError } from '../api.js';
import { h, fill, uid } from '../util.js';

/**
 * erasePanel is the panel under a submission's contacts, or null when
 * there is nothing to erase.
 * @param {Feedback} r  the submission, as a reviewer reads it
 * @param {() => void} done  called after the erasure (to show the page again)
 */
export function erasePanel(r, done) {
  if (r.contactsErasedAt || !(r.name || r.phone || r.email)) return null;
  const id = uid('xoa-lh');
  const box = h('input', { type: 'checkbox', id });
  const out = h('div', { role: 'status' });
  const btn = h('button', {
    type: 'button', class: 'btn btn-secondary',
    onclick: async () => {
      out.replaceChildren();
      if (!box.checked) {
        fill(out, h('p', { class: 'field-error' }, 'Hãy đánh dấu ô xác nhận trước khi xóa.'));
        box.focus();
        return;
      }
      btn.disabled = true;
      try {
        const res = /** @type {{ message?: string }} */ (await request('POST', `/api/portal/feedback/${encodeURIComponent(r.id)}/erase-contacts`));
        fill(out, h('p', { class: 'notice notice-success' }, res.message || 'Đã xóa.'));
        done();
      } catch (e) {
        btn.disabled = false;
        fill(out, h('p', { class: 'notice notice-error' }, asApiError(e).message));
      }
    },
  }, 'Xóa thông tin liên hệ');
  return h('section', { class: 'panel', 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, 'Xóa thông tin liên hệ theo yêu cầu'),
    h('p', {}, 'Khi người gửi đề nghị xóa họ tên, số điện thoại, thư điện tử (gọi điện, gửi thư, đến quầy) mà không tự xóa được trên trang Tra cứu: kiểm tra đúng là người gửi (mã tiếp nhận, nội dung ý kiến), rồi xóa. Không khôi phục được; ý kiến và câu trả lời vẫn được giữ.'),
    h('div', { class: 'field field-check' }, box, h('label', { for: id }, 'Người gửi đã đề nghị xóa và tôi đã kiểm tra đúng người gửi')),
    h('div', { class: 'actions' }, btn),
    out);
}
