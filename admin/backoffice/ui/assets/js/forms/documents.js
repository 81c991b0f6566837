// @ts-check
// Documents: a dossier's files (PDF, DOCX, pictures), checked before
// upload; existing ones are protected and downloaded with a file token.

/**
 * @import { WidgetMaker } from '../ui-types.js'
 */

import { h, fill, find, formatBytes, displayFileName, asciiFileName } from '../util.js';
import { asApiError } from '../api.js';
import { downloadProtected } from '../files.js';
import { fieldMeta } from '../schema.js';
import { fileNames, groupField, setInvalid } from './field.js';
import { checkDocument } from './sniff.js';

/**
 * downloadButton is a "Tải về" button for a protected file of record; it
 * tells its progress in status, and its failure to fail (status if none).
 * @param {{ collectionId: string, id: string }} record
 * @param {string} name
 * @param {HTMLElement} status
 * @param {(message: string) => void} [fail]
 */
export function downloadButton(record, name, status, fail) {
  const shown = displayFileName(name);
  const btn = h('button', {
    type: 'button', class: 'btn btn-small btn-secondary', 'aria-label': `Tải về ${shown}`,
    onclick: async () => {
      btn.disabled = true;
      status.textContent = `Đang tải ${shown}…`;
      try {
        await downloadProtected(record, name, shown);
        status.textContent = `Đã tải ${shown}.`;
      } catch (e) {
        const msg = `Không tải được “${shown}”: ${asApiError(e).message}`;
        if (fail) fail(msg); else status.textContent = msg;
      }
      btn.disabled = false;
    },
  }, 'Tải về');
  return btn;
}

/**
 * Documents: a dossier's files, checked before upload; the stored ones
 * downloaded with a file token, or removed when saved.
 * @type {WidgetMaker}
 */
export function documentsWidget(def, value, opts) {
  const id = `f-${def.name}`;
  const m = fieldMeta(opts.collection, def.name);
  const max = m.maxSelect || 10;
  const record = opts.record;
  const existing = fileNames(value);
  /** @type {string[]} */
  let removed = [];
  /** @type {File[]} */
  const pending = [];
  let refused = '';
  const input = h('input', { id, type: 'file', multiple: true, accept: ((m.mimeTypes || []).some((t) => t.startsWith('image/')) ? '.pdf,.docx,.jpg,.jpeg,.png,.webp,' : '.pdf,.doc,.docx,.xls,.xlsx,') + (m.mimeTypes || []).join(',') });
  const files = h('ul', { class: 'doc-list', 'aria-label': `${def.label}: tệp hiện có và tệp sẽ tải lên` });
  const status = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  const box = h('div', {}, files, h('label', { for: id, class: 'sub-label' }, 'Chọn tệp để thêm'), input, status);
  const { el, err, changed } = groupField({ ...def, required: def.required || m.required }, id, box, input);

  function draw() {
    const items = [];
    for (const name of existing) {
      const gone = removed.includes(name);
      const shown = displayFileName(name);
      const dl = record ? downloadButton(record, name, status, (msg) => setInvalid(input, err, msg)) : null;
      items.push(h('li', { class: gone ? 'doc doc-removed' : 'doc' },
        h('span', { class: 'doc-name' }, shown),
        h('span', { class: 'doc-note' }, gone ? 'Sẽ xóa khi lưu' : 'Đã tải lên'),
        h('span', { class: 'doc-actions' }, gone ? null : dl, h('button', {
          type: 'button', class: 'btn btn-small btn-secondary', 'aria-label': `${gone ? 'Giữ lại' : 'Xóa'} ${shown}`,
          onclick: () => {
            const at = existing.indexOf(name);
            removed = gone ? removed.filter((x) => x !== name) : [...removed, name];
            draw();
            status.textContent = gone ? `Đã giữ lại ${shown}.` : `${shown} sẽ bị xóa khi lưu.`;
            // Focus stays on the same file's toggle.
            const li = files.children[at];
            const again = li ? find(li, '.doc-actions button:last-child', HTMLButtonElement) : null;
            (again || input).focus();
            changed();
          },
        }, gone ? 'Giữ lại' : 'Xóa'))));
    }
    pending.forEach((f, i) => {
      items.push(h('li', { class: 'doc doc-new' },
        h('span', { class: 'doc-name' }, f.name),
        h('span', { class: 'doc-note' }, `Tệp mới, ${formatBytes(f.size)}: sẽ tải lên khi lưu`),
        h('span', { class: 'doc-actions' }, h('button', {
          type: 'button', class: 'btn btn-small btn-secondary', 'aria-label': `Bỏ tệp này: ${f.name}`,
          onclick: () => {
            pending.splice(i, 1);
            draw();
            status.textContent = `Đã bỏ ${f.name}.`;
            input.focus();
            changed();
          },
        }, 'Bỏ tệp này'))));
    });
    fill(files, items.length ? items : h('li', { class: 'muted' }, 'Chưa có tệp nào.'));
  }
  input.addEventListener('change', async () => {
    const chosen = [...(input.files || [])];
    input.value = '';
    const problems = [];
    for (const f of chosen) {
      const p = await checkDocument(f, m.maxSize, m.mimeTypes);
      if (p) problems.push(p); else pending.push(f);
    }
    const kept = existing.filter((x) => !removed.includes(x)).length;
    if (kept + pending.length > max) {
      const over = kept + pending.length - max;
      problems.push(`Mỗi hồ sơ có tối đa ${max} tệp; đã bỏ ${over} tệp chọn sau cùng.`);
      pending.splice(pending.length - over);
    }
    refused = problems.join(' ');
    setInvalid(input, err, refused);
    draw();
    if (!problems.length && chosen.length) status.textContent = `Đã chọn ${chosen.length} tệp; tệp sẽ được tải lên khi lưu.`;
    changed();
  });
  draw();
  return {
    el, focusId: id,
    get: () => (removed.length ? { remove: removed } : undefined),
    key: () => JSON.stringify(removed) + pending.map((f) => f.name + f.size).join(','),
    filesPending: () => pending.length > 0,
    addFiles: (fd) => { for (const f of pending) fd.append(`${def.name}+`, f, asciiFileName(f.name)); },
    setError: (msg) => setInvalid(input, err, [msg, refused].filter(Boolean).join(' ')),
  };
}
