// The dashboard staff open every morning: their drafts, what waits for
// review, what is scheduled, what was published lately, and the state of
// the public site's last build with a button to rebuild it.

import { list, request, auth } from '../api.js';
import { h, fill, formatDateTime, formatNumber, q } from '../util.js';
import { collections, titleOf, statusText, statusClass } from '../schema.js';
import { canSee, canRebuild, editable } from '../roles.js';
import { BASE, setTitle, takeFlash } from '../main.js';
import { shortActor } from './list.js';

const WORKFLOW = ['articles', 'guides', 'initiatives', 'honorees', 'awards', 'units', 'indicators'];

export async function renderDashboard(el) {
  setTitle('Tổng quan');
  const flash = takeFlash();
  const r = auth.record;
  const colls = WORKFLOW.filter(canSee);
  const mine = editable();

  const sections = {
    drafts: box('ban-nhap', 'Bản nháp của tôi', 'Bạn chưa có bản nháp nào.'),
    review: box('cho-duyet', 'Chờ duyệt', 'Không có mục nào chờ duyệt.'),
    scheduled: box('hen-gio', 'Hẹn giờ xuất bản', 'Không có mục nào hẹn giờ.'),
    recent: box('moi-xuat-ban', 'Mới xuất bản', 'Chưa có mục nào được xuất bản.'),
  };
  const build = h('section', { class: 'card card-build', 'aria-labelledby': 'dung-trang' }, h('h2', { id: 'dung-trang' }, 'Trang web công khai'), h('p', { class: 'muted' }, 'Đang tải…'));

  fill(el,
    h('h1', {}, 'Tổng quan'),
    h('p', { class: 'lead' }, `Xin chào ${r.name || r.email}.`),
    flash ? h('div', { class: `notice notice-${flash.kind}`, role: 'status' }, flash.text) : null,
    mine.length ? h('div', { class: 'quick' }, h('h2', { class: 'visually-hidden' }, 'Thêm mới'),
      h('ul', { class: 'quick-list' }, mine.slice(0, 4).map((n) => h('li', {}, h('a', { class: 'btn btn-secondary', href: `${BASE}${collections[n].path}/moi` }, collections[n].newLabel))))) : null,
    h('div', { class: 'cards' }, sections.drafts.el, sections.review.el, sections.scheduled.el, sections.recent.el, build));

  const email = auth.email;
  const queries = [
    [sections.drafts, mine, `status = 'draft' && (updatedBy ~ ${q('(' + email + ',')} || updatedBy ~ ${q('(' + email + ')')} || updatedBy ~ ${q('<' + email + '>')})`, '-updated', 'updated'],
    [sections.review, colls, `status = 'review'`, '-updated', 'updated'],
    [sections.scheduled, colls, `status = 'published' && publishAt > @now`, 'publishAt', 'publishAt'],
    [sections.recent, colls, `status = 'published' && publishAt <= @now`, '-publishAt', 'publishAt'],
  ];
  await Promise.all([
    ...queries.map(([sec, cs, filter, sort, dateField]) => loadSection(sec, cs, filter, sort, dateField)),
    loadBuild(build),
  ]);
}

function box(id, title, empty) {
  const body = h('div', {}, h('p', { class: 'muted' }, 'Đang tải…'));
  const el = h('section', { class: 'card', 'aria-labelledby': id }, h('h2', { id }, title), body);
  return { el, body, empty };
}

async function loadSection(sec, colls, filter, sort, dateField) {
  if (!colls.length) {
    fill(sec.body, h('p', { class: 'muted' }, sec.empty));
    return;
  }
  const results = await Promise.all(colls.map((name) => list(name, {
    filter, sort, perPage: 6, expand: collections[name].expand || '',
  }).then((res) => res.items.map((x) => ({ name, r: x, total: res.totalItems })))
    .catch(() => [])));
  const all = results.flat();
  const desc = sort.startsWith('-');
  all.sort((a, b) => {
    const x = a.r[dateField] || '';
    const y = b.r[dateField] || '';
    return desc ? y.localeCompare(x) : x.localeCompare(y);
  });
  const shown = all.slice(0, 8);
  if (!shown.length) {
    fill(sec.body, h('p', { class: 'muted' }, sec.empty));
    return;
  }
  fill(sec.body, h('ul', { class: 'mini-list' }, shown.map(({ name, r }) => {
    const c = collections[name];
    return h('li', {},
      h('a', { href: `${BASE}${c.path}/${r.id}` }, titleOf(name, r)),
      h('span', { class: 'mini-meta' },
        h('span', { class: 'kind' }, c.title),
        ' · ',
        h('span', { class: `badge badge-${statusClass(r)}` }, statusText(r)),
        ' · ',
        dateField === 'publishAt' ? formatDateTime(r.publishAt) : formatDateTime(r.updated),
        r.updatedBy && dateField !== 'publishAt' ? ` · ${shortActor(r.updatedBy)}` : ''));
  })));
}

async function loadBuild(section) {
  const title = section.querySelector('h2');
  let st;
  try {
    st = await request('GET', '/api/site/status');
  } catch (e) {
    fill(section, title, h('p', { class: 'muted' }, e.status === 403 || e.status === 401
      ? 'Tài khoản của bạn chưa xem được trạng thái dựng trang.'
      : `Không đọc được trạng thái dựng trang: ${e.message}`));
    return;
  }
  const last = st.last;
  const rows = [];
  if (st.building) rows.push(['Hiện tại', 'Đang dựng lại trang…']);
  if (last) {
    rows.push(['Lần dựng gần nhất', `${formatDateTime(last.started)}${last.reason ? ` (${last.reason})` : ''}`]);
    rows.push(['Kết quả', last.error ? h('strong', { class: 'text-error' }, 'Lỗi') : 'Thành công']);
    rows.push(['Số trang', formatNumber(last.pages || 0)]);
    if (last.durationMs !== undefined) rows.push(['Thời gian dựng', `${(last.durationMs / 1000).toFixed(1).replace('.', ',')} giây`]);
    if (last.nextPublish && !String(last.nextPublish).startsWith('0001')) rows.push(['Lần xuất bản hẹn giờ tới', formatDateTime(last.nextPublish)]);
  } else {
    rows.push(['Lần dựng gần nhất', 'Chưa có']);
  }
  if (last && last.error && st.lastSuccess) {
    rows.push(['Trang đang chạy', `Bản dựng lúc ${formatDateTime(st.lastSuccess.started)} (bản tốt gần nhất)`]);
  }
  const msg = h('p', { role: 'status', class: 'build-msg' });
  const btn = canRebuild() ? h('button', {
    type: 'button', class: 'btn btn-secondary',
    onclick: async () => {
      btn.disabled = true;
      msg.textContent = 'Đang gửi yêu cầu…';
      try {
        await request('POST', '/api/site/rebuild');
        msg.textContent = 'Đã yêu cầu dựng lại trang. Trạng thái sẽ cập nhật sau ít giây.';
        setTimeout(() => loadBuild(section), 4000);
      } catch (e) {
        msg.textContent = e.message;
        btn.disabled = false;
      }
    },
  }, 'Dựng lại trang') : null;
  fill(section, title,
    h('dl', { class: 'state state-compact' }, rows.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v)))),
    last && last.error ? h('div', { class: 'notice notice-error' }, h('p', { class: 'notice-title' }, 'Lỗi của lần dựng gần nhất:'), h('pre', { class: 'build-error' }, last.error)) : null,
    last && last.warnings ? h('details', {}, h('summary', {}, 'Cảnh báo'), h('pre', { class: 'build-error' }, last.warnings)) : null,
    btn, msg,
    h('p', {}, h('a', { href: '/', target: '_blank', rel: 'noopener' }, 'Mở trang công khai', h('span', { class: 'visually-hidden' }, ' (thẻ mới)'))));
}
