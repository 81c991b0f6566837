// @ts-check
// Images: checks before upload, preview, removal; photos for a text are
// put into it at once, saved or not, and a saved record's are uploaded as
// soon as they are picked, with their progress.

/**
 * @import { WidgetMaker } from '../ui-types.js'
 */

import { h, fill, formatBytes } from '../util.js';
import { fileURL, request, asApiError } from '../api.js';
import { fieldMeta } from '../schema.js';
import { fileNames, groupField, setInvalid } from './field.js';
import { checkImage } from './sniff.js';

/**
 * Images: the stored ones shown (each can be removed, or put into the
 * text), new ones checked and previewed until saved.
 * @type {WidgetMaker}
 */
export function imageWidget(def, value, opts) {
  const id = `f-${def.name}`;
  const m = fieldMeta(opts.collection, def.name);
  const max = m.maxSelect || 1;
  const multiple = max > 1;
  const record = opts.record;
  const existing = fileNames(value);
  /** @type {string[]} */
  let removed = [];
  /**
   * Photos picked and not saved; those being uploaded now (sent: the
   * share sent) are not sent again with the form.
   * @type {{ file: File, url: string, name: string, sent?: number, insert?: boolean }[]}
   */
  let pending = [];
  const waiting = () => pending.filter((p) => p.sent === undefined);
  let refused = ''; // why the last files chosen were not taken
  const input = h('input', { id, type: 'file', accept: (m.mimeTypes || ['image/jpeg', 'image/png', 'image/webp']).join(','), multiple: multiple });
  const gallery = h('ul', { class: 'gallery', 'aria-label': `${def.label}: ảnh hiện có và ảnh sẽ tải lên` });
  const status = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  const pick = h('label', { for: id, class: 'sub-label' }, multiple ? 'Chọn ảnh để thêm' : (existing.length ? 'Chọn ảnh khác để thay' : 'Chọn ảnh'));
  const box = h('div', {}, gallery, pick, input, status);
  const { el, err, changed } = groupField({ ...def, required: def.required || m.required }, id, box, input);
  const insert = def.insert;
  if (insert) {
    // The text's preview shows its photos, saved or still to upload.
    sources.set(insert, (name) => {
      if (existing.includes(name) && !removed.includes(name)) return record ? fileURL(record, name, '800x0') : '';
      const p = pending.find((x) => x.name === name);
      return p ? p.url : '';
    });
  }

  function draw() {
    const items = [];
    for (const name of existing) {
      const gone = removed.includes(name);
      items.push(h('li', { class: gone ? 'thumb thumb-removed' : 'thumb' },
        h('img', { src: record ? fileURL(record, name, '320x0') : '', alt: gone ? '' : `Ảnh hiện có: ${name}`, loading: 'lazy' }),
        h('p', { class: 'thumb-note' }, gone ? 'Sẽ xóa khi lưu' : 'Ảnh hiện có'),
        insert && !gone ? h('button', {
          type: 'button', class: 'btn btn-small btn-secondary',
          onclick: () => insertImage(insert, name),
        }, 'Chèn vào nội dung') : null,
        h('button', {
          type: 'button', class: 'btn btn-small btn-secondary',
          onclick: () => {
            removed = gone ? removed.filter((x) => x !== name) : [...removed, name];
            draw();
            status.textContent = gone ? 'Đã giữ lại ảnh.' : 'Ảnh sẽ bị xóa khi lưu.';
            changed();
          },
        }, gone ? 'Giữ lại ảnh này' : 'Xóa ảnh này')));
    }
    pending.forEach((p, i) => {
      if (p.sent !== undefined) {
        const pct = Math.round(p.sent * 100);
        items.push(h('li', { class: 'thumb thumb-new thumb-uploading' },
          h('img', { src: p.url, alt: `Ảnh đang tải lên: ${p.file.name}` }),
          h('progress', { max: 100, value: pct, 'aria-label': `Tải lên ${p.file.name}` }),
          h('p', { class: 'thumb-note' }, `Đang tải lên… ${pct}%`)));
        return;
      }
      items.push(h('li', { class: 'thumb thumb-new' },
        h('img', { src: p.url, alt: `Ảnh mới: ${p.file.name}` }),
        h('p', { class: 'thumb-note' }, `Ảnh mới, ${formatBytes(p.file.size)}: sẽ tải lên khi lưu`),
        insert ? h('button', {
          type: 'button', class: 'btn btn-small btn-secondary',
          onclick: () => insertImage(insert, p.name),
        }, 'Chèn vào nội dung') : null,
        h('button', {
          type: 'button', class: 'btn btn-small btn-secondary',
          onclick: () => {
            URL.revokeObjectURL(p.url);
            pending.splice(i, 1);
            draw();
            status.textContent = 'Đã bỏ ảnh mới.';
            input.focus();
            changed();
          },
        }, 'Bỏ ảnh này')));
    });
    fill(gallery, items.length ? items : h('li', { class: 'muted' }, 'Chưa có ảnh.'));
  }
  input.addEventListener('cancel', () => { delete input.dataset.insertNow; });
  input.addEventListener('change', async () => {
    const files = [...(input.files || [])];
    input.value = '';
    // Picked with the text's "Ảnh" button: into the text at once.
    const insertNow = insert && input.dataset.insertNow === '1';
    delete input.dataset.insertNow;
    const before = pending.length;
    const problems = [];
    for (const f of files) {
      const p = await checkImage(f, m.maxSize, m.mimeTypes);
      if (p) { problems.push(p); continue; }
      if (!multiple) {
        pending.forEach((x) => URL.revokeObjectURL(x.url));
        pending = [];
      }
      pending.push({ file: f, url: URL.createObjectURL(f), name: uploadName(f) });
    }
    const kept = existing.filter((x) => !removed.includes(x)).length;
    if (multiple && kept + pending.length > max) {
      problems.push(`Chỉ được có tối đa ${max} ảnh; đã bỏ ${kept + pending.length - max} ảnh chọn sau cùng.`);
      pending.splice(max - kept).forEach((x) => URL.revokeObjectURL(x.url));
    }
    refused = problems.join(' ');
    setInvalid(input, err, refused);
    const picked = pending.slice(before);
    // A saved record's photos for the text go up at once.
    const now = insert && multiple && record && record.id ? picked : [];
    for (const p of now) { p.sent = 0; p.insert = !!insertNow; }
    draw();
    if (!problems.length && files.length) status.textContent = now.length ? `Đang tải lên ${now.length} ảnh…` : `Đã chọn ${files.length} ảnh; ảnh sẽ được tải lên khi lưu.`;
    changed();
    if (insertNow && !now.length) for (const p of picked) insertImage(insert, p.name);
    for (const p of now) send(p);
  });

  /**
   * send uploads the picked photo p to the saved record at once; stored,
   * it is one of the record's photos (and put into the text if it was
   * picked for that); refused, it stays picked, to go with the next save,
   * and the reason is said.
   * @param {{ file: File, url: string, name: string, sent?: number, insert?: boolean }} p
   */
  async function send(p) {
    if (!insert || !record) return;
    const fd = new FormData();
    fd.append(`${def.name}+`, p.file, p.name);
    let last = 0;
    try {
      const res = /** @type {Record<string, unknown>} */ (await request('PATCH', `/api/collections/${opts.collection}/records/${record.id}`, fd, {
        progress: (sent) => {
          p.sent = sent;
          if (sent - last >= 0.05 || sent === 1) { last = sent; draw(); }
        },
      }));
      const names = fileNames(res[def.name]);
      const stored = names.find((n) => !existing.includes(n));
      pending = pending.filter((x) => x !== p);
      URL.revokeObjectURL(p.url);
      if (stored) existing.push(stored);
      draw();
      status.textContent = 'Đã tải ảnh lên.';
      if (stored && p.insert) insertImage(insert, stored);
    } catch (ex) {
      delete p.sent;
      draw();
      refused = `Chưa tải lên được “${p.file.name}”: ${asApiError(ex).message} Ảnh sẽ được gửi lại khi lưu.`;
      setInvalid(input, err, refused);
      if (p.insert) insertImage(insert, p.name);
    }
    changed();
  }
  draw();
  return {
    el, focusId: id,
    get: () => {
      if (multiple) return removed.length ? { remove: removed } : undefined;
      if (waiting().length) return undefined; // sent as a file
      return removed.length && removed.length === existing.length ? { clear: true } : undefined;
    },
    key: () => JSON.stringify(removed) + waiting().map((p) => p.file.name + p.file.size).join(','),
    filesPending: () => waiting().length > 0,
    addFiles: (fd) => {
      // A photo for a text goes under the name the text gives it (the
      // server puts the stored name in its place, admin/gallery.go).
      for (const p of waiting()) fd.append(multiple ? `${def.name}+` : def.name, p.file, insert ? p.name : p.file.name);
    },
    // A file refused here stays said until another is chosen.
    setError: (msg) => setInvalid(input, err, [msg, refused].filter(Boolean).join(' ')),
  };
}

/**
 * The photos of each text field (by name): the address of a photo the
 * text names, saved or picked and not yet saved, or '' when it has none.
 * @type {Map<string, (name: string) => string>}
 */
const sources = new Map();

/**
 * imageSource is the address the preview of the text field target shows
 * for the photo its Markdown names name, or '' if it has none such.
 * @param {string} target
 * @param {string} name
 */
export function imageSource(target, name) {
  const f = sources.get(target);
  return f ? f(name) : '';
}

/**
 * uploadName is the name a photo picked for a text is inserted and
 * uploaded under until it is saved: plain ASCII, unique on the page.
 * @param {File} f
 */
function uploadName(f) {
  const ext = ({ 'image/png': '.png', 'image/webp': '.webp' })[f.type] || '.jpg';
  return `anh-moi-${Math.random().toString(36).slice(2, 10)}${ext}`;
}

/**
 * insertImage puts a Markdown image naming a stored photo at the cursor of
 * the text field target (its description to be typed by the writer).
 * @param {string} target
 * @param {string} name
 */
export function insertImage(target, name) {
  const area = document.getElementById(`f-${target}`);
  if (!(area instanceof HTMLTextAreaElement)) return;
  const at = area.selectionStart ?? area.value.length;
  const text = `\n\n![Mô tả ảnh](${name})\n\n`;
  area.value = area.value.slice(0, at) + text + area.value.slice(area.selectionEnd ?? at);
  area.focus();
  area.setSelectionRange(at + 4, at + 13);
  area.dispatchEvent(new Event('input', { bubbles: true }));
}
