// @ts-check
// What every editor of the back office does when it saves: submit buttons
// that name their action, the form locked while it sends, the values its
// widgets give, and the summary of problems at the top — those found before
// sending and those the server sends back, each also beside its field.

/**
 * @import { Problem, Widget, WidgetValue, ValueError, FilesRemoved, ImageCleared } from './ui-types.js'
 * @import { FieldProblems } from './errors.js'
 */

import { h, fill } from './util.js';
import { errorSummary } from './forms/field.js';
import { BASE } from './nav.js';

/**
 * actionButton is a submit button naming the action it saves with.
 * @param {string} action
 * @param {string} text
 * @param {string} cls
 */
export function actionButton(action, text, cls) {
  return h('button', { type: 'submit', class: cls, dataset: { action } }, text);
}

/**
 * onAction is a form's submit handler: it calls save with the action of the
 * button pressed, or 'default' when Enter submitted the form.
 * @param {(action: string) => any} save
 * @returns {(e: SubmitEvent) => void}
 */
export function onAction(save) {
  return (e) => {
    e.preventDefault();
    const b = /** @type {HTMLElement | null} */ (e.submitter);
    save((b && b.dataset.action) || 'default');
  };
}

/**
 * lock disables a form's submit buttons while it is sent; the function it
 * returns unlocks them.
 * @param {HTMLElement} form
 */
export function lock(form) {
  const buttons = /** @type {HTMLButtonElement[]} */ ([...form.querySelectorAll('button[type=submit]')]);
  buttons.forEach((b) => { b.disabled = true; });
  form.setAttribute('aria-busy', 'true');
  return () => {
    buttons.forEach((b) => { b.disabled = false; });
    form.removeAttribute('aria-busy');
  };
}

/**
 * flag shows message beside the widget and returns the summary's item,
 * which says text and links to the widget.
 * @param {Widget} w
 * @param {string} message
 * @param {string} text
 * @returns {Problem}
 */
export function flag(w, message, text) {
  w.setError(message);
  return { href: '#' + w.focusId, text };
}

/**
 * keysOf is one string that changes when any of the widgets changes.
 * @param {Widget[]} widgets
 */
export function keysOf(widgets) {
  return widgets.map((x) => x.key()).join('\u0001');
}

/**
 * isError tells whether a widget's value says what was typed cannot be read.
 * @param {WidgetValue} v
 * @returns {v is ValueError}
 */
export function isError(v) {
  return !!v && typeof v === 'object' && !Array.isArray(v) && 'error' in v && typeof v.error === 'string';
}

/**
 * isFileChange tells whether a widget's value names files to remove or an
 * image cleared rather than a value to send.
 * @param {WidgetValue} v
 * @returns {v is FilesRemoved | ImageCleared}
 */
function isFileChange(v) {
  return !!v && typeof v === 'object' && !Array.isArray(v) && (('remove' in v && Array.isArray(v.remove)) || ('clear' in v && v.clear === true));
}

/**
 * readValue puts what the widget holds into values under name: a value as
 * it is (an object too, such as a gallery's captions), files to remove as
 * `name-`, an image cleared as ''; nothing when the widget has nothing to
 * send; a problem (labelled) when what was typed cannot be read.
 * @param {Widget} w
 * @param {string} name
 * @param {string} label
 * @param {Record<string, unknown>} values
 * @param {Problem[]} problems
 */
export function readValue(w, name, label, values, problems) {
  const v = w.get();
  if (isError(v)) {
    problems.push(flag(w, v.error, `${label}: ${v.error}`));
    return;
  }
  if (v === undefined) return;
  if (isFileChange(v)) {
    if ('remove' in v) values[name + '-'] = v.remove;
    else values[name] = '';
    return;
  }
  values[name] = v;
}

/**
 * requestBody is what a save sends: values as JSON or, when a widget has
 * files to upload, a multipart form with values as @jsonPayload and the
 * widgets' files beside them.
 * @param {Record<string, unknown>} values
 * @param {Widget[]} widgets
 * @returns {Record<string, unknown> | FormData}
 */
export function requestBody(values, widgets) {
  if (!widgets.some((w) => w.filesPending && w.filesPending())) return values;
  const fd = new FormData();
  fd.append('@jsonPayload', JSON.stringify(values));
  for (const w of widgets) if (w.addFiles) w.addFiles(fd);
  return fd;
}

/**
 * serverProblems lists the messages the server sent back about fields:
 * place shows each beside its field and returns its item, or returns null
 * when no field of the form shows it (the bare message is listed then).
 * @param {{ data?: FieldProblems }} e
 * @param {(field: string, message: string) => Problem | null} place
 * @returns {Problem[]}
 */
export function serverProblems(e, place) {
  /** @type {Problem[]} */
  const items = [];
  for (const [field, info] of Object.entries(e.data || {})) {
    const message = info && info.message ? info.message : String(info);
    items.push(place(field, message) || { text: message });
  }
  return items;
}

/**
 * showSummary fills slot with the summary of the problems, brings it into
 * view (unless scroll is false) and gives it focus.
 * @param {HTMLElement} slot
 * @param {Problem[]} items
 * @param {string} [title]
 * @param {{ scroll?: boolean }} [opts]
 */
export function showSummary(slot, items, title = 'Chưa lưu được: có lỗi cần sửa', { scroll = true } = {}) {
  const box = errorSummary(items, title);
  fill(slot, box);
  if (scroll) box.scrollIntoView({ block: 'start' });
  box.focus();
  return box;
}

/**
 * showSaveError says why a save failed: the server's problems (items), or
 * its message; after 401 how to sign in again without losing what was
 * typed, after 403 (when latest is given) where the latest version is.
 * @param {HTMLElement} slot
 * @param {{ status?: number, message: string }} e
 * @param {Problem[]} items
 * @param {{ href: string, text: string }} [latest]
 */
export function showSaveError(slot, e, items, latest) {
  if (!items.length) {
    items.push({ text: e.status === 401
      ? 'Phiên đăng nhập đã hết hạn. Nội dung bạn nhập vẫn còn trên trang: hãy đăng nhập lại trong thẻ mới, rồi quay lại đây bấm lưu.'
      : e.message });
  }
  const box = showSummary(slot, items, e.status === 403 ? 'Không được phép' : e.status === 401 ? 'Cần đăng nhập lại' : 'Chưa lưu được: có lỗi cần sửa');
  if (e.status === 401) box.append(h('p', {}, h('a', { href: BASE + 'dang-nhap', target: '_blank', rel: 'noopener' }, 'Mở trang đăng nhập (thẻ mới)')));
  if (e.status === 403 && latest) {
    box.append(h('p', {}, latest.text,
      h('a', { href: latest.href, target: '_blank', rel: 'noopener' }, 'mở bản mới nhất trong thẻ mới'), ' để xem.'));
  }
}

/**
 * saveProgress shows, beside the actions of form, how much of the photos a
 * save sends (body, when it is form data) has gone up: the request's
 * progress option, and done to take it away after a failure.
 * @param {HTMLElement} form
 * @param {unknown} body
 * @returns {{ progress?: (sent: number) => void, done: () => void }}
 */
export function saveProgress(form, body) {
  if (!(body instanceof FormData)) return { done: () => {} };
  const bar = h('progress', { max: 100, value: 0, 'aria-label': 'Đang tải ảnh lên' });
  const line = h('p', { class: 'save-progress', role: 'status' }, 'Đang tải ảnh lên… ', bar);
  form.querySelector('.workflow .actions')?.after(line);
  return { progress: (sent) => { bar.value = Math.round(sent * 100); }, done: () => line.remove() };
}
