// @ts-check
// Yearly reports of the movement's results (báo cáo năm): each
// unit's reporter writes the year's report (a text in Markdown with the
// live preview, and the key numbers) and files it before the deadline;
// reviewers see, for a year, which units have filed and which have not,
// with totals across those that did, and read each report.

/**
 * @import { PortalConfig, ReportNumber } from '../types.js'
 * @import { ReportsSummary } from '../answers.js'
 * @import { RouteCtx } from '../ui-types.js'
 * @import { ApiError } from '../api.js'
 * @import { Child } from '../dom.js'
 */

import { list, request, auth, asApiError } from '../api.js';
import { h, fill, $, formatDateTime, formatNumber, percent, vnYear, q } from '../util.js';
import { can, isReviewer } from '../roles.js';
import { setInvalid } from '../forms/field.js';
import { BASE, navigate, setTitle, takeFlash, flashNotice } from '../nav.js';
import { filterTo } from '../components/list.js';
import { remindButton, remindedToday } from '../components/remind.js';
import { PATHS, loadConfig, deadline, openYear, futureYear, reportBadge } from '../process.js';

export const PATH = PATHS.reports;
export const TITLE = 'Báo cáo năm';
export const listURL = () => BASE + PATH + '/';

export const MD_HINT = 'Viết theo Markdown: ## Tiêu đề mục, **chữ đậm**, - đầu dòng danh sách. Không dùng mã HTML. Nên có: kết quả thực hiện các nội dung thi đua, mô hình và sáng kiến đã áp dụng, hạn chế và phương hướng năm sau.';

/**
 * The key numbers of a report, in the order staff read them: whole
 * numbers (int) or percentages (pct).
 * @type {{ name: ReportNumber, label: string, short: string, int?: boolean, pct?: boolean }[]}
 */
export const NUMBERS = [
  { name: 'dossiers', label: 'Số hồ sơ thủ tục hành chính đã tiếp nhận', short: 'Hồ sơ TTHC', int: true },
  { name: 'onTimeRate', label: 'Tỷ lệ hồ sơ giải quyết đúng hạn, trước hạn (%)', short: 'Đúng hạn', pct: true },
  { name: 'onlineRate', label: 'Tỷ lệ hồ sơ trực tuyến toàn trình (%)', short: 'Trực tuyến', pct: true },
  { name: 'satisfaction', label: 'Mức độ hài lòng của người dân, tổ chức (%)', short: 'Hài lòng', pct: true },
  { name: 'initiativesApplied', label: 'Số mô hình, sáng kiến được áp dụng', short: 'Sáng kiến', int: true },
  { name: 'trainings', label: 'Số buổi tập huấn, tuyên truyền', short: 'Tập huấn', int: true },
];

/**
 * noAccess says who works with yearly reports, to one who may not.
 * @param {HTMLElement} el
 */
export function noAccess(el) {
  setTitle(TITLE);
  fill(el, h('h1', {}, TITLE),
    h('p', {}, 'Chỉ cán bộ thẩm định Phòng Văn hóa – Xã hội và cán bộ đầu mối của các đơn vị làm việc với báo cáo năm.'),
    h('p', {}, h('a', { href: BASE }, 'Về trang tổng quan')));
}

/**
 * reportDeadlineNotice says where the deadline of year's report stands.
 * @param {PortalConfig} config
 * @param {number} year
 */
export function reportDeadlineNotice(config, year) {
  const d = deadline(config, year);
  if (!d.closed) {
    return h('p', { class: 'notice notice-info deadline' },
      `Hạn nộp báo cáo năm ${year}: hết ngày ${d.text}`, d.days <= 60 ? ` (còn ${formatNumber(Math.max(d.days, 0))} ngày).` : '.');
  }
  return h('div', { class: 'notice notice-warning deadline deadline-closed' },
    h('p', { class: 'notice-title' }, `Đã hết hạn nộp báo cáo năm ${year} (hạn cuối ${d.text}).`),
    h('p', {}, isReviewer()
      ? 'Báo cáo đơn vị nộp sau thời hạn này được ghi là nộp muộn để bạn xem xét chấp nhận; bạn có thể gia hạn cho từng đơn vị.'
      : 'Đơn vị vẫn nộp được: báo cáo sẽ được ghi là nộp muộn (kèm số ngày muộn) và Phòng Văn hóa – Xã hội xem xét chấp nhận.'));
}

// ---------------------------------------------------------------- the list

/**
 * renderReports shows a year's reports of every unit (reviewers) or the
 * unit's own reports (its reporter).
 * @param {HTMLElement} el
 * @param {RouteCtx} ctx
 */
export async function renderReports(el, ctx) {
  if (!can.reports()) return noAccess(el);
  return isReviewer() ? renderYearSummary(el, ctx) : renderUnitReports(el);
}

/**
 * renderUnitReports: a unit's reports, for its reporter.
 * @param {HTMLElement} el
 */
async function renderUnitReports(el) {
  setTitle(TITLE);
  const flash = takeFlash();
  const [config, res] = await Promise.all([
    loadConfig(),
    list('unitReports', { perPage: 50, sort: '-year', filter: `unit = ${q(auth.unit)}` }),
  ]);
  const y = openYear(config);
  const has = res.items.find((r) => r.year === y);
  const yearInput = h('input', { id: 'bc-nam', name: 'nam', type: 'text', inputmode: 'numeric', class: 'input-short', value: String(y), autocomplete: 'off', 'aria-describedby': 'bc-nam-error' });
  const yearErr = h('p', { id: 'bc-nam-error', class: 'field-error', hidden: true });
  fill(el,
    h('div', { class: 'page-head' },
      h('h1', {}, TITLE),
      has ? h('a', { class: 'btn', href: listURL() + has.id }, `Mở báo cáo năm ${y}`) : h('a', { class: 'btn', href: `${listURL()}moi?nam=${y}` }, `Lập báo cáo năm ${y}`)),
    flashNotice(flash),
    h('p', { class: 'lead' }, 'Mỗi năm, đơn vị báo cáo kết quả thực hiện phong trào thi đua cải cách hành chính: nội dung và các số liệu chính.'),
    reportDeadlineNotice(config, y),
    res.items.length === 0 ? h('p', { class: 'empty' }, 'Đơn vị chưa có báo cáo nào.')
      : h('table', { class: 'records' },
        h('caption', { class: 'visually-hidden' }, 'Báo cáo năm của đơn vị'),
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, 'Năm'), h('th', { scope: 'col' }, 'Trạng thái'),
          h('th', { scope: 'col' }, 'Ngày nộp'), h('th', { scope: 'col' }, 'Cập nhật'))),
        h('tbody', {}, res.items.map((r) => h('tr', {},
          h('td', { 'data-label': 'Năm' }, h('a', { href: listURL() + r.id }, `Báo cáo năm ${r.year}`)),
          h('td', { 'data-label': 'Trạng thái' }, reportBadge(r.state)),
          h('td', { 'data-label': 'Ngày nộp' }, r.submittedAt ? formatDateTime(r.submittedAt) : '—'),
          h('td', { 'data-label': 'Cập nhật' }, formatDateTime(r.updated), r.updatedBy ? h('span', { class: 'by' }, r.updatedBy.replace(/\s+[<(].*$/, '')) : null))))),
    h('form', { class: 'filters', 'aria-label': 'Lập báo cáo cho năm khác', novalidate: true, onsubmit: other },
      h('div', { class: 'field field-compact' }, h('label', { for: 'bc-nam' }, 'Báo cáo cho năm khác'), yearErr, yearInput),
      h('div', { class: 'filter-actions' }, h('button', { type: 'submit', class: 'btn btn-secondary' }, 'Mở'))));

  /** @param {SubmitEvent} e */
  function other(e) {
    e.preventDefault();
    const n = Number(yearInput.value.trim());
    if (!/^\d{4}$/.test(yearInput.value.trim()) || n < 2000 || n > 2100) {
      setInvalid(yearInput, yearErr, 'Hãy nhập năm gồm bốn chữ số, ví dụ ' + vnYear() + '.');
      yearInput.focus();
      return;
    }
    if (futureYear(n)) {
      setInvalid(yearInput, yearErr, futureYear(n));
      yearInput.focus();
      return;
    }
    const r = res.items.find((x) => x.year === n);
    navigate(r ? listURL() + r.id : `${listURL()}moi?nam=${n}`);
  }
}

/**
 * renderYearSummary, for reviewers: every unit of a year, filed or not,
 * with totals.
 * @param {HTMLElement} el
 * @param {RouteCtx} ctx
 */
async function renderYearSummary(el, { query }) {
  const config = await loadConfig();
  const raw = (query.get('nam') || '').trim();
  const year = /^\d{4}$/.test(raw) ? Number(raw) : vnYear();
  const only = query.get('loc') || '';
  setTitle(`${TITLE} ${year}`);
  const flash = takeFlash();
  /** @type {ReportsSummary | null} */
  let sum = null;
  /** @type {ApiError | null} */
  let error = null;
  /** @type {Record<string, string>} */
  let reminded = {};
  try {
    [sum, reminded] = await Promise.all([
      request('GET', `/api/portal/reports?year=${year}`).then((x) => /** @type {ReportsSummary} */ (x)),
      year <= vnYear() ? remindedToday() : Promise.resolve({}),
    ]);
  } catch (e) {
    error = asApiError(e);
  }
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Chọn năm báo cáo', onsubmit: filterTo(listURL()) },
    h('div', { class: 'field field-compact' }, h('label', { for: 'bc-nam' }, 'Năm'),
      h('input', { id: 'bc-nam', name: 'nam', type: 'text', inputmode: 'numeric', class: 'input-short', value: String(year), autocomplete: 'off' })),
    h('div', { class: 'field field-compact' }, h('label', { for: 'bc-loc' }, 'Hiện'),
      h('select', { id: 'bc-loc', name: 'loc' },
        h('option', { value: '' }, 'Tất cả đơn vị'),
        h('option', { value: 'chua-nop' }, 'Đơn vị chưa nộp'),
        h('option', { value: 'da-nop' }, 'Đơn vị đã nộp'))),
    h('div', { class: 'filter-actions' }, h('button', { type: 'submit', class: 'btn btn-secondary' }, 'Xem')));
  $(form, '#bc-loc', HTMLSelectElement).value = only;

  /** @type {Child} */
  let body;
  if (error || !sum) {
    body = h('div', { class: 'notice notice-error', role: 'alert' }, error ? error.message : '');
  } else {
    const t = sum.totals || {};
    const rows = (sum.units || []).filter((u) => (only === 'chua-nop' ? u.state !== 'submitted' : only === 'da-nop' ? u.state === 'submitted' : true));
    body = [
      h('section', { class: 'totals', 'aria-labelledby': 'tong-hop' },
        h('h2', { id: 'tong-hop' }, `Tổng hợp năm ${year}`),
        h('dl', { class: 'stat-grid' },
          stat('Đơn vị đã nộp', `${formatNumber(t.filed || 0)}/${formatNumber(t.units || 0)}`),
          stat('Đơn vị chưa nộp', formatNumber(t.missing || 0), (t.missing || 0) > 0 && sum.closed ? 'stat-alert' : ''),
          stat('Hồ sơ TTHC tiếp nhận', formatNumber(t.dossiers || 0)),
          stat('Tỷ lệ đúng hạn, trước hạn', t.onTimeRate !== undefined ? percent(t.onTimeRate) : '—'),
          stat('Tỷ lệ trực tuyến toàn trình', t.onlineRate !== undefined ? percent(t.onlineRate) : '—'),
          stat('Mô hình, sáng kiến áp dụng', formatNumber(t.initiativesApplied || 0)),
          stat('Buổi tập huấn, tuyên truyền', formatNumber(t.trainings || 0))),
        h('p', { class: 'hint' }, 'Chỉ tính các báo cáo đã nộp. Tỷ lệ bình quân theo số hồ sơ của từng đơn vị.')),
      rows.length === 0 ? h('p', { class: 'empty' }, only ? 'Không có đơn vị nào khớp với bộ lọc.' : 'Chưa có đơn vị nào.')
        : h('table', { class: 'records report-table' },
          h('caption', { class: 'visually-hidden' }, `Tình hình nộp báo cáo năm ${year} của các đơn vị`),
          h('thead', {}, h('tr', {},
            h('th', { scope: 'col' }, 'Đơn vị'), h('th', { scope: 'col' }, 'Trạng thái'), h('th', { scope: 'col' }, 'Ngày nộp'), h('th', { scope: 'col' }, 'Đúng hạn?'),
            NUMBERS.filter((n) => n.name !== 'satisfaction').map((n) => h('th', { scope: 'col', class: 'num' }, n.short)),
            h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Báo cáo')))),
          h('tbody', {}, rows.map((u) => { const filed = u.state === 'submitted'; return h('tr', { class: filed ? '' : 'row-missing' },
            h('th', { scope: 'row', 'data-label': 'Đơn vị' }, u.unit),
            h('td', { 'data-label': 'Trạng thái' }, reportBadge(u.state === 'missing' ? '' : u.state)),
            h('td', { 'data-label': 'Ngày nộp' }, u.submittedAt || '—'),
            h('td', { 'data-label': 'Đúng hạn?', class: `timeliness timeliness-${u.timeliness}` }, u.timelinessLabel || '—'),
            // A report not filed has no figures yet (a draft's are the unit's own to finish).
            h('td', { 'data-label': 'Hồ sơ TTHC', class: 'num' }, filed ? formatNumber(u.dossiers) : '—'),
            h('td', { 'data-label': 'Đúng hạn', class: 'num' }, filed ? percent(u.onTimeRate) : '—'),
            h('td', { 'data-label': 'Trực tuyến', class: 'num' }, filed ? percent(u.onlineRate) : '—'),
            h('td', { 'data-label': 'Sáng kiến', class: 'num' }, filed ? formatNumber(u.initiativesApplied) : '—'),
            h('td', { 'data-label': 'Tập huấn', class: 'num' }, filed ? formatNumber(u.trainings) : '—'),
            h('td', {}, u.reportId
              ? h('a', { href: listURL() + u.reportId, 'aria-label': `Xem báo cáo năm ${year} của ${u.unit}` }, 'Xem báo cáo')
              : h('a', { href: `${listURL()}moi?nam=${year}&don-vi=${encodeURIComponent(u.unitId)}`, 'aria-label': `Lập thay báo cáo năm ${year} của ${u.unit}` }, 'Lập thay'),
            !filed && u.timeliness !== 'waived' && year <= vnYear() ? [' ', remindButton(u, year, reminded[u.unitId])] : null)); }))),
    ];
  }
  fill(el,
    h('h1', {}, `${TITLE} ${year}`),
    flashNotice(flash),
    reportDeadlineNotice(config, year),
    form,
    body);
}

/**
 * stat is a number in the grid of key numbers.
 * @param {string} name
 * @param {string} value
 */
export function stat(name, value, cls = '') {
  return h('div', { class: `stat ${cls}`.trim() }, h('dt', {}, name), h('dd', {}, value));
}

// ---------------------------------------------------------------- one report
