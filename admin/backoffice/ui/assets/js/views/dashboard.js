// @ts-check
// The dashboard staff open every morning: their drafts, what waits for
// review, what is scheduled, what was published lately, and the state of
// the public site's last build with a button to rebuild it; the cards of
// the award process and the citizens' voice (dashboard-cards.js).

/**
 * @import { PublicRecord } from '../types.js'
 * @import { BuildReport, DeployReport, SiteStatus } from '../answers.js'
 * @import { Card } from '../ui-types.js'
 */

import { list, request, auth, asApiError } from '../api.js';
import { h, fill, $, formatDateTime, formatNumber, vnYear } from '../util.js';
import { collections, titleOf, statusText, statusClass } from '../schema.js';
import { canSee, canRebuild, editable, can, isReviewer, isReporter } from '../roles.js';
import { PATHS } from '../process.js';
import { box, loadWaitingNominations, loadReportsSummary, loadUnitNominations, loadUnitReport, loadNewFeedback } from './dashboard-cards.js';
import { BASE, setTitle, takeFlash } from '../nav.js';
import { shortActor } from '../components/actor.js';
import { loadOverdue } from './late.js';
import { loadNotices } from './notices.js';
import { opsNotices } from './ops-notices.js';

const WORKFLOW = ['articles', 'guides', 'documents', 'initiatives', 'honorees', 'awards', 'units', 'indicators'];

/**
 * renderDashboard shows the dashboard of the person signed in.
 * @param {HTMLElement} el
 */
export async function renderDashboard(el) {
  setTitle('Tổng quan');
  const flash = takeFlash();
  const r = auth.record;
  if (!r) return;
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
  /** @type {HTMLElement[]} */
  const process = [];
  /** @type {Promise<void>[]} */
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
  const ops = isReviewer() ? opsNotices(loaders) : null;
  const quick = mine.slice(0, 4).map((n) => h('li', {}, h('a', { class: 'btn btn-secondary', href: `${BASE}${collections[n].path}/moi` }, collections[n].newLabel)));
  if (isReporter() && auth.unit) quick.unshift(h('li', {}, h('a', { class: 'btn btn-secondary', href: `${BASE}${PATHS.nominations}/moi` }, 'Lập hồ sơ đề nghị')));

  fill(el,
    h('h1', {}, 'Tổng quan'),
    h('p', { class: 'lead' }, `Xin chào ${r.name || r.email}.`),
    flash ? h('div', { class: `notice notice-${flash.kind}`, role: 'status' }, flash.text) : null,
    ops,
    quick.length ? h('div', { class: 'quick' }, h('h2', { class: 'visually-hidden' }, 'Thêm mới'),
      h('ul', { class: 'quick-list' }, quick)) : null,
    h('div', { class: 'cards' }, process, sections.drafts.el, sections.review.el, sections.scheduled.el, sections.recent.el, build));

  // Who saved a record last is a protected field, which the API does not
  // search: the latest drafts are fetched and one's own kept.
  const email = auth.email;
  const mineOnly = (/** @type {PublicRecord} */ x) => ['(' + email + ',', '(' + email + ')', '<' + email + '>'].some((s) => String(x.updatedBy || '').includes(s));
  await Promise.all([
    loadSection(sections.drafts, mine, `status = 'draft'`, '-updated', 'updated', mineOnly),
    loadSection(sections.review, colls, `status = 'review'`, '-updated', 'updated'),
    loadSection(sections.scheduled, colls, `status = 'published' && publishAt > @now`, 'publishAt', 'publishAt'),
    loadSection(sections.recent, colls, `status = 'published' && publishAt <= @now`, '-publishAt', 'publishAt'),
    loadBuild(build),
    ...loaders,
  ]);
}

/**
 * loadSection lists the records of colls matching filter, newest first by
 * sort; keep, if given, picks among the latest 100 of each collection.
 * @param {Card} sec
 * @param {string[]} colls
 * @param {string} filter
 * @param {string} sort
 * @param {'updated' | 'publishAt'} dateField
 * @param {(r: PublicRecord) => boolean} [keep]
 */
async function loadSection(sec, colls, filter, sort, dateField, keep) {
  if (!colls.length) {
    fill(sec.body, h('p', { class: 'muted' }, sec.empty));
    return;
  }
  const results = await Promise.all(colls.map((name) => list(name, {
    filter, sort, perPage: keep ? 100 : 6, expand: collections[name].expand || '',
  }).then((res) => res.items.filter(keep || (() => true)).map((x) => ({ name, r: x, total: res.totalItems })))
    .catch(() => /** @type {{ name: string, r: PublicRecord, total: number }[]} */ ([]))));
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

/**
 * loadBuild fills the card of the public site: how its builds stand, and
 * the button that asks for one.
 * @param {HTMLElement} section
 */
async function loadBuild(section) {
  const title = $(section, 'h2');
  /** @type {SiteStatus} */
  let st;
  try {
    st = /** @type {SiteStatus} */ (await request('GET', '/api/site/status'));
  } catch (ex) {
    const e = asApiError(ex);
    fill(section, title, h('p', { class: 'muted' }, e.status === 403 || e.status === 401
      ? 'Tài khoản của bạn chưa xem được trạng thái dựng trang.'
      : `Không đọc được trạng thái dựng trang: ${e.message}`));
    return;
  }
  const last = st.last;
  /** @type {[string, string | Node][]} */
  const rows = [];
  if (st.building) rows.push(['Hiện tại', 'Đang dựng lại trang…']);
  if (last) {
    rows.push(['Lần dựng gần nhất', `${formatDateTime(last.started)}${last.reason ? ` (${last.reason})` : ''}`]);
    rows.push(['Kết quả', last.error ? h('strong', { class: 'text-error' }, 'Lỗi') : 'Thành công']);
    if (last.error && st.failingSince) rows.push(['Lỗi liên tục từ', h('strong', { class: 'text-error' }, `${formatDateTime(st.failingSince)}: những gì lưu từ lúc đó chưa lên trang`)]);
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
    onclick: async (e) => {
      const btn = e.currentTarget;
      btn.disabled = true;
      msg.textContent = 'Đang gửi yêu cầu…';
      try {
        await request('POST', '/api/site/rebuild');
        msg.textContent = 'Đã yêu cầu dựng lại trang. Trạng thái sẽ cập nhật sau ít giây.';
        setTimeout(() => loadBuild(section), 4000);
      } catch (ex) {
        msg.textContent = asApiError(ex).message;
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
    last && last.warnings ? h('details', {}, h('summary', {}, `Cảnh báo khi dựng trang (${last.warnings.split('\n').length})`),
      h('ul', { class: 'build-warnings' }, last.warnings.split('\n').map((w) => h('li', {}, w)))) : null,
    btn, msg,
    h('p', {}, h('a', { href: '/', target: '_blank', rel: 'noopener' }, 'Mở trang công khai', h('span', { class: 'visually-hidden' }, ' (thẻ mới)'))));
}

/**
 * missingFiles lists the files records name that the portal's storage
 * lacks (a deploy waits for them), each with a link to its record.
 * @param {NonNullable<DeployReport['missingFiles']>} files
 */
function missingFiles(files) {
  return h('ul', {}, files.map((m) => {
    const c = collections[m.collection];
    return h('li', {}, `Tệp “${m.file}” của ${c ? c.one : m.collection} “${m.title || m.id}”`,
      c ? ' · ' : null, c ? h('a', { href: `${BASE}${c.path}/${m.id}` }, 'Mở để tải lại tệp') : null);
  }));
}

/**
 * buildProblems lists what the last build left out of the site (a
 * record's image that is damaged…), each with a link to fix its record.
 * @param {NonNullable<BuildReport['problems']>} problems
 */
function buildProblems(problems) {
  return h('div', { class: 'notice notice-warning' },
    h('p', { class: 'notice-title' }, `Các trang vẫn được đưa lên, nhưng còn ${formatNumber(problems.length)} chỗ cần sửa:`),
    h('ul', {}, problems.map((p) => {
      const c = p.id && collections[p.collection];
      return h('li', {}, p.message, c ? ' ' : null, c ? h('a', { href: `${BASE}${c.path}/${p.id}` }, `Sửa ${c.one} “${p.title || p.id}”`) : null);
    })));
}
