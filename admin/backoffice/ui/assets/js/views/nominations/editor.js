// @ts-check
// The form of a dossier a unit writes (new, draft or returned): who is
// nominated, for what, with which files; saved as a draft or filed.

/**
 * @import { Nomination, PortalConfig } from '../../types.js'
 * @import { FieldDef, Problem, Widget } from '../../ui-types.js'
 * @import { ApiError } from '../../api.js'
 */

import { create, update, auth, asApiError } from '../../api.js';
import { h, fill, $, formatNumber, vnYear } from '../../util.js';
import { isReviewer, isReporter } from '../../roles.js';
import { widget } from '../../forms/widget.js';
import { setInvalid } from '../../forms/field.js';
import { BASE, navigate, setTitle, setDirtyCheck, setFlash, takeFlash, flashNotice } from '../../nav.js';
import { deadline, openYear, nomineeName, crumbs } from '../../process.js';
import { actionButton, onAction, lock, flag, keysOf, readValue, requestBody, serverProblems, showSummary, showSaveError } from '../../editor.js';
import { TITLE, listURL, statePanel, returnedNotice, timeline, deleteTool } from './common.js';
import { criteriaWidget } from './criteria.js';

/**
 * renderEditor shows the form of a dossier a unit writes: new (record
 * null), a draft, or returned to be completed.
 * @param {HTMLElement} el
 * @param {Nomination | null} record
 * @param {PortalConfig} config
 */
export function renderEditor(el, record, config) {
  const st = record ? record.state : 'new';
  const name = record ? nomineeName(record) : '';
  const heading = record ? 'Sửa hồ sơ đề nghị khen thưởng' : 'Lập hồ sơ đề nghị khen thưởng';
  setTitle(record ? `${heading}: ${name}` : heading);
  const flash = takeFlash();
  const summary = h('div', { class: 'summary-slot' });
  const opts = { collection: 'nominations', record, lockedUnit: isReporter() ? auth.unit : '' };
  /**
   * v is the record's value of field k, or d for a new dossier.
   * @param {keyof Nomination & string} k
   * @param {unknown} d
   */
  const v = (k, d) => (record ? record[k] : d);
  /** @type {Record<string, Widget>} */
  const w = {};
  /** @type {ReturnType<typeof criteriaWidget>} */
  let criteria;
  /**
   * add makes the widget of a field, kept in w by name, and returns its block.
   * @param {FieldDef} def
   * @param {unknown} value
   */
  const add = (def, value) => { w[def.name] = widget(def, value, opts); return w[def.name].el; };

  // Who is nominated: someone on the honour roll, or someone new.
  const existing = record ? !!record.nominee : false;
  const mid = 'nominee-mode';
  const modeOld = h('input', { type: 'radio', name: mid, id: `${mid}-co`, value: 'old', checked: existing });
  const modeNew = h('input', { type: 'radio', name: mid, id: `${mid}-moi`, value: 'new', checked: !existing });
  const oldBox = h('div', { class: 'conditional', id: `${mid}-co-chi-tiet` },
    add({ name: 'nominee', label: 'Tập thể, cá nhân', widget: 'picker', target: 'honorees', hint: 'Gõ tên để tìm trong danh sách vinh danh, rồi bấm “Chọn”.' }, v('nominee', '')));
  const newBox = h('div', { class: 'conditional', id: `${mid}-moi-chi-tiet` },
    add({ name: 'nomineeName', label: 'Họ tên hoặc tên tập thể', widget: 'text' }, v('nomineeName', '')),
    add({ name: 'nomineeKind', label: 'Cá nhân hay tập thể', widget: 'select', vocab: 'honoreeKinds' }, v('nomineeKind', '')),
    add({ name: 'nomineePosition', label: 'Chức vụ, nơi công tác', widget: 'text', hint: 'Với cá nhân, ví dụ: Công chức Văn phòng – Thống kê.' }, v('nomineePosition', '')));
  modeOld.setAttribute('aria-controls', oldBox.id);
  modeNew.setAttribute('aria-controls', newBox.id);
  const syncMode = () => { oldBox.hidden = !modeOld.checked; newBox.hidden = !modeNew.checked; };
  modeOld.addEventListener('change', syncMode);
  modeNew.addEventListener('change', syncMode);
  syncMode();
  const nomineeErr = h('p', { id: `${mid}-error`, class: 'field-error', hidden: true });
  const nomineeSet = h('fieldset', { class: 'field', 'data-field': 'nominee', 'aria-describedby': `${mid}-error` },
    h('legend', {}, 'Tập thể, cá nhân được đề nghị', h('span', { class: 'req' }, ' (bắt buộc)')),
    nomineeErr,
    h('div', { class: 'radios' },
      h('div', { class: 'field-check' }, modeOld, h('label', { for: modeOld.id }, 'Đã có trong danh sách vinh danh của xã')),
      oldBox,
      h('div', { class: 'field-check' }, modeNew, h('label', { for: modeNew.id }, 'Người hoặc tập thể mới')),
      newBox));

  const deadlineBox = h('div', { class: 'deadline-slot', 'aria-live': 'polite' });
  const fieldsEl = [
    add({ name: 'unit', label: 'Đơn vị đề nghị', widget: 'unit', required: true, lockedHint: 'Đơn vị của bạn: cán bộ đầu mối lập hồ sơ cho đơn vị mình.' }, v('unit', isReporter() ? auth.unit : '')),
    h('div', { class: 'grid-2' },
      add({ name: 'year', label: 'Năm', widget: 'number', required: true, hint: 'Năm của thành tích được đề nghị.' }, v('year', openYear(config))),
      add({ name: 'kind', label: 'Loại khen thưởng', widget: 'select', vocab: 'awardKinds', required: true }, v('kind', 'hang-nam'))),
    deadlineBox,
    nomineeSet,
    add({ name: 'requestedForm', label: 'Hình thức khen thưởng đề nghị', widget: 'select', vocab: 'awardForms', required: true }, v('requestedForm', '')),
    add({ name: 'achievements', label: 'Thành tích', widget: 'textarea', required: true, rows: 7, hint: 'Thành tích cụ thể, có số liệu. Theo Kế hoạch, một thành tích chỉ được khen thưởng một lần, một hình thức.' }, v('achievements', '')),
    (w.criteria = criteria = criteriaWidget(/** @type {string[]} */ (v('criteria', [])), () => String(w.kind.get() || ''),
      () => (modeNew.checked ? String(w.nomineeKind.get() || '') : ''))).el,
    add({ name: 'initiatives', label: 'Mô hình, sáng kiến làm căn cứ', widget: 'picker', target: 'initiatives', hint: 'Không bắt buộc. Gõ tên để tìm, rồi bấm “Chọn”; chọn được nhiều mục.' }, v('initiatives', [])),
    add({ name: 'dossier', label: 'Hồ sơ kèm theo', widget: 'documents', hint: 'Tệp PDF, DOCX hoặc ảnh JPEG, PNG, WebP; mỗi tệp tối đa 10 MB, tối đa 10 tệp. Máy chủ kiểm tra cả nội dung tệp.' }, v('dossier', [])),
    add({ name: 'comment', label: 'Ghi chú gửi Phòng Văn hóa – Xã hội', widget: 'textarea', rows: 3, hint: st === 'returned' ? 'Không bắt buộc. Ví dụ: đã bổ sung những gì. Ghi chú được lưu vào quá trình xử lý hồ sơ.' : 'Không bắt buộc. Ghi chú được lưu vào quá trình xử lý hồ sơ.' }, ''),
  ];

  const yearInput = $(w.year.el, 'input', HTMLInputElement);
  const kindSelect = $(w.kind.el, 'select', HTMLSelectElement);
  const drawDeadline = () => {
    const y = Number(String(yearInput.value).trim());
    if (!Number.isInteger(y) || y < 2000 || y > 2100) { deadlineBox.replaceChildren(); return; }
    fill(deadlineBox, deadlineNotice(config, y, kindSelect.value));
  };
  yearInput.addEventListener('input', drawDeadline);
  kindSelect.addEventListener('change', drawDeadline);
  for (const x of [kindSelect, $(w.nomineeKind.el, 'select'), modeOld, modeNew]) x.addEventListener('change', () => criteria.redraw());
  drawDeadline();

  const actions = st === 'returned'
    ? [actionButton('submitted', 'Nộp lại hồ sơ', 'btn'), actionButton('keep', 'Lưu thay đổi', 'btn btn-secondary')]
    : [actionButton('draft', 'Lưu bản nháp', 'btn btn-secondary'), actionButton('submitted', 'Nộp hồ sơ', 'btn')];

  const form = h('form', { class: 'record-form', novalidate: true, onsubmit: onAction(save) },
    fieldsEl,
    h('section', { class: 'workflow', 'aria-labelledby': 'luu-nop' },
      h('h2', { id: 'luu-nop' }, st === 'returned' ? 'Nộp lại hồ sơ' : 'Lưu và nộp hồ sơ'),
      h('p', {}, st === 'returned'
        ? 'Sau khi bổ sung, bấm “Nộp lại hồ sơ” để gửi lại Phòng Văn hóa – Xã hội.'
        : 'Lưu bản nháp để soạn tiếp sau. Khi hồ sơ đủ, bấm “Nộp hồ sơ” để gửi Phòng Văn hóa – Xã hội; hồ sơ đã nộp thì đơn vị không sửa được nữa, trừ khi được trả lại để bổ sung.'),
      h('div', { class: 'actions' }, actions)));

  const tools = record && st === 'draft' ? deleteTool(record, summary, {
    title: 'Xóa bản nháp?', text: `Bản nháp hồ sơ đề nghị cho “${name}” và các tệp kèm theo sẽ bị xóa hẳn.`,
    confirm: 'Xóa bản nháp', flash: 'Đã xóa bản nháp hồ sơ đề nghị.',
  }) : null;

  fill(el,
    crumbs(BASE, { href: listURL(), text: TITLE }, { text: record ? name : 'Lập hồ sơ' }),
    h('h1', {}, heading, record ? h('span', { class: 'h1-sub' }, name) : null),
    flashNotice(flash),
    record ? statePanel(record) : null,
    record ? returnedNotice(record) : null,
    tools,
    summary,
    h('p', { class: 'hint' }, 'Các trường có ghi “(bắt buộc)” phải điền trước khi nộp.'),
    form,
    record ? timeline(record) : null);

  const keyOf = () => keysOf(Object.values(w)) + String(modeOld.checked);
  let initial = keyOf();
  const dirty = () => keyOf() !== initial;
  if (el.isConnected) setDirtyCheck(dirty);

  /**
   * save saves the dossier with the action of the button pressed.
   * @param {string} action
   */
  async function save(action) {
    summary.replaceChildren();
    for (const x of Object.values(w)) x.setError('');
    setInvalid(null, nomineeErr, '');
    /** @type {Record<string, unknown>} */
    const values = {};
    /** @type {Problem[]} */
    const problems = [];
    for (const [k, x] of Object.entries(w)) {
      if (k === 'nominee' || k === 'nomineeName' || k === 'nomineeKind' || k === 'nomineePosition') continue;
      readValue(x, k, labelOf(k), values, problems);
    }
    if (modeOld.checked) {
      values.nominee = w.nominee.get();
      values.nomineeName = '';
      values.nomineeKind = '';
      values.nomineePosition = '';
    } else {
      values.nominee = '';
      values.nomineeName = w.nomineeName.get();
      values.nomineeKind = w.nomineeKind.get();
      values.nomineePosition = w.nomineePosition.get();
    }
    if (action === 'default') action = st === 'returned' ? 'keep' : 'draft';
    values.state = action === 'submitted' ? 'submitted' : st === 'returned' ? 'returned' : 'draft';

    // What the server would refuse anyway, said at once and all together.
    const need = (/** @type {string} */ k, /** @type {boolean} */ ok, /** @type {string} */ msg) => {
      if (!ok) problems.push(flag(w[k], msg, msg));
    };
    need('unit', !!values.unit, 'Hãy chọn đơn vị đề nghị.');
    need('kind', !!values.kind, 'Hãy chọn loại khen thưởng.');
    if (modeOld.checked) {
      need('nominee', !!values.nominee, 'Hãy tìm và chọn tập thể, cá nhân trong danh sách vinh danh, hoặc chọn “Người hoặc tập thể mới”.');
    } else {
      need('nomineeName', !!String(values.nomineeName).trim(), 'Hãy ghi họ tên hoặc tên tập thể được đề nghị.');
      need('nomineeKind', !!values.nomineeKind, 'Hãy chọn cá nhân hay tập thể.');
    }
    if (values.state === 'submitted') {
      need('year', values.year !== null && values.year !== undefined && values.year !== '', 'Hãy ghi năm, ví dụ ' + vnYear() + '.');
      need('requestedForm', !!values.requestedForm, 'Hãy chọn hình thức khen thưởng đề nghị.');
      need('achievements', !!String(values.achievements || '').trim(), 'Hãy ghi thành tích được đề nghị khen thưởng.');
    }
    if (problems.length) return showSummary(summary, sortByForm(problems));

    const body = requestBody(values, Object.values(w));
    const unlock = lock(form);
    let saved;
    try {
      saved = record ? await update('nominations', record.id, body) : await create('nominations', body);
    } catch (e) {
      unlock();
      return showServerError(asApiError(e));
    }
    initial = keyOf();
    setDirtyCheck(null);
    setFlash(values.state === 'submitted'
      ? (st === 'returned' ? 'Đã nộp lại hồ sơ. Phòng Văn hóa – Xã hội sẽ xem xét tiếp.'
        : isReviewer() ? 'Đã nộp hồ sơ. Hồ sơ đang chờ xem xét.' : 'Đã nộp hồ sơ. Phòng Văn hóa – Xã hội sẽ xem xét và báo lại.')
      : st === 'returned' ? 'Đã lưu thay đổi. Hồ sơ chưa được nộp lại.' : 'Đã lưu bản nháp.');
    navigate(`${listURL()}${saved.id}`, { replace: !!record, force: true });
  }

  /**
   * labelOf is the label a field shows.
   * @param {string} k
   */
  function labelOf(k) {
    const x = w[k];
    const l = x && x.el.querySelector('label, legend');
    return (l && l.firstChild && l.firstChild.textContent) || k;
  }

  /**
   * sortByForm puts problems in the order of their fields on the form.
   * @param {Problem[]} items
   */
  function sortByForm(items) {
    const order = (/** @type {Problem} */ it) => {
      const target = it.href ? document.getElementById(it.href.slice(1)) : null;
      if (!target) return 1e9;
      const all = [...form.querySelectorAll('input, select, textarea, button')];
      const i = all.indexOf(target);
      return i < 0 ? 1e9 : i;
    };
    return items.sort((a, b) => order(a) - order(b));
  }

  /** @param {ApiError} e */
  function showServerError(e) {
    const items = serverProblems(e, (field, msg) => {
      let key = field.replace(/[+-]$/, '');
      if (key === 'nomineeName' && modeOld.checked) key = 'nominee';
      return w[key] ? flag(w[key], msg, `${labelOf(key)}: ${msg}`) : null;
    });
    showSaveError(summary, e, sortByForm(items), record ? {
      href: `${listURL()}${record.id}`,
      text: 'Có thể hồ sơ vừa được nộp hoặc chuyển trạng thái. Nội dung bạn nhập vẫn còn trên trang; ',
    } : undefined);
  }
}

/**
 * deadlineNotice explains the yearly deadline of year for the kind chosen:
 * before it, the date; after it, that yearly dossiers are closed (a unit's
 * reporter may keep a draft, only reviewers file) while ad hoc ones stay
 * open.
 * @param {PortalConfig} config
 * @param {number} year
 * @param {string} kind
 */
export function deadlineNotice(config, year, kind) {
  const d = deadline(config, year);
  if (kind !== 'hang-nam') {
    return kind === 'dot-xuat'
      ? h('p', { class: 'notice notice-info deadline' }, 'Hồ sơ khen thưởng đột xuất nộp được bất cứ lúc nào.')
      : null;
  }
  if (!d.closed) {
    return h('p', { class: 'notice notice-info deadline' },
      `Hạn nộp hồ sơ khen thưởng hằng năm năm ${year}: hết ngày ${d.text}`,
      d.days <= 60 ? ` (còn ${formatNumber(Math.max(d.days, 0))} ngày).` : '.');
  }
  return h('div', { class: 'notice notice-warning deadline deadline-closed' },
    h('p', { class: 'notice-title' }, `Đã hết hạn nộp hồ sơ khen thưởng hằng năm năm ${year} (hạn cuối ${d.text}).`),
    h('p', {}, isReviewer()
      ? 'Hồ sơ nộp sau thời hạn này được ghi là nộp muộn; bạn xem xét chấp nhận trước khi trình Hội đồng.'
      : 'Đơn vị vẫn nộp được: hồ sơ sẽ được ghi là nộp muộn (kèm số ngày muộn) và Phòng Văn hóa – Xã hội xem xét chấp nhận trước khi trình Hội đồng. Hồ sơ khen thưởng đột xuất vẫn nộp được bất cứ lúc nào.'));
}

