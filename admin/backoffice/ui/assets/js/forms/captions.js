// @ts-check
// Captions of a gallery's photos: one line under each photo already
// uploaded (a new photo gets its caption once the record is saved). The
// value is an object from the stored file's name to its caption.

/**
 * @import { WidgetMaker } from '../ui-types.js'
 */

import { h, fill } from '../util.js';
import { fileURL } from '../api.js';
import { fileNames, frame, setInvalid } from './field.js';

const MAX = 300;

/**
 * Captions of a gallery's stored photos: an object from each file's name
 * to its caption.
 * @type {WidgetMaker}
 */
export function captionsWidget(def, value, opts) {
  const id = `f-${def.name}`;
  const record = opts.record;
  const photos = record && def.gallery ? fileNames(record[def.gallery]) : [];
  const given = /** @type {Record<string, unknown>} */ (value && typeof value === 'object' ? value : {});
  const inputs = photos.map((name, i) => {
    const input = h('input', { id: i ? `${id}-${i}` : id, type: 'text', maxlength: String(MAX), class: 'caption-input', 'aria-label': `Chú thích ảnh ${i + 1}` });
    input.value = String(given[name] || '');
    return { name, input };
  });
  const list = h('ul', { class: 'gallery' });
  fill(list, inputs.length ? inputs.map(({ name, input }, i) => h('li', { class: 'thumb' },
    h('img', { src: record ? fileURL(record, name, '320x0') : '', alt: `Ảnh ${i + 1}`, loading: 'lazy' }),
    h('label', { for: input.id, class: 'sub-label' }, `Chú thích ảnh ${i + 1}`), input))
    : h('li', { class: 'muted' }, 'Chưa có ảnh nào đã lưu. Hãy chọn ảnh ở mục trên, bấm lưu, rồi ghi chú thích ở đây.'));
  const { el, err } = frame(def, id, list, { group: true });
  const read = () => {
    /** @type {Record<string, string>} */
    const out = {};
    for (const { name, input } of inputs) if (input.value.trim()) out[name] = input.value.trim();
    return out;
  };
  return {
    el, focusId: id,
    get: () => {
      const tooLong = inputs.find(({ input }) => [...input.value].length > MAX);
      if (tooLong) return { error: `Mỗi chú thích ảnh tối đa ${MAX} ký tự.` };
      return read();
    },
    key: () => JSON.stringify(read()),
    setError: (msg) => setInvalid(inputs.length ? inputs[0].input : null, err, msg),
  };
}
