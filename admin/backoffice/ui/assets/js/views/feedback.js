// @ts-check
// The queue of what citizens send (ý kiến người dân): comments on
// public services, initiative proposals, "was this page useful?" and
// satisfaction ratings. Editors and reviewers read, tag, answer and close
// them; an initiative proposal becomes a draft initiative in one step.
// Contact details come from the API to reviewers only (admin/visibility.go);
// the page says so to others rather than hide it.

import { list, view, update, request } from '../api.js';
import { h, fill, formatDateTime, formatNumber, monthRange, vnYear, q, pageLink } from '../util.js';
import { label, vocab } from '../schema.js';
import { can } from '../roles.js';
import { widget } from '../forms/widget.js';
import { BASE, navigate, setTitle, setDirtyCheck, setFlash, takeFlash, flashNotice } from '../nav.js';
import { flag, keysOf, serverProblems, showSummary } from '../editor.js';
import { filterTo, listParts, recordsTable } from '../components/list.js';
import { exportButton } from '../components/download.js';
import { shortActor } from '../components/actor.js';
import { PATHS, feedbackBadge, crumbs } from '../process.js';
import { erasePanel } from './feedback-erase.js';

export const PATH = PATHS.feedback;
export const TITLE = 'Ý kiến người dân';
const PER_PAGE = 25;
export const listURL = () => BASE + PATH + '/';

export function noAccess(el) {
  setTitle(TITLE);
  fill(el, h('h1', {}, TITLE), h('p', {}, 'Chỉ biên tập viên và cán bộ thẩm định xem được ý kiến của người dân.'),
    h('p', {}, h('a', { href: BASE }, 'Về trang tổng quan')));
}

// What a submission is about, in a line.
export function feedbackGist(r) {
  if (r.kind === 'huu-ich') return `Trang ${r.page || '?'}: ${r.helpful === 'co' ? 'hữu ích' : r.helpful === 'khong' ? 'chưa hữu ích' : '—'}${r.message ? ' – ' + cut(r.message, 80) : ''}`;
  if (r.kind === 'hai-long') return `${r.rating ? r.rating + '/5' : '—'}${r.service ? ' – ' + r.service : ''}${r.message ? ' – ' + cut(r.message, 80) : ''}`;
  return r.topic ? `${r.topic}${r.message ? ' – ' + cut(r.message, 80) : ''}` : cut(r.message || '', 120);
}

function cut(s, n) {
  const a = [...String(s).replace(/\s+/g, ' ').trim()];
  return a.length > n ? a.slice(0, n - 1).join('') + '…' : a.join('');
}

const RATING = { 1: 'Rất không hài lòng', 2: 'Không hài lòng', 3: 'Bình thường', 4: 'Hài lòng', 5: 'Rất hài lòng' };

// ---------------------------------------------------------------- the queue

export async function renderFeedbackList(el, { query }) {
  if (!can.feedback()) return noAccess(el);
  const flash = takeFlash();
  const page = Math.max(1, parseInt(query.get('trang') || '1', 10) || 1);
  const kind = query.get('loai') || '';
  const state = query.get('trang-thai') || '';
  const month = query.get('thang') || '';
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
    list('feedback', { page, perPage: PER_PAGE, sort: '-created,-id', filter: filters.join(' && ') }).then((res) => ({ res }), (error) => ({ error })),
    request('GET', '/api/portal/feedback/stats').catch(() => null),
  ]);
  const { res, error } = /** @type {{ res?: any, error?: any }} */ (result);
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
  form.querySelector('#yk-loai').value = kind;
  form.querySelector('#yk-trang-thai').value = state;
  form.querySelector('#yk-thang').value = month;

  const table = () => recordsTable({
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
  const exportPath = (format) => {
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

// ---------------------------------------------------------------- one submission

export async function renderFeedback(el, { id }) {
  if (!can.feedback()) return noAccess(el);
  let r;
  try {
    r = await view('feedback', id);
  } catch (e) {
    if (e.status !== 404 && e.status !== 403) throw e;
    setTitle('Không tìm thấy ý kiến');
    fill(el, crumbs(BASE, { href: listURL(), text: TITLE }, { text: 'Không tìm thấy' }), h('h1', {}, 'Không tìm thấy ý kiến'),
      h('p', {}, h('a', { href: listURL() }, 'Về danh sách ý kiến')));
    return;
  }
  setTitle(`Ý kiến ${r.refCode}`);
  const flash = takeFlash();
  const summary = h('div', { class: 'summary-slot' });

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
  rows.push(['Nội dung', r.message ? h('div', { class: 'pre citizen-text' }, r.message) : '—']);

  // Contacts: reviewers get them from the API; others never do. Once
  // erased (by the citizen, or when the retention ran out) everyone sees
  // when and why, and no one sees them again.
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
  let toInitiative = null;
  if (r.kind === 'sang-kien') {
    const out = h('div', { class: 'initiative-slot', role: 'status' });
    if (r.initiative) {
      fill(out, h('p', {}, 'Đề xuất đã được chuyển thành sáng kiến: ', h('a', { href: `${BASE}mo-hinh-sang-kien/${r.initiative}` }, 'mở bản nháp sáng kiến'), '.'));
    }
    const btn = r.initiative ? null : h('button', {
      type: 'button', class: 'btn btn-secondary',
      onclick: async () => {
        btn.disabled = true;
        try {
          const res = await request('POST', `/api/portal/feedback/${encodeURIComponent(r.id)}/initiative`);
          btn.remove();
          fill(out, h('div', { class: 'notice notice-success' },
            h('p', {}, res.message || 'Đã tạo bản nháp sáng kiến từ đề xuất.', ' ',
              h('a', { href: `${BASE}mo-hinh-sang-kien/${res.initiative}` }, 'Mở bản nháp sáng kiến'), ' để hoàn thiện rồi xuất bản.')));
          out.querySelector('a').focus();
        } catch (e) {
          btn.disabled = false;
          fill(out, h('p', { class: 'notice notice-error' }, e.message));
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
  const w = {
    tags: widget({ name: 'tags', label: 'Nhãn', widget: 'tags', noun: 'nhãn', hint: 'Để phân loại và tìm lại, ví dụ: hộ tịch, VNeID, thái độ phục vụ. Gõ nhãn rồi bấm Enter hoặc nút “Thêm”.' }, r.tags, opts),
    state: widget({ name: 'state', label: 'Trạng thái xử lý', widget: 'select', vocab: 'feedbackStates' }, r.state, opts),
    answer: widget({ name: 'answer', label: 'Trả lời người dân', widget: 'textarea', rows: 5, hint: 'Nội dung đã trả lời, hoặc cách đã trả lời (gọi điện, gửi thư…). Hệ thống ghi lại người trả lời và thời điểm.' }, r.answer, opts),
    answerOffice: widget({ name: 'answerOffice', label: 'Cơ quan, bộ phận trả lời', widget: 'text', hint: 'Hiện cùng câu trả lời khi người dân tra cứu bằng mã tiếp nhận và trên trang Hỏi – đáp.' }, r.answerOffice, opts),
  };
  if (r.publishConsent) {
    w.published = widget({ name: 'published', label: 'Đăng câu hỏi và câu trả lời lên trang Hỏi – đáp', widget: 'bool', hint: 'Người gửi đã đồng ý công khai. Họ tên, số điện thoại, thư điện tử không bao giờ được đăng.' }, !!r.published, opts);
  }
  const answered = r.answeredAt
    ? h('p', { class: 'hint answered' }, `Trả lời lần cuối: ${shortActor(r.answeredBy || '')}, ${formatDateTime(r.answeredAt)}.`)
    : null;
  const form = h('form', { class: 'record-form', novalidate: true, onsubmit: save },
    w.tags.el, w.state.el, w.answer.el, w.answerOffice.el, answered,
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

  async function save(e) {
    e.preventDefault();
    summary.replaceChildren();
    for (const x of Object.values(w)) x.setError('');
    const body = { tags: w.tags.get(), state: w.state.get(), answer: w.answer.get(), answerOffice: w.answerOffice.get() };
    if (w.published) body.published = w.published.get();
    const problems = [];
    if (!body.state) problems.push(flag(w.state, 'Hãy chọn trạng thái.', 'Trạng thái xử lý: Hãy chọn trạng thái.'));
    if (body.tags.length > 10) problems.push(flag(w.tags, 'Tối đa 10 nhãn.', 'Nhãn: Tối đa 10 nhãn.'));
    if (body.tags.some((t) => [...t].length > 50)) problems.push(flag(w.tags, 'Mỗi nhãn tối đa 50 ký tự.', 'Nhãn: Mỗi nhãn tối đa 50 ký tự.'));
    if (problems.length) return show(problems);
    try {
      await update('feedback', r.id, body);
    } catch (ex) {
      const names = { tags: 'Nhãn', state: 'Trạng thái xử lý', answer: 'Trả lời người dân', answerOffice: 'Cơ quan trả lời', published: 'Đăng lên Hỏi – đáp' };
      const items = serverProblems(ex, (f, m) => (w[f] ? flag(w[f], m, `${names[f]}: ${m}`) : null));
      if (!items.length) items.push({ text: ex.message });
      return show(items, ex.status === 403 ? 'Không được phép' : 'Chưa lưu được');
    }
    initial = keyOf();
    setDirtyCheck(null);
    setFlash(body.answer && body.answer !== r.answer ? 'Đã lưu câu trả lời.' : 'Đã lưu.');
    navigate(listURL() + r.id, { replace: true, force: true });
  }
  function show(items, title = 'Chưa lưu được: có lỗi cần sửa') {
    showSummary(summary, items, title, { scroll: false });
  }
}
