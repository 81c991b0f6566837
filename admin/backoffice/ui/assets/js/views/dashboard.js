// @ts-check
// The dashboard staff open every morning: their drafts, what waits for
// review, what is scheduled, what was published lately, and the state of
// the public site's last build with a button to rebuild it.

import { list, request, auth } from '../api.js';
import { h, fill, formatDateTime, formatNumber, q, vnYear } from '../util.js';
import { collections, titleOf, statusText, statusClass, label } from '../schema.js';
import { canSee, canRebuild, editable, can, isReviewer, isReporter } from '../roles.js';
import { PATHS, loadConfig, deadline, openYear, nomineeName, nominationBadge, reportBadge } from '../process.js';
import { feedbackGist } from './feedback.js';
import { BASE, setTitle, takeFlash } from '../nav.js';
import { shortActor } from '../components/actor.js';
import { loadOverdue } from './late.js';
import { loadNotices } from './notices.js';

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

  // The award process and the citizens' voice, by role.
  const process = [];
  const loaders = [];
  if (isReviewer()) {
    const noms = box('ho-so-cho', 'Hồ sơ đề nghị chờ xử lý', 'Không có hồ sơ nào chờ xử lý.');
    const reps = box('bao-cao-nam-nay', `Báo cáo năm ${vnYear()}`, '');
    process.push(noms.el, reps.el);
    loaders.push(loadWaitingNominations(noms), loadReportsSummary(reps));
  }
  if (isReporter() && auth.unit) {
    const noms = box('ho-so-don-vi', 'Hồ sơ đề nghị của đơn vị', 'Đơn vị chưa có hồ sơ đề nghị nào.');
    const reps = box('bao-cao-don-vi', 'Báo cáo năm của đơn vị', '');
    process.push(noms.el, reps.el);
    loaders.push(loadUnitNominations(noms), loadUnitReport(reps));
  }
  const notices = box('thong-bao', 'Thông báo', 'Không có thông báo mới.');
  process.unshift(notices.el);
  loaders.push(loadNotices(notices));
  if (isReviewer() || (isReporter() && auth.unit)) {
    const overdue = box('qua-han', 'Báo cáo quá hạn các năm trước', '');
    process.push(overdue.el);
    loaders.push(loadOverdue(overdue));
  }
  if (can.feedback()) {
    const fb = box('y-kien-moi', 'Ý kiến người dân mới', 'Không có ý kiến mới nào.');
    process.push(fb.el);
    loaders.push(loadNewFeedback(fb));
  }
  const quick = mine.slice(0, 4).map((n) => h('li', {}, h('a', { class: 'btn btn-secondary', href: `${BASE}${collections[n].path}/moi` }, collections[n].newLabel)));
  if (isReporter() && auth.unit) quick.unshift(h('li', {}, h('a', { class: 'btn btn-secondary', href: `${BASE}${PATHS.nominations}/moi` }, 'Lập hồ sơ đề nghị')));

  fill(el,
    h('h1', {}, 'Tổng quan'),
    h('p', { class: 'lead' }, `Xin chào ${r.name || r.email}.`),
    flash ? h('div', { class: `notice notice-${flash.kind}`, role: 'status' }, flash.text) : null,
    quick.length ? h('div', { class: 'quick' }, h('h2', { class: 'visually-hidden' }, 'Thêm mới'),
      h('ul', { class: 'quick-list' }, quick)) : null,
    h('div', { class: 'cards' }, process, sections.drafts.el, sections.review.el, sections.scheduled.el, sections.recent.el, build));

  // Who saved a record last is a protected field, which the API does not
  // search: the latest drafts are fetched and one's own kept.
  const email = auth.email;
  const mineOnly = (x) => ['(' + email + ',', '(' + email + ')', '<' + email + '>'].some((s) => String(x.updatedBy || '').includes(s));
  const queries = [
    [sections.drafts, mine, `status = 'draft'`, '-updated', 'updated', mineOnly],
    [sections.review, colls, `status = 'review'`, '-updated', 'updated'],
    [sections.scheduled, colls, `status = 'published' && publishAt > @now`, 'publishAt', 'publishAt'],
    [sections.recent, colls, `status = 'published' && publishAt <= @now`, '-publishAt', 'publishAt'],
  ];
  await Promise.all([
    ...queries.map(([sec, cs, filter, sort, dateField, keep]) => loadSection(sec, cs, filter, sort, dateField, keep)),
    loadBuild(build),
    ...loaders,
  ]);
}

// ---- the award process and the citizens' voice

// (functions: BASE is not set yet while the modules load)
const NOM = () => `${BASE}${PATHS.nominations}/`;
const REP = () => `${BASE}${PATHS.reports}/`;
const FB = () => `${BASE}${PATHS.feedback}/`;

function failed(sec, e) {
  fill(sec.body, h('p', { class: 'muted' }, `Không tải được: ${e.message}`));
}

function nominationItems(items) {
  return h('ul', { class: 'mini-list' }, items.map((n) => h('li', {},
    h('a', { href: NOM() + n.id }, nomineeName(n)),
    h('span', { class: 'mini-meta' },
      n.expand && n.expand.unit ? h('span', { class: 'kind' }, n.expand.unit.name) : null,
      n.expand && n.expand.unit ? ' · ' : '',
      nominationBadge(n.state), ' · ', `năm ${n.year}`, ' · ', formatDateTime(n.submittedAt || n.updated)))));
}

async function loadWaitingNominations(sec) {
  try {
    const [waiting, council] = await Promise.all([
      list('nominations', { filter: `state = 'submitted'`, sort: 'submittedAt', perPage: 5, expand: 'nominee,unit' }),
      list('nominations', { filter: `state = 'forwarded'`, perPage: 1, fields: 'id' }),
    ]);
    fill(sec.body,
      h('p', { class: 'big-count' }, h('strong', {}, formatNumber(waiting.totalItems)), ' hồ sơ đã nộp chờ xem xét',
        council.totalItems ? `, ${formatNumber(council.totalItems)} hồ sơ đang trình Hội đồng` : '', '.'),
      waiting.items.length ? nominationItems(waiting.items) : null,
      h('p', { class: 'card-more' }, h('a', { href: `${NOM()}?trang-thai=submitted` }, waiting.totalItems ? 'Xem các hồ sơ chờ xử lý' : 'Xem tất cả hồ sơ đề nghị')));
  } catch (e) { failed(sec, e); }
}

async function loadReportsSummary(sec) {
  const y = vnYear();
  try {
    const st = await request('GET', `/api/portal/reports?year=${y}`);
    const t = st.totals || {};
    fill(sec.body,
      h('p', { class: 'big-count' }, h('strong', {}, formatNumber(t.missing || 0)), ` trong ${formatNumber(t.units || 0)} đơn vị chưa nộp báo cáo năm ${y}.`),
      h('p', { class: st.closed && t.missing ? 'text-warning' : '' }, st.closed
        ? `Đã quá hạn nộp (hết ngày ${st.deadline}).`
        : `Hạn nộp: hết ngày ${st.deadline}.`),
      h('p', { class: 'card-more' }, h('a', { href: `${REP()}?nam=${y}${t.missing ? '&loc=chua-nop' : ''}` }, t.missing ? 'Xem các đơn vị chưa nộp' : 'Xem các báo cáo')));
  } catch (e) { failed(sec, e); }
}

async function loadUnitNominations(sec) {
  try {
    const [recent, returned] = await Promise.all([
      list('nominations', { sort: '-updated', perPage: 5, expand: 'nominee' }),
      list('nominations', { filter: `state = 'returned'`, perPage: 1, fields: 'id' }),
    ]);
    if (!recent.totalItems) {
      fill(sec.body, h('p', { class: 'muted' }, sec.empty), h('p', { class: 'card-more' }, h('a', { href: `${NOM()}moi` }, 'Lập hồ sơ đề nghị')));
      return;
    }
    fill(sec.body,
      returned.totalItems ? h('p', { class: 'text-warning' }, h('strong', {}, `${formatNumber(returned.totalItems)} hồ sơ được trả lại để bổ sung.`)) : null,
      nominationItems(recent.items),
      h('p', { class: 'card-more' }, h('a', { href: NOM() }, `Xem tất cả ${formatNumber(recent.totalItems)} hồ sơ`)));
  } catch (e) { failed(sec, e); }
}

async function loadUnitReport(sec) {
  try {
    const config = await loadConfig();
    const y = openYear(config);
    const d = deadline(config, y);
    const res = await list('unitReports', { filter: `unit = ${q(auth.unit)} && year = ${y}`, perPage: 1 });
    const r = res.items[0];
    const title = sec.el.querySelector('h2');
    title.textContent = `Báo cáo năm ${y} của đơn vị`;
    fill(sec.body,
      h('p', {}, reportBadge(r ? r.state : ''), r && r.submittedAt ? ` Nộp lúc ${formatDateTime(r.submittedAt)}.` : ''),
      h('p', {}, `Hạn nộp: hết ngày ${d.text}`, !d.closed && d.days <= 60 ? ` (còn ${formatNumber(d.days)} ngày).` : '.'),
      h('p', { class: 'card-more' }, h('a', { href: r ? REP() + r.id : `${REP()}moi?nam=${y}` }, r ? (r.state === 'submitted' ? 'Xem báo cáo' : 'Viết tiếp báo cáo') : `Lập báo cáo năm ${y}`)));
  } catch (e) { failed(sec, e); }
}

async function loadNewFeedback(sec) {
  try {
    const res = await list('feedback', { filter: `state = 'moi'`, sort: '-created', perPage: 5 });
    if (!res.totalItems) {
      fill(sec.body, h('p', { class: 'muted' }, sec.empty), h('p', { class: 'card-more' }, h('a', { href: FB() }, 'Xem hàng đợi ý kiến')));
      return;
    }
    fill(sec.body,
      h('p', { class: 'big-count' }, h('strong', {}, formatNumber(res.totalItems)), ' ý kiến mới chưa xử lý.'),
      h('ul', { class: 'mini-list' }, res.items.map((x) => h('li', {},
        h('a', { href: FB() + x.id }, `${x.refCode}: ${feedbackGist(x)}`),
        h('span', { class: 'mini-meta' }, h('span', { class: 'kind' }, label('feedbackKinds', x.kind)), ' · ', formatDateTime(x.created))))),
      h('p', { class: 'card-more' }, h('a', { href: `${FB()}?trang-thai=moi` }, 'Xem các ý kiến mới')));
  } catch (e) { failed(sec, e); }
}

function box(id, title, empty) {
  const body = h('div', {}, h('p', { class: 'muted' }, 'Đang tải…'));
  const el = h('section', { class: 'card', 'aria-labelledby': id }, h('h2', { id }, title), body);
  return { el, body, empty };
}

// loadSection lists the records of colls matching filter, newest first by
// sort; keep, if given, picks among the latest 100 of each collection.
async function loadSection(sec, colls, filter, sort, dateField, keep) {
  if (!colls.length) {
    fill(sec.body, h('p', { class: 'muted' }, sec.empty));
    return;
  }
  const results = await Promise.all(colls.map((name) => list(name, {
    filter, sort, perPage: keep ? 100 : 6, expand: collections[name].expand || '',
  }).then((res) => res.items.filter(keep || (() => true)).map((x) => ({ name, r: x, total: res.totalItems })))
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
  const dep = st.deploy;
  if (dep) {
    rows.push(['Xuất bản lên kho/CDN', dep.error
      ? h('strong', { class: 'text-error' }, `${dep.refused ? 'Tạm dừng' : 'Lỗi'} lúc ${formatDateTime(dep.started)}`)
      : `Thành công lúc ${formatDateTime(dep.started)} (tải lên ${formatNumber(dep.uploaded || 0)} tệp, xóa ${formatNumber(dep.deleted || 0)} tệp)`]);
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
    last && last.error ? h('div', { class: 'notice notice-error' }, h('p', { class: 'notice-title' }, 'Lỗi của lần dựng gần nhất:'), h('p', {}, last.error)) : null,
    dep && dep.error ? h('div', { class: 'notice notice-error' }, h('p', { class: 'notice-title' }, dep.refused ? 'Chưa xuất bản lên kho/CDN:' : 'Lỗi của lần xuất bản gần nhất lên kho/CDN:'), h('p', {}, dep.error),
      dep.missingFiles && dep.missingFiles.length ? missingFiles(dep.missingFiles) : null) : null,
    last && last.problems && last.problems.length ? buildProblems(last.problems) : null,
    last && last.warnings ? h('details', {}, h('summary', {}, 'Cảnh báo kỹ thuật (dành cho bộ phận kỹ thuật)'), h('pre', { class: 'build-error' }, last.warnings)) : null,
    btn, msg,
    h('p', {}, h('a', { href: '/', target: '_blank', rel: 'noopener' }, 'Mở trang công khai', h('span', { class: 'visually-hidden' }, ' (thẻ mới)'))));
}

// missingFiles lists the files records name that the portal's storage
// lacks (a deploy waits for them), each with a link to its record.
function missingFiles(files) {
  return h('ul', {}, files.map((m) => {
    const c = collections[m.collection];
    return h('li', {}, `Tệp “${m.file}” của ${c ? c.one : m.collection} “${m.title || m.id}”`,
      c ? ' · ' : null, c ? h('a', { href: `${BASE}${c.path}/${m.id}` }, 'Mở để tải lại tệp') : null);
  }));
}

// buildProblems lists what the last build left out of the site (a
// record's image that is damaged…), each with a link to fix its record.
function buildProblems(problems) {
  return h('div', { class: 'notice notice-warning' },
    h('p', { class: 'notice-title' }, `Các trang vẫn được đưa lên, nhưng còn ${formatNumber(problems.length)} chỗ cần sửa:`),
    h('ul', {}, problems.map((p) => {
      const c = p.id && collections[p.collection];
      return h('li', {}, p.message, c ? ' ' : null, c ? h('a', { href: `${BASE}${c.path}/${p.id}` }, `Sửa ${c.one} “${p.title || p.id}”`) : null);
    })));
}
