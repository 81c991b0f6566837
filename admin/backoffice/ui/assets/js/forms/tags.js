// @ts-check
// Tags: words typed one by one (or several with commas), each removable.

/**
 * @import { WidgetMaker } from '../ui-types.js'
 */

import { h, fill } from '../util.js';
import { groupField, setInvalid } from './field.js';

/**
 * Tags: words typed one by one (or several with commas), each removable.
 * @type {WidgetMaker}
 */
export function tagsWidget(def, value) {
  const id = `f-${def.name}`;
  const noun = def.noun || 'từ khóa'; // what one tag is called: từ khóa, nhãn
  const Noun = noun[0].toUpperCase() + noun.slice(1);
  const tags = Array.isArray(value) ? value.map(String) : [];
  const input = h('input', { id, type: 'text', autocomplete: 'off', class: 'input-medium' });
  const add = h('button', { type: 'button', class: 'btn btn-secondary btn-small' }, 'Thêm');
  const chips = h('ul', { class: 'chips', 'aria-label': `${Noun} đã thêm` });
  const status = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  const row = h('div', { class: 'inline' }, input, add);
  const box = h('div', {}, chips, h('label', { for: id, class: 'sub-label' }, `${Noun} mới`), row, status);
  const { el, err, changed } = groupField(def, id, box, input);
  function draw() {
    fill(chips, tags.length === 0 ? h('li', { class: 'muted' }, `Chưa có ${noun}.`) : tags.map((t, i) => h('li', { class: 'chip' },
      h('span', {}, t),
      h('button', {
        type: 'button', class: 'chip-remove', 'aria-label': `Xóa ${noun} ${t}`,
        onclick: () => { tags.splice(i, 1); draw(); status.textContent = `Đã xóa ${noun} ${t}.`; input.focus(); changed(); },
      }, '×'))));
  }
  function addTyped() {
    const parts = input.value.split(',').map((s) => s.trim()).filter(Boolean);
    for (const p of parts) if (!tags.some((t) => t.toLowerCase() === p.toLowerCase())) tags.push(p);
    input.value = '';
    draw();
    if (parts.length) status.textContent = `Đã thêm ${parts.join(', ')}.`;
    changed();
  }
  add.addEventListener('click', addTyped);
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); addTyped(); } });
  input.addEventListener('keypress', (e) => { if (e.key === 'Enter') e.preventDefault(); });
  draw();
  return {
    el, focusId: id,
    // What is still typed in the box counts too, so nothing typed is lost.
    get: () => {
      const pending = input.value.split(',').map((s) => s.trim()).filter(Boolean);
      return [...tags, ...pending.filter((p) => !tags.includes(p))];
    },
    key: () => JSON.stringify(tags) + '|' + input.value,
    setError: (msg) => setInvalid(input, err, msg),
  };
}
