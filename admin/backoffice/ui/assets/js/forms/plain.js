// @ts-check
// The plain controls: text, slug, select, number, checkbox and date.

/**
 * @import { WidgetMaker } from '../ui-types.js'
 */

import { h, $, toPB, dateInputValue, parseVNDate, parseNumber } from '../util.js';
import { fieldMeta, vocab, formsInUse, siteSection } from '../schema.js';
import { frame, setInvalid, counterFor } from './field.js';

/**
 * A line of text, a paragraph (textarea) or a web address (url).
 * @type {WidgetMaker}
 */
export function textWidget(def, value, opts) {
  const id = `f-${def.name}`;
  const m = fieldMeta(opts.collection, def.name);
  const multi = def.widget === 'textarea';
  const input = multi
    ? h('textarea', { id, name: def.name, rows: def.rows || 3, spellcheck: 'true' })
    : h('input', { id, name: def.name, type: def.widget === 'url' ? 'url' : 'text', spellcheck: def.widget === 'url' || def.widget === 'slug' ? 'false' : 'true', autocomplete: 'off' });
  input.value = value === null || value === undefined ? '' : String(value);
  const counter = m.max && def.widget !== 'slug' ? counterFor(input, m.max) : null;
  const { el, err } = frame({ ...def, required: (def.required || m.required) && def.widget !== 'slug' }, id, input, { extra: counter });
  return {
    el, focusId: id,
    get: () => (def.widget === 'url' ? input.value.trim() : input.value),
    key: () => input.value,
    setError: (msg) => setInvalid(input, err, msg),
  };
}

/**
 * A record's address on the site, with the whole address shown under it.
 * @type {WidgetMaker}
 */
export function slugWidget(def, value, opts) {
  const w = textWidget(def, value, opts);
  const site = siteSection(opts.collection);
  if (site) {
    const input = $(w.el, 'input', HTMLInputElement);
    const show = h('p', { class: 'hint slug-preview' });
    const upd = () => { show.textContent = input.value ? `Trang công khai: /${site}/${input.value}/` : ''; };
    input.addEventListener('input', upd);
    upd();
    w.el.append(show);
  }
  return w;
}

/**
 * A choice of a list (def.vocab), or of a quarter.
 * @type {WidgetMaker}
 */
export function selectWidget(def, value, opts) {
  const id = `f-${def.name}`;
  const m = fieldMeta(opts.collection, def.name);
  const options = def.widget === 'quarter'
    ? [1, 2, 3, 4].map((n) => ({ key: String(n), label: `Quý ${['I', 'II', 'III', 'IV'][n - 1]}` }))
    // Award forms: only those the commune uses, and a record's own form.
    : vocab(def.vocab || '').filter((o) => def.vocab !== 'awardForms' || o.key === value || formsInUse().includes(o.key));
  const sel = h('select', { id, name: def.name },
    h('option', { value: '' }, def.empty || (m.required || def.required || def.widget === 'quarter' ? '— Chọn —' : '— Không chọn —')),
    options.map((o) => h('option', { value: o.key }, o.label)));
  sel.value = value === null || value === undefined || value === 0 ? '' : String(value);
  const { el, err } = frame({ ...def, required: def.required || m.required }, id, sel);
  return {
    el, focusId: id,
    get: () => (def.widget === 'quarter' ? (sel.value ? Number(sel.value) : null) : sel.value),
    key: () => sel.value,
    setError: (msg) => setInvalid(sel, err, msg),
  };
}

/**
 * A number typed the Vietnamese way (97,5), whole when the field says so.
 * @type {WidgetMaker}
 */
export function numberWidget(def, value, opts) {
  const id = `f-${def.name}`;
  const m = fieldMeta(opts.collection, def.name);
  const input = h('input', { id, name: def.name, type: 'text', inputmode: m.onlyInt ? 'numeric' : 'decimal', autocomplete: 'off', class: 'input-short' });
  input.value = value === null || value === undefined || (value === 0 && !m.required && def.name !== 'weight') ? '' : String(value).replace('.', ',');
  if (value === 0 && def.name === 'weight') input.value = '0';
  const { el, err } = frame({ ...def, required: def.required || m.required }, id, input);
  return {
    el, focusId: id,
    get: () => {
      const r = parseNumber(input.value);
      if ('error' in r) return { error: r.error + (m.onlyInt ? ' Hãy nhập một số nguyên.' : ' Hãy nhập một số, phần thập phân sau dấu phẩy, ví dụ 97,5.') };
      if (r.value !== null && m.onlyInt && !Number.isInteger(r.value)) return { error: 'Hãy nhập một số nguyên.' };
      return r.value;
    },
    key: () => input.value,
    setError: (msg) => setInvalid(input, err, msg),
  };
}

/**
 * A checkbox.
 * @type {WidgetMaker}
 */
export function boolWidget(def, value) {
  const id = `f-${def.name}`;
  const input = h('input', { id, name: def.name, type: 'checkbox' });
  input.checked = !!value;
  const err = h('p', { id: `${id}-error`, class: 'field-error', hidden: true });
  const el = h('div', { class: 'field field-check', dataset: { field: def.name } }, err, input, h('label', { for: id }, def.label));
  input.setAttribute('aria-describedby', `${id}-error`);
  return { el, focusId: id, get: () => input.checked, key: () => String(input.checked), setError: (msg) => setInvalid(input, err, msg) };
}

/**
 * A date in Vietnam typed as dd/mm/yyyy, stored as that day's midnight in
 * Vietnam (25/11/2026 → "2026-11-24 17:00:00.000Z").
 * @type {WidgetMaker}
 */
export function dateWidget(def, value, opts) {
  const id = `f-${def.name}`;
  const m = fieldMeta(opts.collection, def.name);
  const input = h('input', { id, name: def.name, type: 'text', inputmode: 'numeric', autocomplete: 'off', class: 'input-date', placeholder: 'dd/mm/yyyy' });
  input.value = dateInputValue(value);
  const { el, err } = frame({ ...def, required: def.required || m.required, hint: def.hint || 'Ngày/tháng/năm, ví dụ 25/11/2026.' }, id, input);
  return {
    el, focusId: id,
    get: () => {
      if (!input.value.trim()) return '';
      const r = parseVNDate(input.value);
      return 'error' in r ? { error: r.error } : toPB(r.date);
    },
    key: () => input.value,
    setError: (msg) => setInvalid(input, err, msg),
  };
}
