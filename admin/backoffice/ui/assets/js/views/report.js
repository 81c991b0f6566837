// @ts-check
// One unit's yearly report: read (the Markdown rendered by the server) or
// written in its form, saved as a draft or filed.

/**
 * @import { PortalConfig, UnitReport } from '../types.js'
 * @import { MarkdownPreview } from '../answers.js'
 * @import { FieldDef, Problem, RouteCtx, Widget } from '../ui-types.js'
 */

import { list, view, create, update, request, auth, asApiError } from '../api.js';
import { h, fill, $, formatDateTime, formatNumber, percent, q } from '../util.js';
import { label } from '../schema.js';
import { can, isReviewer, isReporter } from '../roles.js';
import { widget } from '../forms/widget.js';
import { sanitize } from '../forms/sanitize.js';
import { BASE, navigate, setTitle, setDirtyCheck, setFlash, takeFlash, flashNotice } from '../nav.js';
import { loadConfig, deadline, openYear, futureYear, reportBadge, crumbs } from '../process.js';
import { actionButton, onAction, lock, flag, keysOf, readValue, requestBody, serverProblems, showSummary } from '../editor.js';
import { TITLE, listURL, MD_HINT, NUMBERS, noAccess, reportDeadlineNotice, stat } from './reports.js';
import { lateBlock } from './late.js';
import { downloadButton } from '../forms/documents.js';

/**
 * renderReport shows a unit's yearly report (id), or a new one's form.
 * @param {HTMLElement} el
 * @param {RouteCtx & { id: string }} ctx
 * @returns {Promise<void | (() => void)>}
 */
export async function renderReport(el, { id, query }) {
  if (!can.reports()) return noAccess(el);
  const config = await loadConfig();
  /** @type {UnitReport} */
  let record;
  if (id) {
    try {
      record = await view('unitReports', id, { expand: 'unit' });
    } catch (ex) {
      const e = asApiError(ex);
      if (e.status !== 404 && e.status !== 403) throw ex;
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

/**
 * demote moves the report's own headings under the page's: its ## becomes
 * a third-level heading, below "Nội dung báo cáo".
 * @param {Node[]} nodes
 */
function demote(nodes) {
  const box = h('div', {}, nodes);
  for (const el of [...box.querySelectorAll('h1, h2, h3, h4, h5')]) {
    const n = Math.min(6, Number(el.tagName[1]) + 1);
    const x = document.createElement(/** @type {'h2' | 'h3' | 'h4' | 'h5' | 'h6'} */ (`h${n}`));
    x.append(...el.childNodes);
    el.replaceWith(x);
  }
  return [...box.childNodes];
}

/**
 * signedFile offers the report's signed file for download.
 * @param {UnitReport} r
 */
function signedFile(r) {
  const status = h('span', { role: 'status', class: 'hint' });
  return h('p', {}, 'Báo cáo có chữ ký, đóng dấu: ', downloadButton(r, r.signedReport, status), ' ', status);
}

/**
 * @param {UnitReport} r
 * @param {string} unitName
 */
function reportTitle(r, unitName) {
  return `Báo cáo năm ${r.year}${unitName ? ' – ' + unitName : ''}`;
}

/**
 * renderReportView shows a report read only, its text rendered by the server.
 * @param {HTMLElement} el
 * @param {UnitReport} r
 * @param {PortalConfig} config
 * @returns {Promise<void>}
 */
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
    flashNotice(flash),
    h('dl', { class: 'state' },
      h('div', {}, h('dt', {}, 'Trạng thái'), h('dd', {}, reportBadge(r.state))),
      r.submittedAt ? h('div', {}, h('dt', {}, 'Ngày nộp'), h('dd', {}, formatDateTime(r.submittedAt))) : null,
      h('div', {}, h('dt', {}, 'Sửa lần cuối'), h('dd', {}, [r.updatedBy ? r.updatedBy.replace(/\s+[<(].*$/, '') : '', formatDateTime(r.updated)].filter(Boolean).join(', ')))),
    r.signedReport ? signedFile(r) : null,
    lateBlock('unitReports', r, () => view('unitReports', r.id, { expand: 'unit' }).then((x) => renderReportView(el, x, config))),
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
    const res = /** @type {MarkdownPreview} */ (await request('POST', '/api/portal/markdown', { markdown: r.summary || '' }));
    fill(prose, demote(sanitize(res.html || '')));
  } catch (e) {
    fill(prose, h('div', { class: 'pre' }, r.summary || ''));
  }
}

/**
 * renderReportEditor shows a report's form.
 * @param {HTMLElement} el
 * @param {UnitReport | null} record
 * @param {PortalConfig} config
 * @param {{ year?: number, unit?: string }} ctx  the year and unit of a new report
 */
function renderReportEditor(el, record, config, { year, unit }) {
  const st = record ? record.state : 'new';
  const y = record ? record.year : year;
  const unitName = record && record.expand && record.expand.unit ? record.expand.unit.name : '';
  const heading = record ? `Báo cáo năm ${record.year}` : `Lập báo cáo năm ${y}`;
  setTitle(unitName ? `${heading} – ${unitName}` : heading);
  const flash = takeFlash();
  const summary = h('div', { class: 'summary-slot' });
  const opts = { collection: 'unitReports', record, lockedUnit: isReporter() ? auth.unit : (record ? record.unit : '') };
  /** @type {Record<string, Widget>} */
  const w = {};
  /**
   * add makes the widget of a field, kept in w by name, and returns its block.
   * @param {FieldDef} def
   * @param {unknown} value
   */
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
    add({ name: 'signedReport', label: 'Báo cáo có chữ ký, đóng dấu', widget: 'documents', hint: 'Không bắt buộc. Một tệp PDF hoặc DOCX, tối đa 10 MB; máy chủ kiểm tra cả nội dung tệp.' }, record ? record.signedReport : ''),
  ];
  const yearInput = $(w.year.el, 'input', HTMLInputElement);
  if (record) yearInput.readOnly = true;
  const deadlineSlot = els[2];
  const drawDeadline = () => {
    const n = Number(yearInput.value.trim());
    if (!Number.isInteger(n) || n < 2000 || n > 2100) { deadlineSlot.replaceChildren(); return; }
    fill(deadlineSlot, reportDeadlineNotice(config, n));
  };
  yearInput.addEventListener('input', drawDeadline);
  drawDeadline();

  /** @type {HTMLButtonElement[]} */
  const actions = [];
  const act = (/** @type {string} */ action, /** @type {string} */ text, /** @type {string} */ cls) => actions.push(actionButton(action, text, cls));
  if (st === 'submitted') {
    act('keep', 'Lưu thay đổi', 'btn');
  } else {
    act('draft', 'Lưu bản nháp', 'btn btn-secondary');
    act('submitted', 'Nộp báo cáo', 'btn');
  }
  const form = h('form', { class: 'record-form', novalidate: true, onsubmit: onAction(save) },
    els,
    h('section', { class: 'workflow', 'aria-labelledby': 'luu-bc' },
      h('h2', { id: 'luu-bc' }, st === 'submitted' ? 'Lưu báo cáo' : 'Lưu và nộp báo cáo'),
      h('p', {}, st === 'submitted'
        ? `Báo cáo đã nộp${record && record.submittedAt ? ' lúc ' + formatDateTime(record.submittedAt) : ''}. Đơn vị vẫn sửa được đến hết hạn nộp.`
        : 'Lưu bản nháp để viết tiếp sau. Khi báo cáo đủ, bấm “Nộp báo cáo” để gửi Phòng Văn hóa – Xã hội.'),
      h('div', { class: 'actions' }, actions)));
  const back = isReviewer() ? `${listURL()}?nam=${y}` : listURL();
  fill(el,
    crumbs(BASE, { href: back, text: isReviewer() ? `${TITLE} ${y}` : TITLE }, { text: heading }),
    h('h1', {}, heading, unitName ? h('span', { class: 'h1-sub' }, unitName) : null),
    flashNotice(flash),
    record ? h('dl', { class: 'state' },
      h('div', {}, h('dt', {}, 'Trạng thái'), h('dd', {}, reportBadge(record.state))),
      record.submittedAt ? h('div', {}, h('dt', {}, 'Ngày nộp'), h('dd', {}, formatDateTime(record.submittedAt))) : null,
      h('div', {}, h('dt', {}, 'Sửa lần cuối'), h('dd', {}, [record.updatedBy ? record.updatedBy.replace(/\s+[<(].*$/, '') : '', formatDateTime(record.updated)].filter(Boolean).join(', ')))) : null,
    summary,
    form);

  const keyOf = () => keysOf(Object.values(w));
  let initial = keyOf();
  if (el.isConnected) setDirtyCheck(() => keyOf() !== initial);

  /**
   * save saves the report with the action of the button pressed.
   * @param {string} action
   */
  async function save(action) {
    summary.replaceChildren();
    for (const x of Object.values(w)) x.setError('');
    /** @type {Record<string, unknown>} */
    const values = {};
    /** @type {Problem[]} */
    const problems = [];
    for (const [k, x] of Object.entries(w)) {
      readValue(x, k, labelOf(k), values, problems);
    }
    if (record) delete values.year;
    if (action === 'default') action = st === 'submitted' ? 'keep' : 'draft';
    values.state = action === 'submitted' || st === 'submitted' ? 'submitted' : 'draft';
    if (!values.unit) problems.push(flag(w.unit, 'Hãy chọn đơn vị.', 'Đơn vị: Hãy chọn đơn vị.'));
    const early = !record && typeof values.year === 'number' ? futureYear(values.year) : '';
    if (early) problems.push(flag(w.year, early, `Năm báo cáo: ${early}`));
    if (!String(values.summary || '').trim()) {
      const msg = 'Hãy viết nội dung báo cáo.';
      problems.push(flag(w.summary, msg, `Nội dung báo cáo: ${msg}`));
    }
    for (const n of NUMBERS) {
      const v = values[n.name];
      if (n.pct && typeof v === 'number' && (v < 0 || v > 100)) {
        const msg = 'Tỷ lệ phải từ 0 đến 100.';
        problems.push(flag(w[n.name], msg, `${n.label}: ${msg}`));
      }
    }
    if (problems.length) return show(problems);
    const unlock = lock(form);
    let saved;
    try {
      const body = requestBody(values, Object.values(w));
      saved = record ? await update('unitReports', record.id, body) : await create('unitReports', body);
    } catch (ex) {
      unlock();
      const e = asApiError(ex);
      const items = serverProblems(e, (field, msg) => {
        const key = field === 'state' ? 'year' : field;
        return w[key] ? flag(w[key], msg, `${labelOf(key)}: ${msg}`) : null;
      });
      if (!items.length) items.push({ text: e.message });
      return show(items, e.status === 403 ? 'Không được phép' : 'Chưa lưu được: có lỗi cần sửa');
    }
    initial = keyOf();
    setDirtyCheck(null);
    setFlash(values.state === 'submitted' && st !== 'submitted' ? 'Đã nộp báo cáo. Cảm ơn đơn vị.' : st === 'submitted' ? 'Đã lưu thay đổi của báo cáo.' : 'Đã lưu bản nháp báo cáo.');
    navigate(listURL() + saved.id, { replace: !!record, force: true });
  }
  /**
   * labelOf is a field's label, for the summary of problems.
   * @param {string} k
   */
  function labelOf(k) {
    const n = NUMBERS.find((x) => x.name === k);
    if (n) return n.label;
    return /** @type {Record<string, string>} */ ({ unit: 'Đơn vị', year: 'Năm báo cáo', summary: 'Nội dung báo cáo', signedReport: 'Báo cáo có chữ ký' })[k] || label('status', k);
  }
  /**
   * @param {Problem[]} items
   * @param {string} [title]
   */
  function show(items, title = 'Chưa lưu được: có lỗi cần sửa') {
    showSummary(summary, items, title);
  }
  return () => { for (const x of Object.values(w)) if (x.destroy) x.destroy(); };
}
