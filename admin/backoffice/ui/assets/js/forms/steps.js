// @ts-check
// A guide's steps: each with its title, text, link, cost and how it joins
// the step before; added, moved and removed in place.

/**
 * @import { Step } from '../types.js'
 * @import { WidgetMaker } from '../ui-types.js'
 */

import { h, fill, find } from '../util.js';
import { vocab } from '../schema.js';
import { frame, setInvalid } from './field.js';

/** A step as edited: every part present. @typedef {Required<Step>} FullStep */
/** @typedef {keyof FullStep} StepPart */
/** @type {StepPart[]} */
const PARTS = ['title', 'text', 'link', 'linkText', 'cost', 'logic'];

/**
 * A guide's steps: each with its title, text, link, cost and how it joins
 * the step before; added, moved and removed in place.
 * @type {WidgetMaker}
 */
export function stepsWidget(def, value) {
  const id = `f-${def.name}`;
  const logic = vocab('stepLogic');
  /** @type {FullStep[]} */
  const steps = (Array.isArray(value) ? value : []).map((s) => ({ title: '', text: '', link: '', linkText: '', cost: '', logic: '', ...s }));
  const listEl = h('ol', { class: 'steps-editor' });
  const status = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  const addBtn = h('button', { type: 'button', id, class: 'btn btn-secondary' }, 'Thêm bước');
  const box = h('div', {}, listEl, addBtn, status);
  const { el, err } = frame(def, id, box, { group: true });
  const changed = () => el.dispatchEvent(new Event('input', { bubbles: true }));

  function read() {
    listEl.querySelectorAll(':scope > li').forEach((li, i) => {
      const s = steps[i];
      for (const k of PARTS) {
        const c = li.querySelector(`[data-k="${k}"]`);
        if (c instanceof HTMLInputElement || c instanceof HTMLTextAreaElement || c instanceof HTMLSelectElement) s[k] = c.value;
      }
    });
  }
  /**
   * draw shows the steps; focus, if given, goes to a part of a step (its
   * title, or the button that moved it up or down), or with index -1 to the
   * add button.
   * @param {{ index: number, k: 'title' | 'up' | 'down' }} [focus]
   */
  function draw(focus) {
    fill(listEl, steps.map((s, i) => {
      const n = i + 1;
      const sid = `${id}-${n}`;
      /**
       * @param {StepPart} k
       * @param {string} labelText
       * @param {'input' | 'textarea'} [tag]
       * @param {Record<string, string | number>} [attrs]
       */
      const ctl = (k, labelText, tag = 'input', attrs = {}) => {
        const c = h(tag, { id: `${sid}-${k}`, dataset: { k }, ...attrs });
        c.value = s[k] || '';
        return h('div', { class: 'field field-compact' }, h('label', { for: `${sid}-${k}` }, labelText), c);
      };
      const logicSel = h('select', { id: `${sid}-logic`, dataset: { k: 'logic' }, disabled: i === 0 },
        logic.map((o) => h('option', { value: o.key }, o.key === '' ? 'Là bước tiếp theo' : `Nối với bước trước bằng “${o.label}”`)));
      logicSel.value = i === 0 ? '' : (s.logic || '');
      const move = (/** @type {number} */ delta, /** @type {string} */ label) => h('button', {
        type: 'button', class: 'btn btn-small btn-secondary', disabled: i + delta < 0 || i + delta >= steps.length,
        'aria-label': `${label} bước ${n}`,
        onclick: () => {
          read();
          const [x] = steps.splice(i, 1);
          steps.splice(i + delta, 0, x);
          if (steps[0]) steps[0].logic = '';
          draw({ index: i + delta, k: delta < 0 ? 'up' : 'down' });
          status.textContent = `Đã chuyển bước ${n} thành bước ${n + delta}.`;
          changed();
        },
      }, label);
      return h('li', { class: 'step' },
        h('fieldset', {},
          h('legend', {}, `Bước ${n}`),
          ctl('title', 'Tiêu đề bước', 'input', { type: 'text' }),
          ctl('text', 'Nội dung (Markdown)', 'textarea', { rows: 3 }),
          h('div', { class: 'grid-2' },
            ctl('link', 'Liên kết (https://…)', 'input', { type: 'url', spellcheck: 'false' }),
            ctl('linkText', 'Chữ của liên kết', 'input', { type: 'text' })),
          h('div', { class: 'grid-2' },
            ctl('cost', 'Chi phí', 'input', { type: 'text' }),
            h('div', { class: 'field field-compact' }, h('label', { for: `${sid}-logic` }, 'Cách nối'), logicSel)),
          h('div', { class: 'step-actions' },
            move(-1, 'Lên'), move(1, 'Xuống'),
            h('button', {
              type: 'button', class: 'btn btn-small btn-danger-quiet', 'aria-label': `Xóa bước ${n}`,
              onclick: () => {
                read();
                steps.splice(i, 1);
                if (steps[0]) steps[0].logic = '';
                draw({ index: Math.min(i, steps.length - 1), k: 'title' });
                status.textContent = `Đã xóa bước ${n}.`;
                changed();
              },
            }, 'Xóa bước'))));
    }));
    if (steps.length === 0) listEl.append(h('li', { class: 'muted no-marker' }, 'Chưa có bước nào.'));
    if (focus && focus.index >= 0) {
      const li = listEl.children[focus.index];
      if (li) {
        // Focus stays on the button pressed, or on the other one when the
        // step has reached the top or the bottom.
        const moves = [...li.querySelectorAll('.step-actions button')].filter((b) => b instanceof HTMLButtonElement && !b.disabled && (b.textContent === 'Lên' || b.textContent === 'Xuống'));
        const same = focus.k === 'up' ? 'Lên' : 'Xuống';
        const btn = focus.k === 'up' || focus.k === 'down'
          ? moves.find((b) => b.textContent === same) || moves[0]
          : null;
        const to = btn instanceof HTMLElement ? btn : find(li, '[data-k="title"]');
        if (to) to.focus();
      }
    } else if (focus) {
      addBtn.focus();
    }
  }
  addBtn.addEventListener('click', () => {
    read();
    steps.push({ title: '', text: '', link: '', linkText: '', cost: '', logic: '' });
    draw({ index: steps.length - 1, k: 'title' });
    status.textContent = `Đã thêm bước ${steps.length}.`;
    changed();
  });
  draw();
  const clean = () => steps.map((s) => {
    /** @type {Step} */
    const o = { title: s.title };
    for (const k of PARTS) if (k !== 'title' && s[k]) o[k] = s[k];
    return o;
  });
  return {
    el, focusId: id,
    get: () => { read(); return clean(); },
    key: () => { read(); return JSON.stringify(clean()); },
    setError: (msg) => setInvalid(null, err, msg),
  };
}
