// @ts-check
// What every form field shares: its block (label, hint, error message,
// control), the message beside it and the summary of a form's problems.
//
// Each widget (forms/*.js) has the same shape:
//
//   el        the field's block: label, hint, error message, control
//   focusId   the id the error summary links to
//   get()     the value to send ({error} if what was typed cannot be read)
//   key()     a string that changes when the value changes (unsaved changes)
//   setError(message)
//   addFiles(formData), filesPending()   only for uploads
//   destroy()                            only where a widget has timers
//
// Messages beside a field follow the GOV.UK pattern: the message sits
// between the label and the control, the control gets aria-invalid and
// aria-describedby names the hint and the message.

/**
 * @import { FieldDef, Problem } from '../ui-types.js'
 */

import { h, fill, uid } from '../util.js';

/**
 * What a field's block shows of its definition.
 * @typedef {Pick<FieldDef, 'name' | 'label' | 'hint' | 'required'>} FrameDef
 */

/**
 * errorSummary lists the problems of a form at its top, each linking to
 * its field; the caller gives it focus so screen readers read it at once.
 * @param {Problem[]} items
 * @param {string} [title]
 */
export function errorSummary(items, title = 'Có lỗi cần sửa') {
  const id = uid('error-summary');
  return h('div', { class: 'error-summary', role: 'alert', tabindex: '-1', 'aria-labelledby': id },
    h('h2', { id, class: 'error-summary-title' }, title),
    h('ul', { class: 'error-summary-list' }, items.map(({ href, text }) => h('li', {},
      href ? h('a', {
        href,
        onclick: (e) => {
          const target = document.getElementById(href.slice(1));
          if (target) {
            e.preventDefault();
            target.scrollIntoView({ block: 'center' });
            target.focus();
          }
        },
      }, text) : text))));
}

/**
 * setInvalid shows or clears the message of a control (in box; input, if
 * given, is marked invalid).
 * @param {Element | null} input
 * @param {HTMLElement} box
 * @param {string} message
 */
export function setInvalid(input, box, message) {
  if (message) {
    fill(box, h('span', { class: 'visually-hidden' }, 'Lỗi: '), message);
    box.hidden = false;
    if (input) input.setAttribute('aria-invalid', 'true');
  } else {
    box.replaceChildren();
    box.hidden = true;
    if (input) input.removeAttribute('aria-invalid');
  }
  const field = box.closest('.field');
  if (field) field.classList.toggle('field-has-error', !!message);
}

/**
 * frame builds a field's block around a control: a fieldset for a group
 * of controls, else a label for the control; extra goes under it.
 * @param {FrameDef} def
 * @param {string} id
 * @param {HTMLElement} control
 * @param {{ group?: boolean, extra?: HTMLElement | null }} [opts]
 */
export function frame(def, id, control, { group = false, extra = null } = {}) {
  const hintId = def.hint ? `${id}-hint` : null;
  const errId = `${id}-error`;
  const hint = def.hint ? h('p', { id: hintId, class: 'hint' }, def.hint) : null;
  const err = h('p', { id: errId, class: 'field-error', hidden: true });
  const required = def.required ? h('span', { class: 'req' }, ' (bắt buộc)') : null;
  const describedBy = [hintId, errId].filter(Boolean).join(' ');
  let el;
  if (group) {
    el = h('fieldset', { class: 'field', 'aria-describedby': describedBy },
      h('legend', {}, def.label, required), hint, err, control, extra);
  } else {
    if (control.setAttribute) control.setAttribute('aria-describedby', describedBy);
    el = h('div', { class: 'field', dataset: { field: def.name } },
      h('label', { for: id }, def.label, required), hint, err, control, extra);
  }
  el.dataset.field = def.name;
  return { el, err };
}

/**
 * counterFor shows "n / max ký tự" under a text control, marked when over.
 * @param {HTMLInputElement | HTMLTextAreaElement} input
 * @param {number} max
 */
export function counterFor(input, max) {
  const out = h('p', { class: 'counter', 'aria-live': 'off' });
  const upd = () => {
    const n = [...input.value].length;
    out.textContent = `${n.toLocaleString('vi-VN')} / ${max.toLocaleString('vi-VN')} ký tự`;
    out.classList.toggle('over', n > max);
    if (n > max) out.textContent += ` – vượt ${(n - max).toLocaleString('vi-VN')} ký tự`;
  };
  input.addEventListener('input', upd);
  upd();
  return out;
}

/**
 * groupField frames a group of controls (a fieldset) whose file or text
 * input is described by the hint and the message; changed tells the form
 * that the value changed (for its unsaved-changes check).
 * @param {FrameDef} def
 * @param {string} id
 * @param {HTMLElement} box
 * @param {HTMLElement} input
 */
export function groupField(def, id, box, input) {
  const { el, err } = frame(def, id, box, { group: true });
  input.setAttribute('aria-describedby', [def.hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' '));
  const changed = () => el.dispatchEvent(new Event('input', { bubbles: true }));
  return { el, err, changed };
}

/**
 * fileNames lists the files a file field holds (one name, or several).
 * @param {unknown} v
 * @returns {string[]}
 */
export function fileNames(v) {
  return Array.isArray(v) ? v.map(String) : v ? [String(v)] : [];
}
