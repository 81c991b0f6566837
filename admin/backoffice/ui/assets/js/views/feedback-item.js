// @ts-check
// One submission of a citizen: what was sent, the contacts (reviewers
// only, or when and why they were erased), turning a proposal into a
// draft initiative, and its handling (tags, state, answer, Q&A).

/**
 * @import { Feedback } from '../types.js'
 * @import { Problem, RouteCtx, Widget } from '../ui-types.js'
 * @import { Child } from '../dom.js'
 */

import { view, update, request, asApiError } from '../api.js';
import { h, fill, $, formatDateTime, pageLink } from '../util.js';
import { label } from '../schema.js';
import { can } from '../roles.js';
import { widget } from '../forms/widget.js';
import { BASE, navigate, setTitle, setDirtyCheck, setFlash, takeFlash, flashNotice } from '../nav.js';
import { flag, keysOf, serverProblems, showSummary } from '../editor.js';
import { shortActor } from '../components/actor.js';
import { feedbackBadge, crumbs } from '../process.js';
import { erasePanel } from './feedback-erase.js';
import { TITLE, listURL, noAccess } from './feedback.js';

/** @type {Record<number, string>} */
const RATING = { 1: 'Rất không hài lòng', 2: 'Không hài lòng', 3: 'Bình thường', 4: 'Hài lòng', 5: 'Rất hài lòng' };

/**
 * renderFeedback shows one submission and its handling.
 * @param {HTMLElement} el
 * @param {RouteCtx & { id: string }} ctx
 */
export async function renderFeedback(el, { id }) {
  if (!can.feedback()) return noAccess(el);
  /** @type {Feedback} */
  let r;
  try {
    r = await view('feedback', id);
  } catch (ex) {
    const e = asApiError(ex);
    if (e.status !== 404 && e.status !== 403) throw ex;
    setTitle('Không tìm thấy ý kiến');
    fill(el, crumbs(BASE, { href: listURL(), text: TITLE }, { text: 'Không tìm thấy' }), h('h1', {}, 'Không tìm thấy ý kiến'),
      h('p', {}, h('a', { href: listURL() }, 'Về danh sách ý kiến')));
    return;
  }
  setTitle(`Ý kiến ${r.refCode}`);
  const flash = takeFlash();
  const summary = h('div', { class: 'summary-slot' });

  /** @type {[string, Child][]} */
  const rows = [
    ['Mã tiếp nhận', r.refCode],
    ['Loại', label('feedbackKinds', r.kind)],
    ['Ngày gửi', formatDateTime(r.created)],
    ['Trạng thái', feedbackBadge(r.state)],
  ];
  if (r.page) rows.push(['Trang', pageLink(r.page)]);
  if (r.topic) rows.push([r.kind === 'sang-kien' ? 'Tên sáng kiến' : 'Chủ đề', r.topic]);
  if (r.kind === 'huu-ich') rows.push(['Trang có hữu ích không', label('helpful', r.helpful) || '—']);
  if (r.kind === 'hai-long') {
    rows.push(['Mức hài lòng', r.rating ? `${r.rating}/5 – ${RATING[r.rating] || ''}` : '—']);
    if (r.service) rows.push(['Dịch vụ, thủ tục', r.service]);
    if (r.channel) rows.push(['Hình thức', label('channels', r.channel)]);
  }
  rows.push([r.question ? 'Nội dung gốc của người dân' : 'Nội dung', r.message ? h('div', { class: 'pre citizen-text' }, r.message) : '—']);

  // Contacts: reviewers get them from the API; others never do. Once
  // erased (by the citizen, or when the retention ran out) everyone sees
  // when and why, and no one sees them again.
  /** @type {Node} */
  let contacts;
  const erased = r.contactsErasedAt
    ? h('p', { class: 'notice notice-info contacts-erased' }, `Thông tin liên hệ đã được xóa lúc ${formatDateTime(r.contactsErasedAt)}: ${label('contactErasures', r.contactsErasedBy) || 'đã xóa'}.`)
    : null;
  if (erased) {
    contacts = erased;
  } else if (can.contacts()) {
    const c = [];
    if (r.name) c.push(h('li', {}, 'Họ tên: ', r.name));
    if (r.phone) c.push(h('li', {}, 'Điện thoại: ', h('a', { href: `tel:${r.phone.replace(/[^0-9+]/g, '')}` }, r.phone)));
    if (r.email) c.push(h('li', {}, 'Thư điện tử: ', h('a', { href: `mailto:${r.email}` }, r.email)));
    const consent = r.consent && r.consentAt
      ? `Người dân đồng ý để cán bộ lưu và liên hệ (thông báo phiên bản ${r.consentVersion}, lúc ${formatDateTime(r.consentAt)}); tự động xóa ${r.retainMonths || 12} tháng sau khi trả lời, hoặc sớm hơn nếu thời hạn trong Cài đặt ngắn hơn.`
      : (r.consent ? 'Người dân đồng ý để cán bộ liên hệ.' : 'Người dân chưa đồng ý để được liên hệ.');
    contacts = c.length
      ? h('div', {}, h('ul', { class: 'plain-list contacts' }, c), h('p', { class: 'hint' }, consent))
      : h('p', { class: 'muted' }, 'Người dân không để lại thông tin liên hệ.');
  } else {
    contacts = h('p', { class: 'notice notice-info contacts-hidden' }, 'Thông tin liên hệ (nếu người dân để lại) chỉ cán bộ thẩm định Phòng Văn hóa – Xã hội xem được. Cần liên hệ lại người dân, hãy chuyển mã ',
      h('strong', {}, r.refCode), ' cho Phòng Văn hóa – Xã hội.');
  }
  rows.push(['Liên hệ', contacts]);

  // Turning a proposal into a draft initiative.
  /** @type {HTMLElement | null} */
  let toInitiative = null;
  if (r.kind === 'sang-kien') {
    const out = h('div', { class: 'initiative-slot', role: 'status' });
    if (r.initiative) {
      fill(out, h('p', {}, 'Đề xuất đã được chuyển thành sáng kiến: ', h('a', { href: `${BASE}mo-hinh-sang-kien/${r.initiative}` }, 'mở bản nháp sáng kiến'), '.'));
    }
    const btn = r.initiative ? null : h('button', {
      type: 'button', class: 'btn btn-secondary',
      onclick: async (e) => {
        const btn = e.currentTarget;
        btn.disabled = true;
        try {
          const res = /** @type {{ initiative: string, message?: string }} */ (await request('POST', `/api/portal/feedback/${encodeURIComponent(r.id)}/initiative`));
          btn.remove();
          fill(out, h('div', { class: 'notice notice-success' },
            h('p', {}, res.message || 'Đã tạo bản nháp sáng kiến từ đề xuất.', ' ',
              h('a', { href: `${BASE}mo-hinh-sang-kien/${res.initiative}` }, 'Mở bản nháp sáng kiến'), ' để hoàn thiện rồi xuất bản.')));
          $(out, 'a').focus();
        } catch (ex) {
          btn.disabled = false;
          fill(out, h('p', { class: 'notice notice-error' }, asApiError(ex).message));
        }
      },
    }, 'Chuyển thành sáng kiến');
    toInitiative = h('section', { class: 'panel', 'aria-labelledby': 'yk-sk' },
      h('h2', { id: 'yk-sk' }, 'Chuyển thành sáng kiến'),
      h('p', {}, 'Tạo một bản nháp trong “Mô hình, sáng kiến” từ đề xuất này (tên, tóm tắt và nội dung người dân gửi), để hoàn thiện rồi xuất bản.'),
      btn, out);
  }

  // Handling: tags, state, answer.
  const opts = { collection: 'feedback', record: r };
  /** @type {Record<string, Widget>} */
  const w = {
    tags: widget({ name: 'tags', label: 'Nhãn', widget: 'tags', noun: 'nhãn', hint: 'Để phân loại và tìm lại, ví dụ: hộ tịch, VNeID, thái độ phục vụ. Gõ nhãn rồi bấm Enter hoặc nút “Thêm”.' }, r.tags, opts),
    state: widget({ name: 'state', label: 'Trạng thái xử lý', widget: 'select', vocab: 'feedbackStates' }, r.state, opts),
    answer: widget({ name: 'answer', label: 'Trả lời người dân', widget: 'textarea', rows: 5, hint: 'Nội dung đã trả lời, hoặc cách đã trả lời (gọi điện, gửi thư…). Hệ thống ghi lại người trả lời và thời điểm.' }, r.answer, opts),
    answerOffice: widget({ name: 'answerOffice', label: 'Cơ quan, bộ phận trả lời', widget: 'text', hint: 'Hiện cùng câu trả lời khi người dân tra cứu bằng mã tiếp nhận và trên trang Hỏi – đáp.' }, r.answerOffice, opts),
  };
  if (r.publishConsent) {
    // The question as it will read on the site: the citizen's words, which
    // staff may correct (spelling, a name) before publishing; the original
    // stays above as it came.
    w.question = widget({ name: 'question', label: 'Câu hỏi đăng lên trang Hỏi – đáp', widget: 'textarea', rows: 4, hint: 'Sửa lỗi chính tả, bỏ tên riêng hay chi tiết riêng tư trước khi đăng. Nội dung gốc của người dân ở trên được giữ nguyên; mỗi lần sửa được ghi vào nhật ký.' }, r.question || r.message, opts);
    w.published = widget({ name: 'published', label: 'Đăng câu hỏi và câu trả lời lên trang Hỏi – đáp', widget: 'bool', hint: 'Người gửi đã đồng ý công khai. Họ tên, số điện thoại, thư điện tử không bao giờ được đăng.' }, !!r.published, opts);
  }
  const answered = r.answeredAt
    ? h('p', { class: 'hint answered' }, `Trả lời lần cuối: ${shortActor(r.answeredBy || '')}, ${formatDateTime(r.answeredAt)}.`)
    : null;
  const form = h('form', { class: 'record-form', novalidate: true, onsubmit: save },
    w.tags.el, w.state.el, w.answer.el, w.answerOffice.el, answered,
    w.question ? w.question.el : null,
    w.published ? w.published.el : h('p', { class: 'hint' }, 'Người gửi không đồng ý công khai: ý kiến này không đăng lên trang Hỏi – đáp.'),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn' }, 'Lưu')));
  const keyOf = () => keysOf(Object.values(w));
  let initial = keyOf();

  fill(el,
    crumbs(BASE, { href: listURL(), text: TITLE }, { text: r.refCode }),
    h('h1', {}, `Ý kiến ${r.refCode}`, h('span', { class: 'h1-sub' }, label('feedbackKinds', r.kind))),
    flashNotice(flash),
    h('dl', { class: 'readonly feedback-detail' }, rows.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v)))),
    toInitiative,
    can.contacts() ? erasePanel(r, () => navigate(listURL() + r.id, { replace: true, force: true })) : null,
    h('section', { class: 'panel', 'aria-labelledby': 'yk-xu-ly' },
      h('h2', { id: 'yk-xu-ly' }, 'Xử lý'),
      summary,
      form));
  if (el.isConnected) setDirtyCheck(() => keyOf() !== initial);

  /** @param {SubmitEvent} e */
  async function save(e) {
    e.preventDefault();
    summary.replaceChildren();
    for (const x of Object.values(w)) x.setError('');
    const tagsValue = w.tags.get();
    const tags = Array.isArray(tagsValue) ? tagsValue.map(String) : [];
    /** @type {Record<string, unknown>} */
    const body = { tags, state: w.state.get(), answer: w.answer.get(), answerOffice: w.answerOffice.get() };
    if (w.published) body.published = w.published.get();
    if (w.question) {
      // The citizen's words as they came are no edit.
      const text = String(w.question.get() || '').trim();
      body.question = text === (r.message || '').trim() ? '' : text;
    }
    /** @type {Problem[]} */
    const problems = [];
    if (!body.state) problems.push(flag(w.state, 'Hãy chọn trạng thái.', 'Trạng thái xử lý: Hãy chọn trạng thái.'));
    if (tags.length > 10) problems.push(flag(w.tags, 'Tối đa 10 nhãn.', 'Nhãn: Tối đa 10 nhãn.'));
    if (tags.some((t) => [...t].length > 50)) problems.push(flag(w.tags, 'Mỗi nhãn tối đa 50 ký tự.', 'Nhãn: Mỗi nhãn tối đa 50 ký tự.'));
    if (problems.length) return show(problems);
    try {
      await update('feedback', r.id, body);
    } catch (err) {
      const ex = asApiError(err);
      /** @type {Record<string, string>} */
      const names = { tags: 'Nhãn', state: 'Trạng thái xử lý', answer: 'Trả lời người dân', answerOffice: 'Cơ quan trả lời', question: 'Câu hỏi đăng lên Hỏi – đáp', published: 'Đăng lên Hỏi – đáp' };
      const items = serverProblems(ex, (f, m) => (w[f] ? flag(w[f], m, `${names[f]}: ${m}`) : null));
      if (!items.length) items.push({ text: ex.message });
      return show(items, ex.status === 403 ? 'Không được phép' : 'Chưa lưu được');
    }
    initial = keyOf();
    setDirtyCheck(null);
    setFlash(body.answer && body.answer !== r.answer ? 'Đã lưu câu trả lời.' : 'Đã lưu.');
    navigate(listURL() + r.id, { replace: true, force: true });
  }
  /**
   * @param {Problem[]} items
   * @param {string} [title]
   */
  function show(items, title = 'Chưa lưu được: có lỗi cần sửa') {
    showSummary(summary, items, title, { scroll: false });
  }
}
