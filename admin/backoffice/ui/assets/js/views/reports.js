// Yearly reports of the movement's results (báo cáo năm), issue 6: each
// unit's reporter writes the year's report (a text in Markdown with the
// live preview, and the key numbers) and files it before the deadline;
// reviewers see, for a year, which units have filed and which have not,
// with totals across those that did, and read each report.

import { list, view, create, update, request, auth } from '../api.js';
import { h, fill, formatDateTime, formatNumber, percent, vnYear, q } from '../util.js';
import { label } from '../schema.js';
import { can, isReviewer, isReporter } from '../roles.js';
import { widget } from '../forms/widget.js';
import { errorSummary, setInvalid } from '../forms/field.js';
import { sanitize } from '../forms/sanitize.js';
import { BASE, navigate, setTitle, setDirtyCheck, setFlash, takeFlash } from '../nav.js';
import { PATHS, loadConfig, deadline, openYear, reportBadge, crumbs } from '../process.js';

const PATH = PATHS.reports;
const TITLE = 'Báo cáo năm';
const listURL = () => BASE + PATH + '/';

const MD_HINT = 'Viết theo Markdown: ## Tiêu đề mục, **chữ đậm**, - đầu dòng danh sách. Không dùng mã HTML. Nên có: kết quả thực hiện các nội dung thi đua, mô hình và sáng kiến đã áp dụng, hạn chế và phương hướng năm sau.';

// The key numbers of a report, in the order staff read them.
export const NUMBERS = [
  { name: 'dossiers', label: 'Số hồ sơ thủ tục hành chính đã tiếp nhận', short: 'Hồ sơ TTHC', int: true },
  { name: 'onTimeRate', label: 'Tỷ lệ hồ sơ giải quyết đúng hạn, trước hạn (%)', short: 'Đúng hạn', pct: true },
  { name: 'onlineRate', label: 'Tỷ lệ hồ sơ trực tuyến toàn trình (%)', short: 'Trực tuyến', pct: true },
  { name: 'satisfaction', label: 'Mức độ hài lòng của người dân, tổ chức (%)', short: 'Hài lòng', pct: true },
  { name: 'initiativesApplied', label: 'Số mô hình, sáng kiến được áp dụng', short: 'Sáng kiến', int: true },
  { name: 'trainings', label: 'Số buổi tập huấn, tuyên truyền', short: 'Tập huấn', int: true },
];

function noAccess(el) {
  setTitle(TITLE);
  fill(el, h('h1', {}, TITLE),
    h('p', {}, 'Chỉ cán bộ thẩm định Phòng Văn hóa – Xã hội và cán bộ đầu mối của các đơn vị làm việc với báo cáo năm.'),
    h('p', {}, h('a', { href: BASE }, 'Về trang tổng quan')));
}

function reportDeadlineNotice(config, year) {
  const d = deadline(config, year);
  if (!d.closed) {
    return h('p', { class: 'notice notice-info deadline' },
      `Hạn nộp báo cáo năm ${year}: hết ngày ${d.text}`, d.days <= 60 ? ` (còn ${formatNumber(Math.max(d.days, 0))} ngày).` : '.');
  }
  return h('div', { class: 'notice notice-warning deadline deadline-closed' },
    h('p', { class: 'notice-title' }, `Đã hết hạn nộp báo cáo năm ${year} (hạn cuối ${d.text}).`),
    h('p', {}, isReviewer()
      ? 'Sau thời hạn này, chỉ Phòng Văn hóa – Xã hội lập hoặc sửa báo cáo thay cho đơn vị.'
      : 'Đơn vị vẫn lưu được bản nháp nhưng không nộp được nữa. Hãy liên hệ Phòng Văn hóa – Xã hội.'));
}

// ---------------------------------------------------------------- the list

export async function renderReports(el, ctx) {
  if (!can.reports()) return noAccess(el);
  return isReviewer() ? renderYearSummary(el, ctx) : renderUnitReports(el, ctx);
}

// A unit's reports, for its reporter.
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
    flash ? h('div', { class: `notice notice-${flash.kind}`, role: 'status' }, flash.text) : null,
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

  function other(e) {
    e.preventDefault();
    const n = Number(yearInput.value.trim());
    if (!/^\d{4}$/.test(yearInput.value.trim()) || n < 2000 || n > 2100) {
      setInvalid(yearInput, yearErr, 'Hãy nhập năm gồm bốn chữ số, ví dụ ' + vnYear() + '.');
      yearInput.focus();
      return;
    }
    const r = res.items.find((x) => x.year === n);
    navigate(r ? listURL() + r.id : `${listURL()}moi?nam=${n}`);
  }
}

// For reviewers: every unit of a year, filed or not, with totals.
async function renderYearSummary(el, { query }) {
  const config = await loadConfig();
  const raw = (query.get('nam') || '').trim();
  const year = /^\d{4}$/.test(raw) ? Number(raw) : vnYear();
  const only = query.get('loc') || '';
  setTitle(`${TITLE} ${year}`);
  const flash = takeFlash();
  let sum = null;
  let error = null;
  try {
    sum = await request('GET', `/api/portal/reports?year=${year}`);
  } catch (e) {
    error = e;
  }
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Chọn năm báo cáo', onsubmit: onFilter },
    h('div', { class: 'field field-compact' }, h('label', { for: 'bc-nam' }, 'Năm'),
      h('input', { id: 'bc-nam', name: 'nam', type: 'text', inputmode: 'numeric', class: 'input-short', value: String(year), autocomplete: 'off' })),
    h('div', { class: 'field field-compact' }, h('label', { for: 'bc-loc' }, 'Hiện'),
      h('select', { id: 'bc-loc', name: 'loc' },
        h('option', { value: '' }, 'Tất cả đơn vị'),
        h('option', { value: 'chua-nop' }, 'Đơn vị chưa nộp'),
        h('option', { value: 'da-nop' }, 'Đơn vị đã nộp'))),
    h('div', { class: 'filter-actions' }, h('button', { type: 'submit', class: 'btn btn-secondary' }, 'Xem')));
  form.querySelector('#bc-loc').value = only;

  let body;
  if (error) {
    body = h('div', { class: 'notice notice-error', role: 'alert' }, error.message);
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
            h('th', { scope: 'col' }, 'Đơn vị'), h('th', { scope: 'col' }, 'Trạng thái'), h('th', { scope: 'col' }, 'Ngày nộp'),
            NUMBERS.filter((n) => n.name !== 'satisfaction').map((n) => h('th', { scope: 'col', class: 'num' }, n.short)),
            h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Báo cáo')))),
          h('tbody', {}, rows.map((u) => h('tr', { class: u.state === 'submitted' ? '' : 'row-missing' },
            h('th', { scope: 'row', 'data-label': 'Đơn vị' }, u.unit),
            h('td', { 'data-label': 'Trạng thái' }, reportBadge(u.state === 'missing' ? '' : u.state)),
            h('td', { 'data-label': 'Ngày nộp' }, u.submittedAt || '—'),
            h('td', { 'data-label': 'Hồ sơ TTHC', class: 'num' }, u.reportId ? formatNumber(u.dossiers) : '—'),
            h('td', { 'data-label': 'Đúng hạn', class: 'num' }, u.reportId ? percent(u.onTimeRate) : '—'),
            h('td', { 'data-label': 'Trực tuyến', class: 'num' }, u.reportId ? percent(u.onlineRate) : '—'),
            h('td', { 'data-label': 'Sáng kiến', class: 'num' }, u.reportId ? formatNumber(u.initiativesApplied) : '—'),
            h('td', { 'data-label': 'Tập huấn', class: 'num' }, u.reportId ? formatNumber(u.trainings) : '—'),
            h('td', {}, u.reportId
              ? h('a', { href: listURL() + u.reportId, 'aria-label': `Xem báo cáo năm ${year} của ${u.unit}` }, 'Xem báo cáo')
              : h('a', { href: `${listURL()}moi?nam=${year}&don-vi=${encodeURIComponent(u.unitId)}`, 'aria-label': `Lập thay báo cáo năm ${year} của ${u.unit}` }, 'Lập thay')))))),
    ];
  }
  fill(el,
    h('h1', {}, `${TITLE} ${year}`),
    flash ? h('div', { class: `notice notice-${flash.kind}`, role: 'status' }, flash.text) : null,
    reportDeadlineNotice(config, year),
    form,
    body);

  function onFilter(e) {
    e.preventDefault();
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (String(v).trim()) params.set(k, String(v).trim());
    navigate(listURL() + '?' + params.toString());
  }
}

function stat(name, value, cls = '') {
  return h('div', { class: `stat ${cls}`.trim() }, h('dt', {}, name), h('dd', {}, value));
}

// ---------------------------------------------------------------- one report

export async function renderReport(el, { id, query }) {
  if (!can.reports()) return noAccess(el);
  const config = await loadConfig();
  let record = null;
  if (id) {
    try {
      record = await view('unitReports', id, { expand: 'unit' });
    } catch (e) {
      if (e.status !== 404 && e.status !== 403) throw e;
      setTitle('Không tìm thấy báo cáo');
      fill(el, crumbs(BASE, { href: listURL(), text: TITLE }, { text: 'Không tìm thấy' }),
        h('h1', {}, 'Không tìm thấy báo cáo'),
        h('p', {}, 'Báo cáo này không tồn tại, hoặc bạn không có quyền xem.'),
        h('p', {}, h('a', { href: listURL() }, 'Về danh sách báo cáo năm')));
      return;
    }
  } else {
    // A new report: for the year asked; if the unit has one already, open it.
    const y = Number(query.get('nam')) || openYear(config);
    const unit = isReporter() ? auth.unit : (query.get('don-vi') || '');
    if (unit) {
      const found = await list('unitReports', { perPage: 1, filter: `unit = ${q(unit)} && year = ${y}` }).catch(() => ({ items: [] }));
      if (found.items[0]) {
        navigate(listURL() + found.items[0].id, { replace: true, force: true });
        return;
      }
    }
    return renderReportEditor(el, null, config, { year: y, unit });
  }
  const closed = deadline(config, record.year).closed;
  const own = isReporter() && record.unit === auth.unit;
  const editable = (own && !(record.state === 'submitted' && closed)) || (isReviewer() && query.get('sua') === '1');
  return editable ? renderReportEditor(el, record, config, {}) : renderReportView(el, record, config);
}

// demote moves the report's own headings under the page's: its ## becomes
// a third-level heading, below "Nội dung báo cáo".
function demote(nodes) {
  const box = h('div', {}, nodes);
  for (const el of [...box.querySelectorAll('h1, h2, h3, h4, h5')]) {
    const n = Math.min(6, Number(el.tagName[1]) + 1);
    const x = document.createElement(`h${n}`);
    x.append(...el.childNodes);
    el.replaceWith(x);
  }
  return [...box.childNodes];
}

function reportTitle(r, unitName) {
  return `Báo cáo năm ${r.year}${unitName ? ' – ' + unitName : ''}`;
}

async function renderReportView(el, r, config) {
  const unitName = r.expand && r.expand.unit ? r.expand.unit.name : '';
  const title = reportTitle(r, unitName);
  setTitle(title);
  const flash = takeFlash();
  const prose = h('div', { class: 'prose report-summary' }, h('p', { class: 'muted' }, 'Đang tải…'));
  const back = isReviewer() ? `${listURL()}?nam=${r.year}` : listURL();
  fill(el,
    crumbs(BASE, { href: back, text: isReviewer() ? `${TITLE} ${r.year}` : TITLE }, { text: title }),
    h('h1', {}, `Báo cáo năm ${r.year}`, unitName ? h('span', { class: 'h1-sub' }, unitName) : null),
    flash ? h('div', { class: `notice notice-${flash.kind}`, role: 'status' }, flash.text) : null,
    h('dl', { class: 'state' },
      h('div', {}, h('dt', {}, 'Trạng thái'), h('dd', {}, reportBadge(r.state))),
      r.submittedAt ? h('div', {}, h('dt', {}, 'Ngày nộp'), h('dd', {}, formatDateTime(r.submittedAt))) : null,
      h('div', {}, h('dt', {}, 'Sửa lần cuối'), h('dd', {}, [r.updatedBy ? r.updatedBy.replace(/\s+[<(].*$/, '') : '', formatDateTime(r.updated)].filter(Boolean).join(', ')))),
    isReporter() && r.state === 'submitted' && deadline(config, r.year).closed
      ? h('p', { class: 'notice notice-info' }, 'Báo cáo đã nộp và đã quá hạn nên không sửa được nữa. Cần sửa, hãy liên hệ Phòng Văn hóa – Xã hội.') : null,
    isReviewer() ? h('div', { class: 'tools' }, h('a', { class: 'btn btn-secondary', href: `${listURL()}${r.id}?sua=1` }, 'Sửa báo cáo')) : null,
    h('section', { 'aria-labelledby': 'so-lieu' },
      h('h2', { id: 'so-lieu' }, 'Số liệu chính'),
      h('dl', { class: 'stat-grid' }, NUMBERS.map((n) => stat(n.label.replace(/ \(%\)$/, ''), n.pct ? percent(r[n.name]) : formatNumber(r[n.name] || 0))))),
    h('section', { 'aria-labelledby': 'noi-dung-bc' },
      h('h2', { id: 'noi-dung-bc' }, 'Nội dung báo cáo'),
      prose));
  try {
    const res = await request('POST', '/api/portal/markdown', { markdown: r.summary || '' });
    fill(prose, demote(sanitize(res.html || '')));
  } catch (e) {
    fill(prose, h('div', { class: 'pre' }, r.summary || ''));
  }
}

function renderReportEditor(el, record, config, { year, unit }) {
  const st = record ? record.state : 'new';
  const y = record ? record.year : year;
  const unitName = record && record.expand && record.expand.unit ? record.expand.unit.name : '';
  const heading = record ? `Báo cáo năm ${record.year}` : `Lập báo cáo năm ${y}`;
  setTitle(unitName ? `${heading} – ${unitName}` : heading);
  const flash = takeFlash();
  const summary = h('div', { class: 'summary-slot' });
  const opts = { collection: 'unitReports', record, lockedUnit: isReporter() ? auth.unit : (record ? record.unit : '') };
  const w = {};
  const add = (def, value) => { w[def.name] = widget(def, value, opts); return w[def.name].el; };
  const els = [
    add({ name: 'unit', label: 'Đơn vị', widget: 'unit', required: true, lockedHint: record ? 'Đơn vị của báo cáo.' : 'Đơn vị của bạn.' }, record ? record.unit : unit),
    add({ name: 'year', label: 'Năm báo cáo', widget: 'number', required: true, hint: record ? 'Năm của báo cáo đã lập không đổi được.' : '' }, y),
    h('div', { class: 'deadline-slot', 'aria-live': 'polite' }),
    add({ name: 'summary', label: 'Nội dung báo cáo', widget: 'markdown', hint: MD_HINT, rows: 16 }, record ? record.summary : ''),
    h('fieldset', { class: 'field numbers' },
      h('legend', {}, 'Số liệu chính'),
      h('p', { class: 'hint' }, 'Số nguyên với số lượng; tỷ lệ phần trăm từ 0 đến 100, phần thập phân sau dấu phẩy, ví dụ 97,5.'),
      h('div', { class: 'grid-2' }, NUMBERS.map((n) => add({ name: n.name, label: n.label, widget: 'number' }, record ? record[n.name] : null)))),
  ];
  const yearInput = w.year.el.querySelector('input');
  if (record) yearInput.readOnly = true;
  const deadlineSlot = els[2];
  const drawDeadline = () => {
    const n = Number(yearInput.value.trim());
    if (!Number.isInteger(n) || n < 2000 || n > 2100) { deadlineSlot.replaceChildren(); return; }
    fill(deadlineSlot, reportDeadlineNotice(config, n));
  };
  yearInput.addEventListener('input', drawDeadline);
  drawDeadline();

  const actions = [];
  const act = (action, text, cls) => actions.push(h('button', { type: 'submit', class: cls, dataset: { action } }, text));
  if (st === 'submitted') {
    act('keep', 'Lưu thay đổi', 'btn');
  } else {
    act('draft', 'Lưu bản nháp', 'btn btn-secondary');
    act('submitted', 'Nộp báo cáo', 'btn');
  }
  const form = h('form', { class: 'record-form', novalidate: true, onsubmit: (e) => { e.preventDefault(); save(e.submitter ? e.submitter.dataset.action : 'default'); } },
    els,
    h('section', { class: 'workflow', 'aria-labelledby': 'luu-bc' },
      h('h2', { id: 'luu-bc' }, st === 'submitted' ? 'Lưu báo cáo' : 'Lưu và nộp báo cáo'),
      h('p', {}, st === 'submitted'
        ? `Báo cáo đã nộp${record.submittedAt ? ' lúc ' + formatDateTime(record.submittedAt) : ''}. Đơn vị vẫn sửa được đến hết hạn nộp.`
        : 'Lưu bản nháp để viết tiếp sau. Khi báo cáo đủ, bấm “Nộp báo cáo” để gửi Phòng Văn hóa – Xã hội.'),
      h('div', { class: 'actions' }, actions)));
  const back = isReviewer() ? `${listURL()}?nam=${y}` : listURL();
  fill(el,
    crumbs(BASE, { href: back, text: isReviewer() ? `${TITLE} ${y}` : TITLE }, { text: heading }),
    h('h1', {}, heading, unitName ? h('span', { class: 'h1-sub' }, unitName) : null),
    flash ? h('div', { class: `notice notice-${flash.kind}`, role: 'status' }, flash.text) : null,
    record ? h('dl', { class: 'state' },
      h('div', {}, h('dt', {}, 'Trạng thái'), h('dd', {}, reportBadge(record.state))),
      record.submittedAt ? h('div', {}, h('dt', {}, 'Ngày nộp'), h('dd', {}, formatDateTime(record.submittedAt))) : null,
      h('div', {}, h('dt', {}, 'Sửa lần cuối'), h('dd', {}, [record.updatedBy ? record.updatedBy.replace(/\s+[<(].*$/, '') : '', formatDateTime(record.updated)].filter(Boolean).join(', ')))) : null,
    summary,
    form);

  const keyOf = () => Object.values(w).map((x) => x.key()).join('\u0001');
  let initial = keyOf();
  if (el.isConnected) setDirtyCheck(() => keyOf() !== initial);

  async function save(action) {
    summary.replaceChildren();
    for (const x of Object.values(w)) x.setError('');
    const values = {};
    const problems = [];
    for (const [k, x] of Object.entries(w)) {
      const v = x.get();
      if (v && typeof v === 'object' && v.error) {
        x.setError(v.error);
        problems.push({ href: '#' + x.focusId, text: `${labelOf(k)}: ${v.error}` });
        continue;
      }
      values[k] = v;
    }
    if (record) delete values.year;
    if (action === 'default') action = st === 'submitted' ? 'keep' : 'draft';
    values.state = action === 'submitted' || st === 'submitted' ? 'submitted' : 'draft';
    if (!values.unit) { w.unit.setError('Hãy chọn đơn vị.'); problems.push({ href: '#' + w.unit.focusId, text: 'Đơn vị: Hãy chọn đơn vị.' }); }
    if (!String(values.summary || '').trim()) {
      const msg = 'Hãy viết nội dung báo cáo.';
      w.summary.setError(msg);
      problems.push({ href: '#' + w.summary.focusId, text: `Nội dung báo cáo: ${msg}` });
    }
    for (const n of NUMBERS) {
      const v = values[n.name];
      if (n.pct && typeof v === 'number' && (v < 0 || v > 100)) {
        const msg = 'Tỷ lệ phải từ 0 đến 100.';
        w[n.name].setError(msg);
        problems.push({ href: '#' + w[n.name].focusId, text: `${n.label}: ${msg}` });
      }
    }
    if (problems.length) return show(problems);
    const buttons = [...form.querySelectorAll('button[type=submit]')];
    buttons.forEach((b) => { b.disabled = true; });
    form.setAttribute('aria-busy', 'true');
    let saved;
    try {
      saved = record ? await update('unitReports', record.id, values) : await create('unitReports', values);
    } catch (e) {
      buttons.forEach((b) => { b.disabled = false; });
      form.removeAttribute('aria-busy');
      const items = [];
      for (const [field, info] of Object.entries(e.data || {})) {
        const msg = info && info.message ? info.message : String(info);
        const key = field === 'state' ? 'year' : field;
        if (w[key]) { w[key].setError(msg); items.push({ href: '#' + w[key].focusId, text: `${labelOf(key)}: ${msg}` }); } else items.push({ text: msg });
      }
      if (!items.length) items.push({ text: e.message });
      return show(items, e.status === 403 ? 'Không được phép' : 'Chưa lưu được: có lỗi cần sửa');
    }
    initial = keyOf();
    setDirtyCheck(null);
    setFlash(values.state === 'submitted' && st !== 'submitted' ? 'Đã nộp báo cáo. Cảm ơn đơn vị.' : st === 'submitted' ? 'Đã lưu thay đổi của báo cáo.' : 'Đã lưu bản nháp báo cáo.');
    navigate(listURL() + saved.id, { replace: !!record, force: true });
  }
  function labelOf(k) {
    const n = NUMBERS.find((x) => x.name === k);
    if (n) return n.label;
    return { unit: 'Đơn vị', year: 'Năm báo cáo', summary: 'Nội dung báo cáo' }[k] || label('status', k);
  }
  function show(items, title = 'Chưa lưu được: có lỗi cần sửa') {
    fill(summary, errorSummary(items, title));
    const box = summary.querySelector('.error-summary');
    box.scrollIntoView({ block: 'start' });
    box.focus();
  }
  return () => { for (const x of Object.values(w)) if (x.destroy) x.destroy(); };
}
