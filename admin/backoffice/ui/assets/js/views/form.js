// @ts-check
// A record's form: its fields, its state and the workflow actions the
// person's role allows (save a draft, send for review, publish now,
// schedule, archive), the preview in the real theme, the history and
// deletion. A failed save keeps everything as typed and says what is wrong
// beside each field and in a summary at the top.

/**
 * @import { PublicRecord } from '../types.js'
 * @import { Problem, RouteCtx } from '../ui-types.js'
 * @import { ApiError } from '../api.js'
 */

import { view, create, update, remove, asApiError } from '../api.js';
import { h, fill, find, formatDateTime, toPB, parseVNDate, dateInputValue, timeInputValue } from '../util.js';
import { collections, titleOf, fieldLabel, scheduled, siteSection } from '../schema.js';
import { canCreate, canEdit, canDelete, statuses, lockedUnit } from '../roles.js';
import { widget } from '../forms/widget.js';
import { setInvalid } from '../forms/field.js';
import { BASE, navigate, setTitle, setDirtyCheck, setFlash, takeFlash, flashNotice } from '../nav.js';
import { confirmDialog } from '../dialog.js';
import { relatedNotice, defaultValue, workflowText, crumbs, statePanel, renderReadOnly, openPreview } from './record.js';
import { actionButton, onAction, lock, flag, keysOf, readValue, requestBody, serverProblems, showSummary, showSaveError } from '../editor.js';

/**
 * expandFor names the relations a record's form shows the titles of.
 * @param {string} collection
 */
function expandFor(collection) {
  return collections[collection].fields
    .filter((f) => f.widget === 'picker' || f.widget === 'unit')
    .map((f) => f.name).join(',');
}

/**
 * renderForm shows a record's form (id), or a new record's (no id).
 * @param {HTMLElement} el
 * @param {RouteCtx & { collection: string, id: string }} ctx
 */
export async function renderForm(el, { collection, id }) {
  const c = collections[collection];
  const listURL = BASE + c.path + '/';
  /** @type {PublicRecord | null} */
  let record = null;
  if (id) {
    try {
      record = await view(collection, id, { expand: expandFor(collection) });
    } catch (ex) {
      const e = asApiError(ex);
      if (e.status === 404 || e.status === 403) {
        setTitle('Không tìm thấy');
        fill(el, crumbs(c, 'Không tìm thấy'), h('h1', {}, 'Không tìm thấy bản ghi'),
          h('p', {}, 'Bản ghi này không tồn tại, đã bị xóa, hoặc bạn không có quyền xem.'),
          h('p', {}, h('a', { href: listURL }, `Về danh sách ${c.title.toLowerCase()}`)));
        return;
      }
      throw ex;
    }
  } else if (!canCreate(collection)) {
    setTitle('Không có quyền');
    fill(el, crumbs(c, 'Thêm mới'), h('h1', {}, 'Bạn không thể thêm ' + c.one),
      h('p', {}, 'Vai trò của bạn không được tạo mục này. Liên hệ Phòng Văn hóa – Xã hội nếu cần.'),
      h('p', {}, h('a', { href: listURL }, `Về danh sách ${c.title.toLowerCase()}`)));
    return;
  }

  const name = record ? titleOf(collection, record) : '';
  if (record && !canEdit(collection, record)) return renderReadOnly(el, c, collection, record);

  const heading = record ? `Sửa ${c.one}` : c.newLabel;
  setTitle(record ? `${heading}: ${name}` : heading);
  const flash = takeFlash();
  const summary = h('div', { class: 'summary-slot' });
  const opts = { collection, record, lockedUnit: lockedUnit(collection) };
  const widgets = c.fields.map((def) => ({ def, w: widget(def, record ? record[def.name] : defaultValue(collection, def), opts) }));

  // ---- workflow
  const allowed = statuses(collection);
  const st = record ? record.status : 'new';
  const future = !!record && scheduled(record);
  const live = !!record && record.status === 'published' && !future;
  const schedDate = h('input', { id: 'schedule-date', type: 'text', inputmode: 'numeric', class: 'input-date', autocomplete: 'off', placeholder: 'dd/mm/yyyy', 'aria-describedby': 'schedule-hint schedule-error' });
  const schedTime = h('input', { id: 'schedule-time', type: 'text', inputmode: 'numeric', class: 'input-time', autocomplete: 'off', placeholder: 'HH:mm', 'aria-describedby': 'schedule-hint schedule-error' });
  if (record && future) {
    schedDate.value = dateInputValue(record.publishAt);
    schedTime.value = timeInputValue(record.publishAt);
  }
  const schedErr = h('p', { id: 'schedule-error', class: 'field-error', hidden: true });
  // Enter in the date or time schedules, rather than saving a draft.
  for (const input of [schedDate, schedTime]) {
    input.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter') return;
      e.preventDefault();
      const btn = find(form, 'button[data-action="schedule"]', HTMLButtonElement);
      if (btn) form.requestSubmit(btn);
    });
  }
  /** @type {HTMLButtonElement[]} */
  const actions = [];
  const act = (/** @type {string} */ action, /** @type {string} */ text, cls = 'btn btn-secondary') => actions.push(actionButton(action, text, cls));
  if (st === 'new' || st === 'draft') {
    act('draft', 'Lưu bản nháp', 'btn');
    if (allowed.includes('review')) act('review', 'Gửi duyệt');
  } else {
    act('keep', live ? 'Lưu thay đổi (cập nhật trang)' : 'Lưu thay đổi', 'btn');
    if (st === 'review' || st === 'published' || st === 'archived') act('draft', live ? 'Gỡ xuống, chuyển về bản nháp' : future ? 'Hủy hẹn giờ, chuyển về bản nháp' : 'Chuyển về bản nháp');
  }
  if (allowed.includes('published') && !live) act('publish', st === 'archived' ? 'Xuất bản lại ngay' : 'Xuất bản ngay', 'btn btn-publish');
  if (allowed.includes('archived') && record && st !== 'archived') act('archive', 'Lưu trữ (gỡ khỏi trang)', 'btn btn-secondary');

  const scheduleBox = allowed.includes('published') && !live ? h('fieldset', { class: 'field schedule', id: 'schedule', 'data-field': 'publishAt' },
    h('legend', {}, future ? 'Đổi giờ xuất bản' : 'Hẹn giờ xuất bản'),
    h('p', { class: 'hint', id: 'schedule-hint' }, 'Trang tự xuất hiện trên trang công khai vào thời điểm này (giờ Việt Nam), không cần ai lưu lại. Giờ theo dạng giờ:phút, ví dụ 07:30.'),
    schedErr,
    h('div', { class: 'inline' },
      h('div', { class: 'field field-compact' }, h('label', { for: 'schedule-date' }, 'Ngày'), schedDate),
      h('div', { class: 'field field-compact' }, h('label', { for: 'schedule-time' }, 'Giờ'), schedTime),
      h('button', { type: 'submit', class: 'btn btn-secondary', dataset: { action: 'schedule' } }, future ? 'Đổi giờ xuất bản' : 'Hẹn giờ xuất bản'))) : null;

  const form = h('form', { class: 'record-form', novalidate: true, onsubmit: onAction(save) },
    widgets.map((x) => x.w.el),
    h('section', { class: 'workflow', 'aria-labelledby': 'workflow-title' },
      h('h2', { id: 'workflow-title' }, 'Lưu và xuất bản'),
      h('p', {}, workflowText(collection, record, allowed)),
      h('div', { class: 'actions' }, actions),
      scheduleBox));

  const tools = record ? h('div', { class: 'tools' },
    siteSection(collection) ? h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => openPreview(collection, record, dirty()) }, 'Xem trước') : null,
    h('a', { class: 'btn btn-secondary', href: `${BASE}${c.path}/${record.id}/lich-su` }, 'Lịch sử thay đổi'),
    canDelete(collection, record) ? h('button', { type: 'button', class: 'btn btn-danger-quiet', onclick: onDelete }, 'Xóa') : null) : null;

  const related = record ? await relatedNotice(collection, record) : null;

  fill(el,
    crumbs(c, record ? name : c.newLabel),
    h('h1', {}, heading, record ? h('span', { class: 'h1-sub' }, name) : null),
    flashNotice(flash),
    record ? statePanel(collection, record) : null,
    related,
    tools,
    summary,
    h('p', { class: 'hint' }, 'Các trường có ghi “(bắt buộc)” phải điền.'),
    form);

  const keyOf = () => keysOf(widgets.map((x) => x.w)) + '\u0001' + schedDate.value + schedTime.value;
  let initial = keyOf();
  const dirty = () => keyOf() !== initial;
  if (el.isConnected) setDirtyCheck(dirty);

  /**
   * save saves the form with the action of the button pressed.
   * @param {string} action
   */
  async function save(action) {
    summary.replaceChildren();
    for (const x of widgets) x.w.setError('');
    setInvalid(schedDate, schedErr, '');
    schedTime.removeAttribute('aria-invalid');
    /** @type {Problem[]} */
    const problems = [];
    /** @type {Record<string, unknown>} */
    const values = {};
    for (const { def, w } of widgets) {
      readValue(w, def.name, def.label, values, problems);
    }
    // The state to save.
    const nowPB = toPB(new Date());
    let message = 'Đã lưu thay đổi.';
    switch (action) {
      case 'default':
      case 'keep':
        values.status = st === 'new' ? 'draft' : st;
        message = st === 'new' || st === 'draft' ? 'Đã lưu bản nháp.' : 'Đã lưu thay đổi.';
        if (live) message += ' Trang công khai được cập nhật ở lần dựng tới (thường sau vài giây): dòng “Trên trang công khai” cho biết khi nào.';
        break;
      case 'draft':
        values.status = 'draft';
        message = st === 'new' || st === 'draft' ? 'Đã lưu bản nháp.' : 'Đã chuyển về bản nháp.' + (live ? ' Trang sẽ được gỡ khỏi trang công khai ở lần dựng tới.' : '');
        if (future) values.publishAt = '';
        break;
      case 'review':
        values.status = 'review';
        message = 'Đã gửi duyệt. Cán bộ thẩm định sẽ xem và xuất bản.';
        break;
      case 'publish':
        values.status = 'published';
        if (future) values.publishAt = nowPB;
        message = 'Đã xuất bản. Nội dung lên trang công khai ở lần dựng tới (thường sau vài giây): dòng “Trên trang công khai” cho biết khi nào.';
        break;
      case 'archive':
        values.status = 'archived';
        message = 'Đã chuyển vào lưu trữ. Trang sẽ được gỡ khỏi trang công khai ở lần dựng tới.';
        break;
      case 'schedule': {
        let msg = '';
        if (!schedDate.value.trim()) msg = 'Hãy nhập ngày xuất bản, ví dụ 25/11/2026.';
        else if (!schedTime.value.trim()) msg = 'Hãy nhập giờ xuất bản, ví dụ 07:30.';
        /** @type {Date | null} */
        let when = null;
        if (!msg) {
          const r = parseVNDate(schedDate.value, schedTime.value);
          if ('error' in r) msg = r.error;
          else if (r.date <= new Date()) msg = 'Thời điểm hẹn giờ phải ở tương lai. Muốn đăng ngay thì bấm “Xuất bản ngay”.';
          else when = r.date;
        }
        if (msg || !when) {
          setInvalid(schedDate, schedErr, msg);
          schedTime.setAttribute('aria-invalid', 'true');
          problems.push({ href: '#schedule-date', text: `Hẹn giờ xuất bản: ${msg}` });
          break;
        }
        values.status = 'published';
        values.publishAt = toPB(when);
        message = `Đã hẹn giờ xuất bản lúc ${formatDateTime(when)}. Trang sẽ tự xuất hiện trên trang công khai vào lúc đó.`;
        break;
      }
      default:
        values.status = st === 'new' ? 'draft' : st;
    }
    if (problems.length) return showProblems(problems);

    const body = requestBody(values, widgets.map((x) => x.w));
    const unlock = lock(form);
    let saved;
    try {
      saved = record ? await update(collection, record.id, body) : await create(collection, body);
    } catch (e) {
      unlock();
      return showServerError(asApiError(e));
    }
    initial = keyOf();
    setDirtyCheck(null);
    setFlash(message);
    navigate(`${BASE}${c.path}/${saved.id}`, { replace: !record ? false : true, force: true });
  }

  /**
   * @param {Problem[]} items
   * @param {string} [title]
   */
  function showProblems(items, title) {
    showSummary(summary, items, title || 'Chưa lưu được: có lỗi cần sửa');
  }

  /** @param {ApiError} e */
  function showServerError(e) {
    const items = serverProblems(e, (field, message) => {
      const x = widgets.find((y) => y.def.name === field || y.def.name + '+' === field || y.def.name + '-' === field);
      if (x) return flag(x.w, message, `${x.def.label}: ${message}`);
      if ((field === 'publishAt' || field === 'status') && scheduleBox) {
        setInvalid(schedDate, schedErr, message);
        return { href: '#schedule-date', text: `${fieldLabel(collection, field)}: ${message}` };
      }
      return { text: `${fieldLabel(collection, field)}: ${message}` };
    });
    const order = (/** @type {Problem} */ it) => {
      const i = widgets.findIndex((x) => it.href === '#' + x.w.focusId);
      return i < 0 ? widgets.length : i;
    };
    items.sort((a, b) => order(a) - order(b));
    showSaveError(summary, e, items, record ? {
      href: `${BASE}${c.path}/${record.id}`,
      text: 'Có thể người khác vừa chuyển trạng thái bản ghi này. Nội dung bạn nhập vẫn còn trên trang; ',
    } : undefined);
  }

  async function onDelete() {
    if (!record) return;
    const ok = await confirmDialog({
      title: `Xóa ${c.one}?`,
      text: `“${name}” sẽ bị xóa hẳn và gỡ khỏi trang công khai. Phiên bản cuối cùng vẫn được giữ trong lịch sử, nhưng không khôi phục được từ trang quản trị.`,
      confirm: 'Xóa', cancel: 'Không xóa', danger: true,
    });
    if (!ok) return;
    try {
      await remove(collection, record.id);
    } catch (ex) {
      const e = asApiError(ex);
      showSummary(summary, [{ text: e.message }], e.status === 403 ? 'Không được phép xóa' : 'Chưa xóa được', { scroll: false });
      return;
    }
    setFlash(`Đã xóa “${name}”.`);
    navigate(listURL, { force: true });
  }

  return () => { for (const x of widgets) if (x.w.destroy) x.w.destroy(); };
}
