// @ts-check
// The picker: search records and choose one or several.

/**
 * @import { Expand, RecordBase } from '../types.js'
 * @import { WidgetMaker } from '../ui-types.js'
 */

import { h, fill, debounce, q } from '../util.js';
import { list, find, asApiError } from '../api.js';
import { fieldMeta, titleOf, collections } from '../schema.js';
import { frame, setInvalid } from './field.js';

/**
 * The picker: search records of def.target and choose one or several.
 * @type {WidgetMaker}
 */
export function pickerWidget(def, value, opts) {
  const id = `f-${def.name}`;
  const m = fieldMeta(opts.collection, def.name);
  const multiple = (m.maxSelect || 1) > 1;
  const target = def.target || '';
  const tc = collections[target];
  const nameField = tc.titleField || 'name';
  let selected = (Array.isArray(value) ? value : value ? [value] : []).map((rid) => ({ id: String(rid), title: '' }));
  // Titles of what is already chosen come with the record (expand).
  const expand = /** @type {Expand | undefined} */ (opts.record ? opts.record.expand : undefined);
  const expanded = expand ? expand[def.name] : null;
  /** @type {RecordBase[]} */
  const known = Array.isArray(expanded) ? expanded : expanded ? [expanded] : [];
  for (const x of known) {
    const s = selected.find((y) => y.id === x.id);
    if (s) s.title = titleOf(target, x);
  }
  const chosen = h('ul', { class: 'chips', 'aria-label': `${def.label} đã chọn` });
  const search = h('input', { id, type: 'search', autocomplete: 'off', spellcheck: 'false', placeholder: 'Gõ để tìm…', 'aria-controls': `${id}-results` });
  const status = h('p', { class: 'hint', 'aria-live': 'polite', id: `${id}-status` });
  const results = h('ul', { class: 'picker-results', id: `${id}-results`, 'aria-label': 'Kết quả tìm kiếm' });
  const searchLabel = h('label', { for: id, class: 'sub-label' }, multiple ? 'Tìm để thêm' : 'Tìm để chọn');
  const box = h('div', { class: 'picker' }, chosen, searchLabel, search, status, results);
  const { el, err } = frame({ ...def, required: def.required || m.required }, id, box, { group: true });
  search.setAttribute('aria-describedby', `${id}-status ${id}-error`);

  function drawChosen() {
    fill(chosen, selected.length === 0
      ? h('li', { class: 'muted' }, 'Chưa chọn.')
      : selected.map((s) => h('li', { class: 'chip' },
        h('span', {}, s.title || s.id),
        h('button', {
          type: 'button', class: 'chip-remove', 'aria-label': `Bỏ chọn ${s.title || s.id}`,
          onclick: () => {
            selected = selected.filter((x) => x.id !== s.id);
            drawChosen();
            search.focus();
            changed();
          },
        }, '×'))));
  }
  const missing = selected.filter((s) => !s.title);
  if (missing.length) {
    list(target, { filter: missing.map((s) => `id=${q(s.id)}`).join('||'), perPage: 50, fields: `id,${nameField},status` })
      .then((r) => {
        for (const x of r.items) {
          const s = selected.find((y) => y.id === x.id);
          if (s) s.title = titleOf(target, x);
        }
        drawChosen();
      }).catch(() => {});
  }
  drawChosen();

  /** @type {AbortController | null} */
  let ctrl = null;
  const run = debounce(async () => {
    const text = search.value.trim();
    if (ctrl) ctrl.abort();
    if (!text) {
      results.replaceChildren();
      status.textContent = '';
      return;
    }
    ctrl = new AbortController();
    try {
      // Without diacritics too, in Vietnamese alphabetical order (the server folds and sorts).
      const r = await find(target, text, { in: tc.search.filter((f) => !f.includes('.')).join(','), limit: 8, sort: 'vi' }, { signal: ctrl.signal });
      status.textContent = r.items.length ? (r.totalItems > r.items.length ? `Có ${r.totalItems} kết quả; ${r.items.length} kết quả đầu ở dưới, gõ thêm để thu hẹp.` : `Có ${r.totalItems} kết quả.`) : 'Không tìm thấy.';
      fill(results, r.items.map((x) => {
        const title = x.title || x.id;
        const already = selected.some((s) => s.id === x.id);
        return h('li', {}, h('span', {}, title), h('button', {
          type: 'button', class: 'btn btn-small btn-secondary', disabled: already,
          'aria-label': `Chọn ${title}`,
          onclick: () => {
            if (multiple) selected.push({ id: x.id, title });
            else selected = [{ id: x.id, title }];
            if (m.maxSelect && selected.length > m.maxSelect) selected = selected.slice(-m.maxSelect);
            drawChosen();
            results.replaceChildren();
            search.value = '';
            status.textContent = `Đã chọn ${title}.`;
            search.focus();
            changed();
          },
        }, already ? 'Đã chọn' : 'Chọn'));
      }));
    } catch (ex) {
      const e = asApiError(ex);
      if (e.name !== 'AbortError') status.textContent = e.message;
    }
  }, 250);
  search.addEventListener('input', run);
  search.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); run(); } });
  search.addEventListener('keypress', (e) => { if (e.key === 'Enter') e.preventDefault(); });
  const changed = () => el.dispatchEvent(new Event('input', { bubbles: true }));
  return {
    el, focusId: id,
    get: () => (multiple ? selected.map((s) => s.id) : (selected[0] ? selected[0].id : '')),
    key: () => selected.map((s) => s.id).join(','),
    setError: (msg) => setInvalid(search, err, msg),
  };
}
