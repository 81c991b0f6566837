// @ts-check
// Modal dialogs on the native <dialog> element: it keeps focus inside,
// closes with Escape and gives focus back to where it was.

import { h } from './util.js';

/**
 * confirmDialog asks a yes/no question and resolves to true on yes.
 * @param {{ title: string, text?: string, body?: Node, confirm?: string, cancel?: string, danger?: boolean }} q
 * @returns {Promise<boolean>}
 */
export function confirmDialog({ title, text, body, confirm = 'Đồng ý', cancel = 'Hủy', danger = false }) {
  return new Promise((resolve) => {
    const back = /** @type {HTMLElement | null} */ (document.activeElement);
    const titleId = 'dlg-title-' + Math.random().toString(36).slice(2);
    const dlg = h('dialog', { class: 'dialog', 'aria-labelledby': titleId },
      h('h2', { id: titleId }, title),
      text ? h('p', {}, text) : null,
      body || null,
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: danger ? 'btn btn-danger' : 'btn', value: 'yes', onclick: () => done(true) }, confirm),
        h('button', { type: 'button', class: 'btn btn-secondary', value: 'no', autofocus: true, onclick: () => done(false) }, cancel)));
    let answered = false;
    /** @param {boolean} v */
    function done(v) {
      if (answered) return;
      answered = true;
      dlg.close();
      dlg.remove();
      if (back && back.focus) back.focus();
      resolve(v);
    }
    dlg.addEventListener('cancel', (e) => { e.preventDefault(); done(false); });
    document.body.append(dlg);
    dlg.showModal();
  });
}

/**
 * modal shows content in a large dialog with a close button; it returns the
 * dialog, which removes itself when closed.
 * @param {{ title: string, content: Node, wide?: boolean, onClose?: () => void }} m
 */
export function modal({ title, content, wide = true, onClose }) {
  const back = /** @type {HTMLElement | null} */ (document.activeElement);
  const titleId = 'dlg-title-' + Math.random().toString(36).slice(2);
  const close = h('button', { type: 'button', class: 'btn btn-secondary dialog-close' }, 'Đóng');
  const dlg = h('dialog', { class: wide ? 'dialog dialog-wide' : 'dialog', 'aria-labelledby': titleId },
    h('div', { class: 'dialog-head' }, h('h2', { id: titleId }, title), close),
    content);
  close.addEventListener('click', () => dlg.close());
  dlg.addEventListener('close', () => {
    dlg.remove();
    if (onClose) onClose();
    if (back && back.focus) back.focus();
  });
  document.body.append(dlg);
  dlg.showModal();
  close.focus();
  return dlg;
}
